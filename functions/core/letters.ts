// Renders the letters a request sends: the first letter for a legal basis (GDPR objection, CCPA
// opt-out or deletion, plain request) and the follow-ups (reminder, final notice, complaint draft),
// in each of LANGUAGES (functions/core/model.ts). The prose lives in templates/letters/<kind>.<lang>.hbs; this module validates
// the input, formats dates and legal citations for the language, and records which provisions the
// rendered text actually cites.
import { z } from 'zod';
import { multiLine, singleLine } from './text-rules.ts';
import { type Grounds, GroundsSchema } from './grounds.ts';
import type { Law } from './jurisdiction.ts';
import { type OptOutPurpose, type UsStateLaw, usStateLaw } from './us-states.ts';
import { BASES, type Basis, BasisSchema, type Language, LANGUAGES, LanguageSchema } from './model.ts';
import { render } from './templates.ts';

export const FOLLOW_UP_KINDS = ['reminder', 'final-notice', 'complaint'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
export const LETTER_KINDS = [...BASES, ...FOLLOW_UP_KINDS] as const;
export type LetterKind = Basis | FollowUpKind;

export interface LetterParty {
  name: string;
  /** Absent when no sourced postal address is known: the letter then prints no address line. */
  address?: string;
}

export interface LetterInput {
  kind: LetterKind;
  lang: Language;
  law: Law;
  provider: { name: string; legalEntity: LetterParty };
  person: { name: string; email: string };
  account: { identifier: string };
  /** The person's state ("US-CO") when law is 'us-state': it decides which act the letter cites. */
  usState?: string;
  /**
   * The authorized agent (deployment operator); null when the person sends the letter themselves.
   * `authorizationFile`: the file name of the person's signed authorization attached to the email
   * (functions/app/authorization.ts); without it the letter claims no signed permission.
   */
  agent: { name: string; authorizationFile?: string } | null;
  reference: string;
  /** YYYY-MM-DD the letter is sent. */
  date: string;
  /** YYYY-MM-DD deadline for the answer to this letter. */
  dueDate: string;
  /** The first letter; required for reminder, final-notice and complaint. */
  original?: { basis: Basis; date: string; reference: string; dueDate: string };
  /**
   * Required for a complaint, and for a final notice unless law is 'none': the addressee of the
   * complaint (functions/core/authorities complaintAuthority). `country` (ISO 3166-1) lets a German
   * authority's letter cite § 19(2) BDSG.
   */
  authority?: { name: string; address: string; email?: string; webform?: string; country?: string };
  /** GDPR complaint: the lead authority (Art. 56) the addressee is asked to forward it to, if another. */
  lead?: { name: string; address: string } | null;
  /** Events since the first letter (reminder sent, reply received...), worded in the letter's language. */
  timeline?: { date: string; what: string }[];
  /** Short summary of what the provider replied, if anything. */
  providerAnswer?: string | null;
  /**
   * The person's own grounds (functions/core/grounds.ts); without them the objection gives generic
   * grounds. The GDPR objection states them (Art. 21(1) asks for them), and the plain request lists
   * them as reasons, since it persuades rather than claims. CCPA and US-state letters leave them out:
   * an opt-out there needs no reason, and giving one would invite the business to weigh it.
   */
  grounds?: Grounds | null;
}

export interface Letter {
  subject: string;
  text: string;
  lang: Language;
  /** The legal provisions the text cites, e.g. 'GDPR Art. 21(1)', 'Cal. Civ. Code § 1798.120'. */
  citations: string[];
}

/** Bad letter input; `field` is the dotted path of the first offending field. */
export class LetterInputError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = 'LetterInputError';
    this.field = field;
  }
}

// ---------------------------------------------------------------------------------------------
// Choosing the basis and the language

/** The legal action a first letter takes for a person under `law`. */
export function basisFor(law: Law, preferDeletion = false): Basis {
  switch (law) {
    case 'gdpr':
    case 'uk-gdpr':
      return 'gdpr-objection';
    case 'ccpa':
      return preferDeletion ? 'ccpa-delete' : 'ccpa-opt-out';
    case 'us-state':
      return 'us-state-request';
    case 'none':
      return 'ai-training-request';
  }
}

/** The person's language if the provider takes it, otherwise the provider's first language. */
export function letterLanguage(providerLanguages: Language[], personLanguage: Language): Language {
  if (providerLanguages.includes(personLanguage)) return personLanguage;
  return providerLanguages[0] ?? personLanguage;
}

// ---------------------------------------------------------------------------------------------
// Legal provisions, formatted per language. Every citation in a letter comes from here, so a
// wrong article number is corrected in one place.

interface Provision {
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
    art9_2a: gdprArticle(law, 9, 2, 'a'),
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

type ProvisionTable = Record<string, Provision>;

function provisionsFor(law: Law, usState: string | undefined): ProvisionTable {
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
const BASIS_PROVISIONS: Record<Basis, { claims: string[]; deadline: string | null }> = {
  'gdpr-objection': { claims: ['art21_1', 'art7_3', 'art18_1d', 'art17_1c', 'art15_1', 'art19'], deadline: 'art12_3' },
  'ccpa-opt-out': { claims: ['civ120', 'civ121'], deadline: 'ccr7026f' },
  'ccpa-delete': { claims: ['civ105', 'civ105c'], deadline: 'ccr7021b' },
  'us-state-request': { claims: ['optOut', 'deletion'], deadline: 'response' },
  'ai-training-request': { claims: [], deadline: null },
};

/** Titles of the first letters, quoted in the follow-ups: `full` in the body, `short` in subject lines. */
type TitleFn = (cite: (key: string) => string) => string;
const BASIS_TITLES: Record<Basis, Record<Language, { full: TitleFn; short: TitleFn }>> = {
  'gdpr-objection': {
    en: {
      full: (cite) => `Objection to AI training under ${cite('art21_1')}`,
      short: (cite) => `objection under ${cite('art21_1')}`,
    },
    de: {
      full: (cite) => `Widerspruch gegen KI-Training nach ${cite('art21_1')}`,
      short: (cite) => `Widerspruch nach ${cite('art21_1')}`,
    },
    fr: {
      full: (cite) => `Opposition à l'entraînement de l'IA en vertu de l'${cite('art21_1')}`,
      short: (cite) => `opposition en vertu de l'${cite('art21_1')}`,
    },
    es: {
      full: (cite) => `Oposición al entrenamiento de IA conforme al ${cite('art21_1')}`,
      short: (cite) => `oposición (${cite('art21_1')})`,
    },
    it: {
      full: (cite) => `Opposizione all'addestramento dell'IA ai sensi dell'${cite('art21_1')}`,
      short: (cite) => `opposizione (${cite('art21_1')})`,
    },
    nl: {
      full: (cite) => `Bezwaar tegen AI-training op grond van ${cite('art21_1')}`,
      short: (cite) => `bezwaar op grond van ${cite('art21_1')}`,
    },
    pl: {
      full: (cite) => `Sprzeciw wobec trenowania AI na podstawie ${cite('art21_1')}`,
      short: (cite) => `sprzeciw na podstawie ${cite('art21_1')}`,
    },
  },
  'ccpa-opt-out': {
    en: {
      full: () => 'Request to opt out of sale/sharing and to limit the use of sensitive personal information',
      short: () => 'CCPA opt-out request',
    },
    de: {
      full: () => 'Opt-out aus Verkauf und Weitergabe sowie Beschränkung sensibler personenbezogener Informationen',
      short: () => 'CCPA-Opt-out',
    },
    fr: {
      full: () => "Demande d'opposition à la vente et au partage et de limitation de l'utilisation des informations personnelles sensibles",
      short: () => "demande d'opt-out CCPA",
    },
    es: {
      full: () => 'Solicitud de exclusión de la venta y el intercambio y de limitación del uso de la información personal sensible',
      short: () => 'solicitud de exclusión (opt-out) CCPA',
    },
    it: {
      full: () => "Richiesta di opposizione alla vendita e alla condivisione e di limitazione dell'uso delle informazioni personali sensibili",
      short: () => 'richiesta di opt-out CCPA',
    },
    nl: {
      full: () => 'Verzoek om opt-out van verkoop en delen en om beperking van het gebruik van gevoelige persoonsgegevens',
      short: () => 'CCPA-opt-outverzoek',
    },
    pl: {
      full: () => 'Żądanie rezygnacji ze sprzedaży i udostępniania oraz ograniczenia wykorzystania wrażliwych informacji osobowych',
      short: () => 'żądanie opt-out na podstawie CCPA',
    },
  },
  'ccpa-delete': {
    en: { full: () => 'Request to delete my personal information', short: () => 'CCPA deletion request' },
    de: { full: () => 'Antrag auf Löschung meiner personenbezogenen Informationen', short: () => 'CCPA-Löschantrag' },
    fr: { full: () => 'Demande de suppression de mes informations personnelles', short: () => 'demande de suppression CCPA' },
    es: { full: () => 'Solicitud de eliminación de mi información personal', short: () => 'solicitud de eliminación CCPA' },
    it: { full: () => 'Richiesta di cancellazione delle mie informazioni personali', short: () => 'richiesta di cancellazione CCPA' },
    nl: { full: () => 'Verzoek om verwijdering van mijn persoonsgegevens', short: () => 'CCPA-verwijderingsverzoek' },
    pl: { full: () => 'Żądanie usunięcia moich informacji osobowych', short: () => 'żądanie usunięcia na podstawie CCPA' },
  },
  'us-state-request': {
    en: {
      full: () => 'Request to opt out of the processing of my personal data and to delete it',
      short: () => 'opt-out and deletion request',
    },
    de: {
      full: () => 'Widerspruch gegen die Verarbeitung meiner personenbezogenen Daten (Opt-out) und Antrag auf ihre Löschung',
      short: () => 'Opt-out- und Löschantrag',
    },
    fr: {
      full: () => "Demande d'opposition au traitement de mes données personnelles (opt-out) et de leur suppression",
      short: () => "demande d'opt-out et de suppression",
    },
    es: {
      full: () => 'Solicitud de exclusión (opt-out) del tratamiento de mis datos personales y de su supresión',
      short: () => 'solicitud de exclusión y supresión',
    },
    it: {
      full: () => 'Richiesta di opposizione (opt-out) al trattamento dei miei dati personali e di cancellazione degli stessi',
      short: () => 'richiesta di opt-out e cancellazione',
    },
    nl: {
      full: () => 'Verzoek om opt-out van de verwerking van mijn persoonsgegevens en om verwijdering ervan',
      short: () => 'opt-out- en verwijderingsverzoek',
    },
    pl: {
      full: () => 'Żądanie rezygnacji (opt-out) z przetwarzania moich danych osobowych i ich usunięcia',
      short: () => 'żądanie opt-out i usunięcia danych',
    },
  },
  'ai-training-request': {
    en: { full: () => 'Request not to use my data for AI training', short: () => 'request about AI training' },
    de: { full: () => 'Bitte, meine Daten nicht für KI-Training zu verwenden', short: () => 'Bitte zum KI-Training' },
    fr: { full: () => "Demande de ne pas utiliser mes données pour l'entraînement de l'IA", short: () => "demande relative à l'entraînement de l'IA" },
    es: { full: () => 'Solicitud de que no se utilicen mis datos para entrenar IA', short: () => 'solicitud sobre el entrenamiento de IA' },
    it: { full: () => "Richiesta di non utilizzare i miei dati per l'addestramento dell'IA", short: () => "richiesta sull'addestramento dell'IA" },
    nl: { full: () => 'Verzoek om mijn gegevens niet voor AI-training te gebruiken', short: () => 'verzoek over AI-training' },
    pl: { full: () => 'Prośba o niewykorzystywanie moich danych do trenowania AI', short: () => 'prośba dotycząca trenowania AI' },
  },
};

/** Which laws a basis may be used under (a plain request works anywhere). */
const BASIS_LAWS: Record<Basis, readonly Law[]> = {
  'gdpr-objection': ['gdpr', 'uk-gdpr'],
  'ccpa-opt-out': ['ccpa'],
  'ccpa-delete': ['ccpa'],
  'us-state-request': ['us-state'],
  'ai-training-request': ['gdpr', 'uk-gdpr', 'ccpa', 'us-state', 'none'],
};

/**
 * Records the provisions the rendered text cites. Values handed to the template are getters:
 * Handlebars reads a value only where the text uses it, so untaken {{#if}} branches cite nothing.
 */
class CitationLog {
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

// ---------------------------------------------------------------------------------------------
// Input validation

const LAWS = ['gdpr', 'uk-gdpr', 'ccpa', 'us-state', 'none'] as const satisfies readonly Law[];

function isCalendarDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(isCalendarDate, 'is not a calendar date');

// The same text rules as the API's (core/text-rules.ts): single-line fields end up in the subject
// line and mail headers, so no line breaks, control or text-direction characters.
const Line = singleLine(1000);
const Block = multiLine(20_000).transform((s) => s.trim()).pipe(z.string().min(1, 'must not be empty'));

const InputSchema = z
  .object({
    kind: z.enum(LETTER_KINDS),
    lang: LanguageSchema,
    law: z.enum(LAWS),
    usState: z.string().optional(),
    provider: z.object({ name: Line, legalEntity: z.object({ name: Line, address: Block.optional() }) }),
    person: z.object({ name: Line, email: z.email('must be an email address') }),
    account: z.object({ identifier: Line }),
    agent: z.object({ name: Line, authorizationFile: z.string().regex(/^[\w.-]+\.pdf$/, 'must be a PDF file name').optional() }).nullable(),
    reference: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,63}$/, 'must be letters, digits and dashes, like OA-7K2M-9QXD'),
    date: IsoDate,
    dueDate: IsoDate,
    original: z
      .object({
        basis: BasisSchema,
        date: IsoDate,
        reference: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,63}$/, 'must be letters, digits and dashes'),
        dueDate: IsoDate,
      })
      .optional(),
    authority: z
      .object({
        name: Line,
        address: Block,
        email: z.email('must be an email address').optional(),
        webform: z.url('must be a URL').optional(),
        country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code').optional(),
      })
      .optional(),
    lead: z.object({ name: Line, address: Block }).nullable().optional(),
    timeline: z.array(z.object({ date: IsoDate, what: Line })).optional(),
    providerAnswer: z.string().trim().min(1, 'must not be empty (pass null instead)').nullable().optional(),
    grounds: GroundsSchema.nullable().optional(),
  })
  .superRefine((input, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (input.dueDate < input.date) issue(['dueDate'], `must not be before date ${input.date}`);
    if (input.law === 'us-state' && !(input.usState && usStateLaw(input.usState))) {
      issue(['usState'], `must be a state with a consumer privacy act (functions/core/us-states.ts) when law is "us-state", got ${input.usState ? `"${input.usState}"` : 'none'}`);
    }
    if (isBasis(input.kind) && !BASIS_LAWS[input.kind].includes(input.law)) {
      issue(['law'], `a ${input.kind} letter needs law ${BASIS_LAWS[input.kind].map((l) => `"${l}"`).join(' or ')}`);
    }
    if (isBasis(input.kind)) return;
    const { original } = input;
    if (!original) {
      issue(['original'], `is required for a ${input.kind}`);
    } else {
      if (!BASIS_LAWS[original.basis].includes(input.law)) {
        issue(['original', 'basis'], `${original.basis} does not fit law "${input.law}"`);
      }
      if (original.dueDate < original.date) issue(['original', 'dueDate'], 'must not be before original.date');
      // A follow-up says the deadline was missed; that must be true on the day it is sent.
      // ...except a complaint about a refusal: the answer came, and it is what is complained about.
      const refusalComplaint = input.kind === 'complaint' && !!input.providerAnswer;
      if (original.dueDate >= input.date && !refusalComplaint) {
        issue(['original', 'dueDate'], `has not passed yet on ${input.date}; a ${input.kind} comes after the deadline`);
      }
    }
    // Where we know the authority (GDPR, UK GDPR, CCPA) the follow-ups must name it. A US state's act
    // names its enforcer (the complaint leaves its address to fill in), and under no law the person
    // fills in the addressee of the draft.
    const knowsAuthority = input.law === 'gdpr' || input.law === 'uk-gdpr' || input.law === 'ccpa';
    const needsAuthority = knowsAuthority && (input.kind === 'complaint' || input.kind === 'final-notice');
    if (needsAuthority && !input.authority) issue(['authority'], `is required for a ${input.kind} under law "${input.law}"`);
    // The one-stop shop (Art. 56, 60) exists only between EU/EEA authorities, and only the complaint names it.
    if (input.lead && !(input.law === 'gdpr' && input.kind === 'complaint')) issue(['lead'], 'is named only in a complaint under law "gdpr"');
  });

type ValidInput = z.infer<typeof InputSchema>;

function isBasis(kind: LetterKind): kind is Basis {
  return (BASES as readonly string[]).includes(kind);
}

function validate(input: unknown): ValidInput {
  const result = InputSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(input)', message: i.message }));
  const first = problems[0]!;
  throw new LetterInputError(
    first.field,
    `Invalid letter input: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS: Record<Language, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  it: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  // Polish dates take the month in the genitive: "25 listopada 2026".
  pl: ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'],
};

/**
 * "25 November 2026" (en), "25. November 2026" (de), "1er mars 2027" (fr), "25 de noviembre de 2026"
 * (es), "1º marzo 2027" (it), "25 november 2026" (nl), "25 listopada 2026" (pl).
 */
export function formatLetterDate(isoDate: string, lang: Language): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const monthName = MONTHS[lang][month - 1];
  switch (lang) {
    case 'de':
      return `${day}. ${monthName} ${year}`;
    case 'fr':
      return `${day === 1 ? '1er' : day} ${monthName} ${year}`;
    case 'es':
      return `${day} de ${monthName} de ${year}`;
    case 'it':
      return `${day === 1 ? '1º' : day} ${monthName} ${year}`;
    default:
      return `${day} ${monthName} ${year}`;
  }
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const AND: Record<Language, string> = { en: ' and ', de: ' und ', fr: ' et ', es: ' y ', it: ' e ', nl: ' en ', pl: ' i ' };

/** "a, b and c". */
function joinList(items: string[], lang: Language, separator = ', '): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(separator)}${AND[lang]}${items[items.length - 1]}`;
}

/**
 * A list of citations: citations that hold commas themselves ("article 21, paragraphe 1, du RGPD")
 * are kept apart by semicolons (French typography puts a space before it).
 */
function joinCitations(items: string[], lang: Language): string {
  const separator = items.some((item) => item.includes(',')) ? (lang === 'fr' ? ' ; ' : '; ') : ', ';
  return joinList(items, lang, separator);
}

// ---------------------------------------------------------------------------------------------
// Rendering

/** The purposes a US state's opt-out covers, as "I opt out of the processing of my personal data <...>". */
const OPT_OUT_PURPOSES: Record<OptOutPurpose, Record<Language, string>> = {
  'targeted-advertising': {
    en: 'for targeted advertising',
    de: 'für zielgerichtete Werbung (targeted advertising)',
    fr: 'à des fins de publicité ciblée (targeted advertising)',
    es: 'con fines de publicidad dirigida (targeted advertising)',
    it: 'per finalità di pubblicità mirata (targeted advertising)',
    nl: 'voor gerichte reclame (targeted advertising)',
    pl: 'w celu reklamy ukierunkowanej (targeted advertising)',
  },
  sale: {
    en: 'for the sale of personal data',
    de: 'für den Verkauf personenbezogener Daten',
    fr: 'aux fins de la vente de données personnelles',
    es: 'para la venta de datos personales',
    it: 'per la vendita di dati personali',
    nl: 'voor de verkoop van persoonsgegevens',
    pl: 'w celu sprzedaży danych osobowych',
  },
  profiling: {
    en: 'for profiling in furtherance of decisions that produce legal or similarly significant effects concerning me',
    de: 'für Profiling zur Vorbereitung von Entscheidungen, die mir gegenüber rechtliche oder ähnlich erhebliche Wirkungen entfalten',
    fr: 'à des fins de profilage en vue de décisions produisant des effets juridiques ou des effets similaires importants à mon égard',
    es: 'para la elaboración de perfiles en apoyo de decisiones que produzcan efectos jurídicos o efectos igualmente significativos sobre mí',
    it: 'per la profilazione finalizzata a decisioni che producono effetti giuridici o effetti analogamente significativi che mi riguardano',
    nl: 'voor profilering ter ondersteuning van besluiten die rechtsgevolgen of vergelijkbare aanzienlijke gevolgen voor mij hebben',
    pl: 'w celu profilowania służącego podejmowaniu decyzji wywołujących wobec mnie skutki prawne lub podobnie istotne skutki',
  },
  'profiling-automated': {
    en: 'for profiling in furtherance of automated decisions that produce legal or similarly significant effects concerning me',
    de: 'für Profiling zur Vorbereitung automatisierter Entscheidungen, die mir gegenüber rechtliche oder ähnlich erhebliche Wirkungen entfalten',
    fr: 'à des fins de profilage en vue de décisions automatisées produisant des effets juridiques ou des effets similaires importants à mon égard',
    es: 'para la elaboración de perfiles en apoyo de decisiones automatizadas que produzcan efectos jurídicos o efectos igualmente significativos sobre mí',
    it: 'per la profilazione finalizzata a decisioni automatizzate che producono effetti giuridici o effetti analogamente significativi che mi riguardano',
    nl: 'voor profilering ter ondersteuning van geautomatiseerde besluiten die rechtsgevolgen of vergelijkbare aanzienlijke gevolgen voor mij hebben',
    pl: 'w celu profilowania służącego podejmowaniu zautomatyzowanych decyzji wywołujących wobec mnie skutki prawne lub podobnie istotne skutki',
  },
  'profiling-solely-automated': {
    en: 'for profiling in furtherance of solely automated decisions that produce legal or similarly significant effects concerning me',
    de: 'für Profiling zur Vorbereitung ausschließlich automatisierter Entscheidungen, die mir gegenüber rechtliche oder ähnlich erhebliche Wirkungen entfalten',
    fr: 'à des fins de profilage en vue de décisions exclusivement automatisées produisant des effets juridiques ou des effets similaires importants à mon égard',
    es: 'para la elaboración de perfiles en apoyo de decisiones exclusivamente automatizadas que produzcan efectos jurídicos o efectos igualmente significativos sobre mí',
    it: 'per la profilazione finalizzata a decisioni basate unicamente sul trattamento automatizzato che producono effetti giuridici o effetti analogamente significativi che mi riguardano',
    nl: 'voor profilering ter ondersteuning van uitsluitend geautomatiseerde besluiten die rechtsgevolgen of vergelijkbare aanzienlijke gevolgen voor mij hebben',
    pl: 'w celu profilowania służącego podejmowaniu decyzji opartych wyłącznie na zautomatyzowanym przetwarzaniu, wywołujących wobec mnie skutki prawne lub podobnie istotne skutki',
  },
};

/**
 * Who to complain to under each GDPR variant, phrased for "...complaint with X" / "...Beschwerde bei X";
 * in the other languages with their preposition ("auprès d'une autorité de contrôle", "ante una
 * autoridad de control", "a un'autorità di controllo", "bij een toezichthoudende autoriteit", "do
 * organu nadzorczego").
 */
const GDPR_AUTHORITY: Record<'gdpr' | 'uk-gdpr', Record<Language, string>> = {
  gdpr: {
    en: 'a supervisory authority',
    de: 'einer Aufsichtsbehörde',
    fr: "auprès d'une autorité de contrôle",
    es: 'ante una autoridad de control',
    it: "a un'autorità di controllo",
    nl: 'bij een toezichthoudende autoriteit',
    pl: 'do organu nadzorczego',
  },
  'uk-gdpr': {
    en: "the Information Commissioner's Office (ICO)",
    de: "dem Information Commissioner's Office (ICO)",
    fr: "auprès de l'Information Commissioner's Office (ICO)",
    es: "ante la Information Commissioner's Office (ICO)",
    it: "all'Information Commissioner's Office (ICO)",
    nl: "bij het Information Commissioner's Office (ICO)",
    pl: "do Information Commissioner's Office (ICO)",
  },
};

/** A US state letter's parts the agent only transmits: "the opt-out <purposes>", "the deletion request". */
const OWN_PARTS: Record<Language, { optOut: (purposes: string) => string; deletion: string }> = {
  en: { optOut: (purposes) => `the opt-out ${purposes}`, deletion: 'the deletion request' },
  de: { optOut: (purposes) => `den Widerspruch ${purposes}`, deletion: 'den Löschantrag' },
  fr: { optOut: (purposes) => `l'opposition ${purposes}`, deletion: 'la demande de suppression' },
  es: { optOut: (purposes) => `la exclusión ${purposes}`, deletion: 'la solicitud de supresión' },
  it: { optOut: (purposes) => `l'opposizione ${purposes}`, deletion: 'la richiesta di cancellazione' },
  nl: { optOut: (purposes) => `de opt-out ${purposes}`, deletion: 'het verwijderingsverzoek' },
  pl: { optOut: (purposes) => `sprzeciw ${purposes}`, deletion: 'żądanie usunięcia danych' },
};

/** The person's grounds as the templates read them: one flag per choice, and their own text. */
function groundsData(grounds: Grounds | null | undefined) {
  if (!grounds) return null;
  const chose = new Set(grounds.choices);
  return {
    photosOfOthers: chose.has('photos-of-others'),
    creativeWork: chose.has('creative-work'),
    specialCategories: chose.has('special-categories'),
    postedAsMinor: chose.has('posted-as-minor'),
    safety: chose.has('safety'),
    text: grounds.text ?? null,
  };
}

/**
 * What a US state's act lets the agent ask for (functions/core/us-states.ts `agent`), and what the
 * letter therefore asks as the person's own request: `agentPurposes` is the opt-out the agent makes,
 * `ownParts` the rest ("the deletion request"), which the agent only transmits. No agent route: all of it.
 */
function agentRoute(state: UsStateLaw, lang: Language) {
  const agent = state.agent;
  const covered = agent ? state.optOutOf.filter((p) => agent.optOutOf.includes(p)) : [];
  const uncovered = state.optOutOf.filter((p) => !covered.includes(p));
  const own: string[] = [];
  if (uncovered.length > 0) {
    const purposes = joinList(uncovered.map((p) => OPT_OUT_PURPOSES[p][lang]), lang);
    own.push(OWN_PARTS[lang].optOut(purposes));
  }
  if (!agent?.deletion) own.push(OWN_PARTS[lang].deletion);
  return {
    agentRoute: covered.length > 0,
    agentPurposes: joinList(covered.map((p) => OPT_OUT_PURPOSES[p][lang]), lang),
    ownParts: own.length > 0 ? joinList(own, lang) : null,
  };
}

/** Renders a letter. Throws LetterInputError naming the field when the input is incomplete or wrong. */
export function renderLetter(input: LetterInput): Letter {
  const v = validate(input);
  const { lang } = v;
  const log = new CitationLog();
  const table = provisionsFor(v.law, v.usState);
  const state = v.law === 'us-state' && v.usState ? usStateLaw(v.usState) : undefined;
  const provision = (key: string): Provision => {
    const p = table[key];
    if (!p) throw new Error(`no provision "${key}" under law "${v.law}"`);
    return p;
  };

  const cite = {};
  for (const [key, p] of Object.entries(table)) log.define(cite, key, p.text[lang], [p]);

  const isGdpr = v.law === 'gdpr' || v.law === 'uk-gdpr';
  const law = {
    isGdpr,
    isUk: v.law === 'uk-gdpr',
    isCcpa: v.law === 'ccpa',
    isUsState: v.law === 'us-state',
    isNone: v.law === 'none',
    /** For a US state: its name, its act, what its rights cover and who enforces it (functions/core/us-states.ts). */
    usState: state
      ? {
          state: state.state,
          act: state.act,
          citation: state.actCitation,
          optOutPurposes: joinList(state.optOutOf.map((p) => OPT_OUT_PURPOSES[p][lang]), lang),
          deletesAll: state.deletes === 'all',
          /** Whether the act gives an appeal against a refusal: only then does the letter ask how to appeal. */
          appeal: state.appeal,
          enforcer: state.enforcer,
          enforcerCitation: state.enforcerCitation ?? null,
          ...agentRoute(state, lang),
        }
      : null,
    authority: v.law === 'gdpr' || v.law === 'uk-gdpr' ? GDPR_AUTHORITY[v.law][lang] : null,
  };

  let original: object | null = null;
  if (v.original) {
    const { claims, deadline } = BASIS_PROVISIONS[v.original.basis];
    const claimed = claims.map(provision);
    const deadlineProvision = deadline ? provision(deadline) : null;
    // A title may itself cite (e.g. Art. 21(1)); collect what each one names.
    const titled = (fn: TitleFn) => {
      const cites: Provision[] = [];
      const text = fn((key) => {
        const p = provision(key);
        cites.push(p);
        return p.text[lang];
      });
      return { text, cites };
    };
    const titles = BASIS_TITLES[v.original.basis][lang];
    const title = titled(titles.full);
    const shortTitle = titled(titles.short);
    original = {
      date: formatLetterDate(v.original.date, lang),
      dueDate: formatLetterDate(v.original.dueDate, lang),
      reference: v.original.reference,
    };
    log.define(original, 'title', title.text, title.cites);
    log.define(original, 'shortTitle', shortTitle.text, shortTitle.cites);
    log.define(original, 'provisions', claimed.length ? joinCitations(claimed.map((p) => p.text[lang]), lang) : null, claimed);
    log.define(original, 'deadline', deadlineProvision?.text[lang] ?? null, deadlineProvision ? [deadlineProvision] : []);
  }

  const timeline = [...(v.timeline ?? [])]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((entry) => ({ date: formatLetterDate(entry.date, lang), what: entry.what }));

  const data: Record<string, unknown> = {
    reference: v.reference,
    date: formatLetterDate(v.date, lang),
    dueDate: formatLetterDate(v.dueDate, lang),
    replyDays: daysBetween(v.date, v.dueDate),
    provider: { name: v.provider.name, entityName: v.provider.legalEntity.name, entityAddress: v.provider.legalEntity.address ?? null },
    person: { name: v.person.name, email: v.person.email },
    account: { identifier: v.account.identifier },
    agent: v.agent ? { name: v.agent.name, authorizationFile: v.agent.authorizationFile ?? null } : null,
    law,
    cite,
    original,
    authority: v.authority
      ? {
          name: v.authority.name,
          address: v.authority.address,
          email: v.authority.email ?? null,
          webform: v.authority.webform ?? null,
          isGerman: v.authority.country === 'DE',
        }
      : null,
    lead: v.lead ? { name: v.lead.name, address: v.lead.address } : null,
    timeline,
    providerAnswer: v.providerAnswer ?? null,
    grounds: groundsData(v.grounds),
  };
  // Shared blocks (address header, reply instructions, signature) are templates of their own.
  data.parts = {
    header: render(`letters/parts/header.${lang}.hbs`, data).trimEnd(),
    agent: render(`letters/parts/agent.${lang}.hbs`, data).trimEnd(),
    signature: render(`letters/parts/signature.${lang}.hbs`, data).trimEnd(),
    // The listed grounds (one line per choice); null when the person gave only a text of their own.
    grounds: v.grounds?.choices.length ? render(`letters/parts/grounds.${lang}.hbs`, data).trimEnd() : null,
  };

  const rendered = render(`letters/${v.kind}.${lang}.hbs`, data);
  const newline = rendered.indexOf('\n');
  const firstLine = newline === -1 ? rendered : rendered.slice(0, newline);
  if (!firstLine.startsWith('Subject: ')) {
    throw new Error(`template letters/${v.kind}.${lang}.hbs must start with "Subject: "`);
  }
  return {
    subject: firstLine.slice('Subject: '.length).trim(),
    text: tidy(newline === -1 ? '' : rendered.slice(newline + 1)),
    lang,
    citations: log.list(),
  };
}

/** Trailing spaces off, at most one blank line in a row, one final newline. */
function tidy(text: string): string {
  return `${text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
