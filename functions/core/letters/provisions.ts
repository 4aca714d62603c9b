// Legal provisions, formatted per language. Every citation in a letter comes from here, so a wrong
// article number is corrected in one place: the GDPR's articles in each language's official style, the
// German and UK complaint provisions, the CCPA's sections and regulations, and each US state act's
// (functions/core/us-states.ts). CitationLog records which of them a rendered text actually cites.
import type { Law } from '../jurisdiction.ts';
import { type Basis, type Language, LANGUAGES } from '../model.ts';
import { usStateLaw } from '../us-states.ts';

export interface Provision {
  /** Language-neutral name, as returned in Letter.citations. */
  id: string;
  text: Record<Language, string>;
}

/**
 * The GDPR's official name in each language (its abbreviation as the Official Journal and the
 * supervisory authorities use it): GDPR, DSGVO, RGPD (règlement général sur la protection des données;
 * Reglamento General de Protección de Datos; regolamento generale sulla protezione dei dati), AVG
 * (Algemene verordening gegevensbescherming), RODO (ogólne rozporządzenie o ochronie danych). The UK
 * GDPR keeps its own name everywhere.
 */
const GDPR_NAMES: Record<Language, string> = { en: 'GDPR', de: 'DSGVO', fr: 'RGPD', es: 'RGPD', it: 'RGPD', nl: 'AVG', pl: 'RODO' };

/**
 * "article 6, paragraphe 1, point f), du RGPD" (fr), "artículo 6, apartado 1, letra f), del RGPD" (es),
 * "articolo 6, paragrafo 1, lettera f), del RGPD" (it): the Official Journal's style; without a
 * paragraph "article 19 du RGPD".
 */
function romanceCitation(words: [string, string, string, string], name: string, article: number, paragraph?: number, point?: string): string {
  const [art, par, pt, of] = words;
  if (!paragraph) return `${art} ${article} ${of} ${name}`;
  return `${art} ${article}, ${par} ${paragraph}${point ? `, ${pt} ${point})` : ''}, ${of} ${name}`;
}

function gdprArticle(law: 'gdpr' | 'uk-gdpr', article: number, paragraph?: number, point?: string): Provision {
  const uk = law === 'uk-gdpr';
  const name = (lang: Language) => (uk ? 'UK GDPR' : GDPR_NAMES[lang]);
  // English style "Art. 18(1)(d) GDPR", German style "Art. 18 Abs. 1 lit. d DSGVO".
  const en = `Art. ${article}${paragraph ? `(${paragraph})` : ''}${point ? `(${point})` : ''}`;
  const de = `Art. ${article}${paragraph ? ` Abs. ${paragraph}` : ''}${point ? ` lit. ${point}` : ''}`;
  // Dutch "artikel 18, lid 1, onder d, AVG"; Polish "art. 18 ust. 1 lit. d RODO".
  const nl = `artikel ${article}${paragraph ? `, lid ${paragraph}` : ''}${point ? `, onder ${point}` : ''}${paragraph ? ',' : ''}`;
  const pl = `art. ${article}${paragraph ? ` ust. ${paragraph}` : ''}${point ? ` lit. ${point}` : ''}`;
  return {
    id: `${uk ? 'UK GDPR' : 'GDPR'} ${en}`,
    text: {
      en: `${en} ${name('en')}`,
      de: `${de} ${name('de')}`,
      fr: romanceCitation(['article', 'paragraphe', 'point', 'du'], name('fr'), article, paragraph, point),
      es: romanceCitation(['artículo', 'apartado', 'letra', 'del'], name('es'), article, paragraph, point),
      it: romanceCitation(['articolo', 'paragrafo', 'lettera', 'del'], name('it'), article, paragraph, point),
      nl: `${nl} ${name('nl')}`,
      pl: `${pl} ${name('pl')}`,
    },
  };
}

/** A GDPR article as the letters in `lang` cite it ("Art. 21(1) GDPR", "art. 21 ust. 1 RODO"), for other texts. */
export function citeGdpr(law: 'gdpr' | 'uk-gdpr', lang: Language, article: number, paragraph?: number, point?: string): string {
  return gdprArticle(law, article, paragraph, point).text[lang];
}

/** US citations read the same in every language. */
function usProvision(citation: string): Provision {
  return { id: citation, text: Object.fromEntries(LANGUAGES.map((lang) => [lang, citation])) as Record<Language, string> };
}

function gdprProvisions(law: 'gdpr' | 'uk-gdpr') {
  return {
    art6_1e: gdprArticle(law, 6, 1, 'e'),
    art6_1f: gdprArticle(law, 6, 1, 'f'),
    art7_3: gdprArticle(law, 7, 3),
    art9_1: gdprArticle(law, 9, 1),
    art9_2: gdprArticle(law, 9, 2),
    art9_2a: gdprArticle(law, 9, 2, 'a'),
    art9_2e: gdprArticle(law, 9, 2, 'e'),
    art12_3: gdprArticle(law, 12, 3),
    art12_4: gdprArticle(law, 12, 4),
    art13_1c: gdprArticle(law, 13, 1, 'c'),
    art15_1: gdprArticle(law, 15, 1),
    art15_1c: gdprArticle(law, 15, 1, 'c'),
    art17_1b: gdprArticle(law, 17, 1, 'b'),
    art17_1c: gdprArticle(law, 17, 1, 'c'),
    art18_1d: gdprArticle(law, 18, 1, 'd'),
    art19: gdprArticle(law, 19),
    art21_1: gdprArticle(law, 21, 1),
    art77_1: gdprArticle(law, 77, 1),
    art78_2: gdprArticle(law, 78, 2),
    art79: gdprArticle(law, 79),
    // Complaints: forwarding to the lead authority (EU only, and § 19(2) BDSG in Germany); the UK's
    // remedy when the ICO does not progress a complaint.
    ...(law === 'gdpr' ? { art56: gdprArticle(law, 56), art60: gdprArticle(law, 60), bdsg19_2: BDSG_19_2 } : { dpa166: DPA_166 }),
  };
}

/** A German authority passes a complaint on to the lead (or competent) authority. */
const BDSG_19_2: Provision = {
  id: 'BDSG § 19(2)',
  text: {
    en: 'section 19(2) BDSG',
    de: '§ 19 Abs. 2 BDSG',
    fr: '§ 19, alinéa 2, du BDSG',
    es: '§ 19, apartado 2, de la BDSG',
    it: '§ 19, comma 2, del BDSG',
    nl: '§ 19, lid 2, BDSG',
    pl: '§ 19 ust. 2 BDSG',
  },
};
/** The Tribunal remedy when the ICO does not progress a complaint (not GDPR Art. 78(2)). */
const DPA_166: Provision = {
  id: 'DPA 2018 s. 166',
  text: {
    en: 'section 166 of the Data Protection Act 2018',
    de: 'Section 166 Data Protection Act 2018',
    fr: 'section 166 du Data Protection Act 2018',
    es: 'sección 166 de la Data Protection Act 2018',
    it: 'sezione 166 del Data Protection Act 2018',
    nl: 'section 166 van de Data Protection Act 2018',
    pl: 'sekcja 166 Data Protection Act 2018',
  },
};

const CCPA_PROVISIONS = {
  civ105: usProvision('Cal. Civ. Code § 1798.105'),
  civ105c: usProvision('Cal. Civ. Code § 1798.105(c)'),
  civ120: usProvision('Cal. Civ. Code § 1798.120'),
  civ121: usProvision('Cal. Civ. Code § 1798.121'),
  ccr7021a: usProvision('11 CCR § 7021(a)'),
  ccr7021b: usProvision('11 CCR § 7021(b)'),
  ccr7025: usProvision('11 CCR § 7025'),
  ccr7026d: usProvision('11 CCR § 7026(d)'),
  ccr7026f: usProvision('11 CCR § 7026(f)'),
  // Authorized agents: the signed permission (opt-out: § 7026; other requests: § 7063).
  ccr7026: usProvision('11 CCR § 7026'),
  ccr7063: usProvision('11 CCR § 7063'),
};

export type ProvisionTable = Record<string, Provision>;

/** The provisions a letter under `law` may cite, by key (a US state act's by its state). */
export function provisionsFor(law: Law, usState: string | undefined): ProvisionTable {
  if (law === 'gdpr' || law === 'uk-gdpr') return gdprProvisions(law);
  if (law === 'ccpa') return CCPA_PROVISIONS;
  const state = law === 'us-state' && usState ? usStateLaw(usState) : undefined;
  if (state) {
    const table: ProvisionTable = { optOut: usProvision(state.optOut), deletion: usProvision(state.deletion), response: usProvision(state.response) };
    if (state.agent) table.agentRoute = usProvision(state.agent.citation);
    return table;
  }
  return {};
}

/** Per basis: the rights the first letter exercises, and the provision setting its answer deadline. */
export const BASIS_PROVISIONS: Record<Basis, { claims: string[]; deadline: string | null }> = {
  'gdpr-objection': { claims: ['art21_1', 'art7_3', 'art18_1d', 'art17_1c', 'art15_1', 'art19'], deadline: 'art12_3' },
  'ccpa-opt-out': { claims: ['civ120', 'civ121'], deadline: 'ccr7026f' },
  'ccpa-delete': { claims: ['civ105', 'civ105c'], deadline: 'ccr7021b' },
  'us-state-request': { claims: ['optOut', 'deletion'], deadline: 'response' },
  'ai-training-request': { claims: [], deadline: null },
};

/**
 * Records the provisions the rendered text cites. Values handed to the template are getters:
 * Handlebars reads a value only where the text uses it, so untaken {{#if}} branches cite nothing.
 */
export class CitationLog {
  private readonly ids = new Set<string>();

  define(target: object, key: string, text: string | null, provisions: Provision[]): void {
    Object.defineProperty(target, key, {
      enumerable: true,
      get: () => {
        if (text !== null) for (const p of provisions) this.ids.add(p.id);
        return text;
      },
    });
  }

  list(): string[] {
    return [...this.ids];
  }
}
