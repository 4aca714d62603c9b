// Seven languages (issue 12, item 4): every letter, email and authorization text exists in every
// language, each letter cites the same provisions in every language (in that language's citation
// style and with the GDPR's official name), and the person's language defaults to the main language
// of where they live.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { complaintAuthority } from '../../functions/core/authorities/index.ts';
import { authorizedRequests, renderAuthorizationText } from '../../functions/core/authorization.ts';
import { defaultLanguage, type Law } from '../../functions/core/jurisdiction.ts';
import { formatLetterDate, LETTER_KINDS, type LetterInput, renderLetter } from '../../functions/core/letters.ts';
import { de as germanMailWords } from '../../functions/core/mail-words/de.ts';
import { LANGUAGES, type Language, LanguageSchema } from '../../functions/core/model.ts';
import { pageText } from '../../functions/core/page-text.ts';
import { allUsStateLaws } from '../../functions/core/us-states.ts';
import { isFollowUp, LETTER_AGENT, letterInput, PINTEREST_ADDRESS } from '../support/letter-input.ts';

const TEMPLATES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');
const NEW: Language[] = ['fr', 'es', 'it', 'nl', 'pl'];
const AGENT = LETTER_AGENT;
const ADDRESS = PINTEREST_ADDRESS;
const ALL_GROUNDS: LetterInput['grounds'] = {
  choices: ['photos-of-others', 'creative-work', 'special-categories', 'posted-as-minor', 'safety'],
  text: 'My former partner follows everything I post.',
};

const input = letterInput;

/** Each language's words: salutation, the agent, the dates of the test inputs, Art. 21(1) and Art. 18(1)(d). */
const STYLE: Record<Language, { hello: RegExp; agent: RegExp; dates: [string, string]; art21: string; art18: string; gdpr: string }> = {
  en: {
    hello: /Dear Sir or Madam|Dear Privacy Team|Hello,/,
    agent: /authorized agent/,
    dates: ['25 October 2026', '1 December 2026'],
    art21: 'Art. 21(1) GDPR',
    art18: 'Art. 18(1)(d) GDPR',
    gdpr: 'GDPR',
  },
  de: {
    hello: /Sehr geehrte Damen und Herren|Guten Tag/,
    agent: /bevollmächtigte[rn]? Vertreter/,
    dates: ['25. Oktober 2026', '1. Dezember 2026'],
    art21: 'Art. 21 Abs. 1 DSGVO',
    art18: 'Art. 18 Abs. 1 lit. d DSGVO',
    gdpr: 'DSGVO',
  },
  fr: {
    hello: /Madame, Monsieur,/,
    agent: /mandataire/,
    dates: ['25 octobre 2026', '1er décembre 2026'],
    art21: 'article 21, paragraphe 1, du RGPD',
    art18: 'article 18, paragraphe 1, point d), du RGPD',
    gdpr: 'RGPD',
  },
  es: {
    hello: /Estimados señores:/,
    agent: /representante/,
    dates: ['25 de octubre de 2026', '1 de diciembre de 2026'],
    art21: 'artículo 21, apartado 1, del RGPD',
    art18: 'artículo 18, apartado 1, letra d), del RGPD',
    gdpr: 'RGPD',
  },
  it: {
    hello: /Gentili Signore e Signori,/,
    agent: /rappresentante/,
    dates: ['25 ottobre 2026', '1º dicembre 2026'],
    art21: 'articolo 21, paragrafo 1, del RGPD',
    art18: 'articolo 18, paragrafo 1, lettera d), del RGPD',
    gdpr: 'RGPD',
  },
  nl: {
    hello: /Geachte heer, mevrouw,/,
    agent: /gemachtigde/,
    dates: ['25 oktober 2026', '1 december 2026'],
    art21: 'artikel 21, lid 1, AVG',
    art18: 'artikel 18, lid 1, onder d, AVG',
    gdpr: 'AVG',
  },
  pl: {
    hello: /Szanowni Państwo,/,
    agent: /pełnomocni/,
    dates: ['25 października 2026', '1 grudnia 2026'],
    art21: 'art. 21 ust. 1 RODO',
    art18: 'art. 18 ust. 1 lit. d RODO',
    gdpr: 'RODO',
  },
};

/** Words that betray an untranslated English or German passage in a letter of another language. */
const FOREIGN = /\b(Dear|Yours faithfully|Please|Sehr geehrte|Mit freundlichen|Bitte|insofar|within one month)\b/;

function templateFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (d: string, prefix: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(d, entry.name), `${prefix}${entry.name}/`);
      else if (entry.name.endsWith('.hbs')) files.push(`${prefix}${entry.name}`);
    }
  };
  walk(join(TEMPLATES, dir), `${dir}/`);
  return files;
}

describe('every template exists in every language', () => {
  it('LANGUAGES holds the seven codes, and the schema takes exactly them', () => {
    expect([...LANGUAGES]).toEqual(['en', 'de', 'fr', 'es', 'it', 'nl', 'pl']);
    for (const lang of LANGUAGES) expect(LanguageSchema.safeParse(lang).success).toBe(true);
    for (const other of ['pt', 'EN', 'fr-FR', '']) expect(LanguageSchema.safeParse(other).success).toBe(false);
  });

  for (const dir of ['letters', 'emails', 'authorization']) {
    it(`templates/${dir}: each English template has its counterpart in all seven languages, and nothing else is there`, () => {
      const files = templateFiles(dir);
      const english = files.filter((f) => /\.en\.(subject\.)?hbs$/.test(f));
      expect(english.length).toBeGreaterThan(0);
      const expected = new Set(english.flatMap((f) => LANGUAGES.map((lang) => f.replace(/\.en\.(subject\.)?hbs$/, `.${lang}.$1hbs`))));
      expect(new Set(files)).toEqual(expected);
      for (const file of expected) expect(readFileSync(join(TEMPLATES, file), 'utf8').trim().length, file).toBeGreaterThan(0);
    });
  }

  it('every letter kind and its shared parts exist in every language', () => {
    for (const lang of LANGUAGES) {
      for (const kind of LETTER_KINDS) expect(existsSync(join(TEMPLATES, 'letters', `${kind}.${lang}.hbs`)), `${kind}.${lang}`).toBe(true);
      for (const part of ['header', 'agent', 'signature', 'grounds']) expect(existsSync(join(TEMPLATES, 'letters', 'parts', `${part}.${lang}.hbs`))).toBe(true);
    }
  });

  it('letter templates cite only through the provision table, in no language spelling an article number', () => {
    for (const file of templateFiles('letters')) {
      const source = readFileSync(join(TEMPLATES, file), 'utf8');
      expect(source, file).not.toMatch(/\b(Art\.|art\.|Artikel|artikel|article|artículo|articolo)\s*\d|§|\b1798\.|\b70\d\d\b/);
    }
  });
});

describe('every letter in every language', () => {
  for (const lang of NEW) {
    for (const kind of LETTER_KINDS) {
      it(`${kind} (${lang}) is written in ${lang}, with the reference, account, entity, agent and dates`, () => {
        const letter = renderLetter(input(kind, lang));
        const whole = `${letter.subject}\n${letter.text}`;
        expect(letter.lang).toBe(lang);
        expect(letter.subject).toContain('OA-7K2M-9QXD');
        expect(letter.subject.length).toBeLessThanOrEqual(110);
        expect(letter.text).toContain('jane-pins-42');
        expect(letter.text).toContain('Pinterest Europe Ltd.');
        expect(letter.text).toContain(ADDRESS);
        expect(letter.text).toContain(AGENT);
        expect(letter.text).toMatch(STYLE[lang].hello);
        expect(letter.text).toMatch(STYLE[lang].agent);
        expect(letter.text).toContain(STYLE[lang].dates[isFollowUp(kind) ? 1 : 0]);
        expect(letter.text).toContain(formatLetterDate(isFollowUp(kind) ? '2026-12-15' : '2026-11-25', lang));
        expect(whole).not.toMatch(FOREIGN);
        expect(whole).not.toMatch(/\{\{|\}\}|undefined|null|\[object Object\]/);
        expect(letter.text).not.toMatch(/\n{3,}/);
      });

      it(`${kind} (${lang}) without an agent leaves out the agent`, () => {
        const letter = renderLetter(input(kind, lang, { agent: null }));
        expect(letter.text).not.toContain(AGENT);
        expect(letter.text).not.toMatch(STYLE[lang].agent);
        expect(letter.text).toContain('jane@example.org');
      });
    }
  }
});

describe('every letter cites the same provisions in every language', () => {
  const cases: { name: string; build: (lang: Language) => LetterInput }[] = [];
  for (const kind of ['gdpr-objection', 'ccpa-opt-out', 'ccpa-delete', 'us-state-request', 'ai-training-request'] as const) {
    cases.push({ name: kind, build: (lang) => input(kind, lang) });
    for (const followUp of ['reminder', 'final-notice', 'complaint'] as const) {
      cases.push({ name: `${followUp} after ${kind}`, build: (lang) => input(followUp, lang, {}, kind) });
    }
  }
  const signed = { agent: { name: AGENT, authorizationFile: 'authorization-OA-7K2M-9QXD.pdf' } };
  cases.push(
    { name: 'gdpr-objection with all grounds', build: (lang) => input('gdpr-objection', lang, { grounds: ALL_GROUNDS }) },
    { name: 'gdpr-objection under the UK GDPR', build: (lang) => input('gdpr-objection', lang, { law: 'uk-gdpr' }) },
    { name: 'complaint under the UK GDPR', build: (lang) => input('complaint', lang, { law: 'uk-gdpr', authority: { name: 'ICO', address: 'Wilmslow' } }) },
    {
      name: 'complaint to a German authority naming the lead authority',
      build: (lang) =>
        input('complaint', lang, { authority: { name: 'Berliner Beauftragte', address: 'Berlin', country: 'DE' }, lead: { name: 'DPC', address: 'Dublin' } }),
    },
    { name: 'complaint about a refusal', build: (lang) => input('complaint', lang, { providerAnswer: 'We rely on legitimate interests.' }) },
    { name: 'ccpa-opt-out with a signed authorization', build: (lang) => input('ccpa-opt-out', lang, signed) },
  );
  for (const state of allUsStateLaws()) {
    cases.push({ name: `us-state-request in ${state.code}`, build: (lang) => input('us-state-request', lang, { usState: state.code, ...signed }) });
  }

  for (const c of cases) {
    it(c.name, () => {
      const english = renderLetter(c.build('en'));
      const expected = [...english.citations].sort();
      for (const lang of NEW) {
        const letter = renderLetter(c.build(lang));
        expect([...letter.citations].sort(), lang).toEqual(expected);
        expect(`${letter.subject}\n${letter.text}`, lang).not.toMatch(/\{\{|undefined|null/);
      }
    });
  }
});

describe("each language's citation style and the GDPR's official name", () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: the objection cites Art. 21(1) as "${STYLE[lang].art21}" and names the GDPR ${STYLE[lang].gdpr}`, () => {
      const letter = renderLetter(input('gdpr-objection', lang));
      expect(letter.subject).toContain(STYLE[lang].art21);
      expect(letter.text).toContain(STYLE[lang].art21);
      expect(letter.text).toContain(STYLE[lang].art18);
      expect(letter.citations).toContain('GDPR Art. 21(1)');
      if (lang !== 'en') expect(`${letter.subject}\n${letter.text}`).not.toMatch(/\bGDPR\b|Art\. \d+\(/);
    });
  }

  it('spells each style out exactly', () => {
    const text = (lang: Language) => renderLetter(input('gdpr-objection', lang)).text;
    expect(text('fr')).toContain("en vertu de l'article 21, paragraphe 1, du RGPD");
    expect(text('fr')).toContain("sur l'article 6, paragraphe 1, point f), du RGPD");
    expect(text('fr')).toContain('(article 19 du RGPD)');
    expect(text('es')).toContain('Conforme al artículo 21, apartado 1, del RGPD');
    expect(text('es')).toContain('en el artículo 6, apartado 1, letra f), del RGPD');
    expect(text('es')).toContain('(artículo 19 del RGPD)');
    expect(text('it')).toContain("Ai sensi dell'articolo 21, paragrafo 1, del RGPD");
    expect(text('it')).toContain("sull'articolo 6, paragrafo 1, lettera f), del RGPD");
    expect(text('it')).toContain('(articolo 19 del RGPD)');
    expect(text('nl')).toContain('Op grond van artikel 21, lid 1, AVG');
    expect(text('nl')).toContain('artikel 6, lid 1, onder f, AVG');
    expect(text('nl')).toContain('(artikel 19 AVG)');
    expect(text('pl')).toContain('Na podstawie art. 21 ust. 1 RODO');
    expect(text('pl')).toContain('art. 6 ust. 1 lit. f RODO');
    expect(text('pl')).toContain('(art. 19 RODO)');
  });

  it('lists the provisions of the first letter in a follow-up, kept apart where they hold commas', () => {
    expect(renderLetter(input('reminder', 'fr')).text).toContain(
      'article 21, paragraphe 1, du RGPD ; article 7, paragraphe 3, du RGPD ; article 18, paragraphe 1, point d), du RGPD ; article 17, paragraphe 1, point c), du RGPD ; article 15, paragraphe 1, du RGPD et article 19 du RGPD',
    );
    expect(renderLetter(input('reminder', 'pl')).text).toContain(
      'art. 21 ust. 1 RODO, art. 7 ust. 3 RODO, art. 18 ust. 1 lit. d RODO, art. 17 ust. 1 lit. c RODO, art. 15 ust. 1 RODO i art. 19 RODO',
    );
  });

  for (const lang of NEW) {
    it(`${lang}: the UK GDPR keeps its name and the ICO is named`, () => {
      const letter = renderLetter(input('gdpr-objection', lang, { law: 'uk-gdpr' }));
      const whole = `${letter.subject}\n${letter.text}`;
      expect(whole).toContain('UK GDPR');
      expect(whole).not.toContain(STYLE[lang].gdpr === 'RGPD' ? ' RGPD' : ` ${STYLE[lang].gdpr}`);
      expect(whole).toContain("Information Commissioner's Office (ICO)");
      for (const citation of letter.citations) expect(citation.startsWith('UK GDPR Art. ')).toBe(true);
    });

    it(`${lang}: US letters keep the US citations word for word`, () => {
      const ccpa = renderLetter(input('ccpa-opt-out', lang)).text;
      for (const citation of ['Cal. Civ. Code § 1798.120', 'Cal. Civ. Code § 1798.121', '11 CCR § 7026(f)', '11 CCR § 7026(d)', '11 CCR § 7025'])
        expect(ccpa).toContain(citation);
      expect(ccpa).toContain('Global Privacy Control');
      const colorado = renderLetter(input('us-state-request', lang)).text;
      expect(colorado).toContain('C.R.S. § 6-1-1306(1)(a)');
      expect(colorado).toContain('Colorado Privacy Act');
    });

    it(`${lang}: the person's grounds are stated, with the Art. 9 sentence, instead of the generic grounds`, () => {
      const generic = renderLetter(input('gdpr-objection', lang)).text;
      const own = renderLetter(input('gdpr-objection', lang, { grounds: ALL_GROUNDS })).text;
      expect(own).toContain('My former partner follows everything I post.');
      expect(own.split('\n').filter((line) => line.startsWith('- ')).length).toBe(5);
      expect(renderLetter(input('gdpr-objection', lang, { grounds: ALL_GROUNDS })).citations).toEqual(
        expect.arrayContaining(['GDPR Art. 9(1)', 'GDPR Art. 9(2)(a)']),
      );
      expect(renderLetter(input('gdpr-objection', lang)).citations).not.toContain('GDPR Art. 9(1)');
      // The generic grounds give way to the person's own.
      const genericLine = generic.split('\n').find((line) => line.length > 80 && !own.includes(line) && !line.includes('OA-'));
      expect(genericLine).toBeDefined();
    });

    it(`${lang}: a plain request cites nothing`, () => {
      const letter = renderLetter(input('ai-training-request', lang));
      expect(letter.citations).toEqual([]);
      expect(letter.text).not.toMatch(/§|\b(art\.|article|artículo|articolo|artikel)\s*\d/i);
    });
  }

  it('formats dates for each language', () => {
    expect(formatLetterDate('2027-03-01', 'fr')).toBe('1er mars 2027');
    expect(formatLetterDate('2026-11-25', 'fr')).toBe('25 novembre 2026');
    expect(formatLetterDate('2026-11-25', 'es')).toBe('25 de noviembre de 2026');
    expect(formatLetterDate('2027-03-01', 'it')).toBe('1º marzo 2027');
    expect(formatLetterDate('2026-08-25', 'it')).toBe('25 agosto 2026');
    expect(formatLetterDate('2026-11-25', 'nl')).toBe('25 november 2026');
    expect(formatLetterDate('2026-11-25', 'pl')).toBe('25 listopada 2026');
    expect(formatLetterDate('2027-03-01', 'pl')).toBe('1 marca 2027');
  });
});

describe('the signed authorization in every language', () => {
  const base = {
    law: 'gdpr' as Law,
    jurisdiction: 'FR',
    person: { name: 'Jane Doe', email: 'jane@example.org' },
    businesses: [{ entity: 'Pinterest Europe Ltd.', service: 'Pinterest' }],
    agent: { name: AGENT, contact: 'optout@example.org' },
    date: '2026-10-25',
  };

  for (const lang of NEW) {
    it(`${lang}: names the person, the agent, the businesses, the requests with their citations, and the date`, () => {
      const text = renderAuthorizationText({ ...base, lang });
      for (const part of [
        'Jane Doe',
        'jane@example.org',
        AGENT,
        'optout@example.org',
        'Pinterest Europe Ltd.',
        STYLE[lang].art21,
        STYLE[lang].dates[0],
        'authorized agent',
      ]) {
        expect(text).toContain(part);
      }
      expect(text).not.toMatch(/\{\{|undefined|null/);
      expect(authorizedRequests('ccpa', 'US-CA', lang).join('\n')).toContain('Cal. Civ. Code § 1798.121');
      const utah = authorizedRequests('us-state', 'US-UT', lang);
      expect(utah).toHaveLength(3);
    });
  }
});

describe("the person's language follows where they live", () => {
  it.each([
    ['FR', 'fr'],
    ['LU', 'fr'],
    ['MC', 'fr'],
    ['ES', 'es'],
    ['MX', 'es'],
    ['IT', 'it'],
    ['SM', 'it'],
    ['NL', 'nl'],
    ['BE', 'nl'],
    ['PL', 'pl'],
    ['AT', 'de'],
    ['LI', 'de'],
    ['CH', 'de'],
    ['DE-BE', 'de'],
    ['de-by', 'de'],
    ['GB', 'en'],
    ['IE', 'en'],
    ['PT', 'en'],
    ['US-CA', 'en'],
    ['JP', 'en'],
  ] as const)('%s: %s', (jurisdiction, lang) => {
    expect(defaultLanguage(jurisdiction)).toBe(lang);
  });

  it('a complaint goes to the authority in its own language where letters exist', () => {
    const irish = { legalEntity: { country: 'IE' } };
    const byCountry = (code: string) => complaintAuthority(code, irish).complaintTo?.language;
    expect(byCountry('FR')).toBe('fr');
    expect(byCountry('IT')).toBe('it');
    expect(byCountry('ES')).toBe('es');
    expect(byCountry('NL')).toBe('nl');
    expect(byCountry('PL')).toBe('pl');
    expect(byCountry('AT')).toBe('de');
  });
});

describe('who the sender is follows one rule in every line that names it, in every language', () => {
  const ALL: Language[] = [...LANGUAGES];
  const FOLLOW_UPS = ['reminder', 'final-notice', 'complaint'] as const;

  it('under an act without an agent route (Utah, Iowa) no letter calls the sender an authorized agent: not the body, the signature, nor the complaint', () => {
    // The body says the sender only transmits the person's own requests; a signature or complaint saying
    // "authorized agent" would claim a role the system cannot show.
    for (const lang of ALL) {
      for (const usState of ['US-UT', 'US-IA']) {
        const first = renderLetter(input('us-state-request', lang, { usState }));
        const followUps = FOLLOW_UPS.map((kind) => renderLetter(input(kind, lang, { law: 'us-state', usState }, 'us-state-request')));
        for (const letter of [first, ...followUps]) {
          expect(letter.text, `${lang} ${usState}`).toContain(AGENT);
          expect(letter.text, `${lang} ${usState}`).not.toMatch(STYLE[lang].agent);
        }
      }
    }
  });

  it('with a route for part of the request (Colorado: the opt-out, not the deletion) the signature limits the agent to that part', () => {
    const ONLY: Record<Language, string> = {
      en: 'authorized agent only for the opt-out submitted above',
      de: 'bevollmächtigter Vertreter nur für den oben eingereichten Widerspruch',
      fr: 'mandataire pour la seule opposition présentée ci-dessus',
      es: 'representante autorizado solo para la exclusión presentada más arriba',
      it: "rappresentante autorizzato solo per l'opposizione presentata sopra",
      nl: 'gemachtigde alleen voor de hierboven ingediende opt-out',
      pl: 'pełnomocnika wyłącznie w zakresie złożonego powyżej sprzeciwu',
    };
    for (const lang of ALL) {
      const colorado = renderLetter(input('us-state-request', lang, { usState: 'US-CO' })).text;
      expect(colorado.trimEnd().split('\n').at(-1), lang).toContain(ONLY[lang]);
      // Under the CCPA the sender is the authorized agent for the whole letter, as before.
      expect(renderLetter(input('ccpa-opt-out', lang)).text, lang).not.toContain(ONLY[lang]);
    }
  });
});

describe('the Art. 9 consequence stands with the special-categories ground, in every language', () => {
  /** Art. 9(1) and Art. 9(2)(e) in each language's citation style. */
  const ART9: Record<Language, [string, string]> = {
    en: ['Art. 9(1) GDPR', 'Art. 9(2)(e) GDPR'],
    de: ['Art. 9 Abs. 1 DSGVO', 'Art. 9 Abs. 2 lit. e DSGVO'],
    fr: ['article 9, paragraphe 1, du RGPD', 'article 9, paragraphe 2, point e), du RGPD'],
    es: ['artículo 9, apartado 1, del RGPD', 'artículo 9, apartado 2, letra e), del RGPD'],
    it: ['articolo 9, paragrafo 1, del RGPD', 'articolo 9, paragrafo 2, lettera e), del RGPD'],
    nl: ['artikel 9, lid 1, AVG', 'artikel 9, lid 2, onder e, AVG'],
    pl: ['art. 9 ust. 1 RODO', 'art. 9 ust. 2 lit. e RODO'],
  };

  it.each([...LANGUAGES])(
    '%s: after the third ground (special categories), not after the last (safety), and asks for any other Art. 9(2) exception',
    (lang) => {
      const letter = renderLetter(input('gdpr-objection', lang, { grounds: ALL_GROUNDS }));
      const bullets = letter.text.split('\n').filter((line) => line.startsWith('- '));
      const [art9_1, art9_2e] = ART9[lang];
      // The five grounds in order: photos, creative work, special categories, minor, safety.
      expect(bullets).toHaveLength(5);
      expect(bullets[2]).toContain(art9_1);
      expect(bullets[2]).toContain(art9_2e); // platforms invoke "manifestly made public": the company is asked to name its exception
      expect(bullets[4]).not.toMatch(/\b9\b/);
      expect(letter.text.split(art9_1)).toHaveLength(2); // said once, in that place
      expect(letter.citations).toEqual(expect.arrayContaining(['GDPR Art. 9(1)', 'GDPR Art. 9(2)(a)', 'GDPR Art. 9(2)', 'GDPR Art. 9(2)(e)']));
    },
  );

  it.each([...LANGUAGES])('%s: a plain request with the same ground cites no Art. 9', (lang) => {
    const letter = renderLetter(input('ai-training-request', lang, { grounds: ALL_GROUNDS }));
    expect(letter.citations.some((c) => c.includes('Art. 9'))).toBe(false);
    expect(letter.text).not.toContain(ART9[lang][0]);
  });
});

describe("a follow-up quotes the first letter's title exactly as the first letter printed it", () => {
  /** The quotation marks each language's follow-ups put around the title. */
  const QUOTED: Record<Language, RegExp> = {
    en: /the letter "([^"]+)"/,
    de: /das Schreiben „([^“]+)“/,
    fr: /le courrier « ([^»]+) »/,
    es: /el escrito «([^»]+)»/,
    it: /la lettera «([^»]+)»/,
    nl: /de brief "([^"]+)"/,
    pl: /pismo „([^”]+)”/,
  };
  const FIRST = ['gdpr-objection', 'ccpa-opt-out', 'ccpa-delete', 'us-state-request', 'ai-training-request'] as const;

  for (const lang of LANGUAGES) {
    it.each(FIRST)(`${lang}: %s`, (basis) => {
      const first = renderLetter(input(basis, lang)).text.split('\n');
      for (const kind of ['reminder', 'final-notice', 'complaint'] as const) {
        const followUp = renderLetter(input(kind, lang, {}, basis)).text;
        const title = QUOTED[lang].exec(followUp)?.[1];
        expect(title, `${kind}`).toBeDefined();
        // The first letter's heading is that title, alone or after its language's "Subject:" word.
        expect(
          first.some((line) => line === title || line.endsWith(`: ${title}`)),
          `${kind} quotes "${title}"`,
        ).toBe(true);
      }
    });
  }
});

describe('German names the final notice as the signed authorization does: "letzte Aufforderung", never "Mahnung"', () => {
  it('the form, the status page and the mails say "Aufforderung" ("Mahnung" is debt-collection language)', () => {
    const page = pageText('de');
    const texts = [...Object.values(page), JSON.stringify(germanMailWords)];
    expect(texts.filter((t) => /Mahnung/.test(t))).toEqual([]);
    // The steps of the status page and the consent text match templates/authorization/authorization.de.hbs.
    expect(page.stepFinalNoticeDone).toBe('Letzte Aufforderung gesendet am {date}');
    expect(Object.values(page).some((t) => t.includes('Erinnerungen und letzte Aufforderungen dazu'))).toBe(true);
    const signed = readFileSync(join(TEMPLATES, 'authorization', 'authorization.de.hbs'), 'utf8');
    expect(signed).toContain('letzte Aufforderungen');
    expect(signed).not.toContain('Mahnung');
  });
});
