import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Law } from '../../functions/core/jurisdiction.ts';
import {
  basisFor,
  formatLetterDate,
  LETTER_KINDS,
  type LetterInput,
  LetterInputError,
  type LetterKind,
  letterLanguage,
  renderLetter,
} from '../../functions/core/letters.ts';
import type { Basis, Language } from '../../functions/core/model.ts';
import { allUsStateLaws } from '../../functions/core/us-states.ts';

const LETTERS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates', 'letters');
const LANGS: Language[] = ['en', 'de'];
const ADDRESS = 'Palmerston House, 2nd Floor\nFenian Street\nDublin 2\nIreland';
const AGENT = 'Optout Autopilot Example';

const DEFAULT_LAW: Record<Basis, Law> = {
  'gdpr-objection': 'gdpr',
  'ccpa-opt-out': 'ccpa',
  'ccpa-delete': 'ccpa',
  'us-state-request': 'us-state',
  'ai-training-request': 'none',
};

function isFollowUp(kind: LetterKind): kind is 'reminder' | 'final-notice' | 'complaint' {
  return kind === 'reminder' || kind === 'final-notice' || kind === 'complaint';
}

/** A complete, valid input for `kind`; follow-ups refer to a first letter of `basis`. */
function input(kind: LetterKind, lang: Language, overrides: Partial<LetterInput> = {}, basis: Basis = 'gdpr-objection'): LetterInput {
  const followUp = isFollowUp(kind);
  const law = followUp ? DEFAULT_LAW[basis] : DEFAULT_LAW[kind as Basis];
  return {
    kind,
    lang,
    law,
    ...(law === 'us-state' ? { usState: 'US-CO' } : {}),
    provider: { name: 'Pinterest', legalEntity: { name: 'Pinterest Europe Ltd.', address: ADDRESS } },
    person: { name: 'Jane Doe', email: 'jane@example.org' },
    account: { identifier: 'jane-pins-42' },
    agent: { name: AGENT },
    reference: 'OA-7K2M-9QXD',
    date: followUp ? '2026-12-01' : '2026-10-25',
    dueDate: followUp ? '2026-12-15' : '2026-11-25',
    ...(followUp
      ? {
          original: { basis, date: '2026-10-25', reference: 'OA-7K2M-9QXD', dueDate: '2026-11-25' },
          // A US state's act names its enforcer; the follow-ups carry no authority record.
          authority:
            law === 'us-state'
              ? undefined
              : law === 'ccpa'
              ? { name: 'California Privacy Protection Agency', address: '2101 Arena Blvd\nSacramento, CA 95834', webform: 'https://cppa.ca.gov/webapplications/complaint' }
              : { name: 'Data Protection Commission', address: '21 Fitzwilliam Square South\nDublin 2\nD02 RD28', email: 'info@dataprotection.ie' },
          timeline: [],
          providerAnswer: null,
        }
      : {}),
    ...overrides,
  };
}

const DUE_TEXT: Record<Language, Record<'first' | 'followUp', string>> = {
  en: { first: '25 November 2026', followUp: '15 December 2026' },
  de: { first: '25. November 2026', followUp: '15. Dezember 2026' },
};

function errorOf(fn: () => unknown): LetterInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof LetterInputError) return error;
    throw error;
  }
  throw new Error('expected a LetterInputError');
}

describe('renderLetter: every kind in every language', () => {
  for (const kind of LETTER_KINDS) {
    for (const lang of LANGS) {
      it(`${kind} (${lang}) carries the reference, account, provider entity, agent and due date`, () => {
        const letter = renderLetter(input(kind, lang));
        const whole = `${letter.subject}\n${letter.text}`;
        expect(letter.lang).toBe(lang);
        expect(letter.subject).toContain('OA-7K2M-9QXD');
        expect(letter.subject).not.toContain('\n');
        expect(letter.subject.length).toBeLessThanOrEqual(110);
        expect(letter.text).toContain('OA-7K2M-9QXD');
        expect(letter.text).toContain('jane-pins-42');
        expect(letter.text).toContain('Pinterest Europe Ltd.');
        expect(letter.text).toContain(ADDRESS);
        expect(letter.text).toContain(AGENT);
        expect(letter.text).toMatch(lang === 'en' ? /authorized agent/ : /bevollmächtigte[rn]? Vertreter/);
        expect(letter.text).toContain(DUE_TEXT[lang][isFollowUp(kind) ? 'followUp' : 'first']);
        expect(letter.text).toContain(lang === 'en' ? (isFollowUp(kind) ? '1 December 2026' : '25 October 2026') : isFollowUp(kind) ? '1. Dezember 2026' : '25. Oktober 2026');
        expect(whole).not.toContain('{{');
        expect(whole).not.toContain('}}');
        expect(whole).not.toMatch(/undefined|null|\[object Object\]/);
        expect(letter.text).not.toMatch(/\n{3,}/);
      });

      it(`${kind} (${lang}) without an agent leaves out the agent sentences`, () => {
        const letter = renderLetter(input(kind, lang, { agent: null }));
        expect(letter.text).not.toContain(AGENT);
        expect(letter.text).not.toMatch(/authorized agent|bevollmächtigt/);
        expect(letter.text).toContain('jane@example.org');
      });
    }
  }

  it('is written in the language asked for', () => {
    for (const kind of LETTER_KINDS) {
      const de = renderLetter(input(kind, 'de')).text;
      const en = renderLetter(input(kind, 'en')).text;
      expect(de).toMatch(/Sehr geehrte Damen und Herren|Guten Tag/);
      expect(de).not.toMatch(/Dear |Yours faithfully/);
      expect(en).toMatch(/Dear |Hello,/);
      expect(en).not.toMatch(/Sehr geehrte|Mit freundlichen Grüßen/);
    }
  });
});

describe('citations', () => {
  it('gdpr-objection cites the objection, restriction, erasure, recipients and deadline articles', () => {
    const letter = renderLetter(input('gdpr-objection', 'en'));
    expect(letter.subject).toBe('Objection under Art. 21(1) GDPR to AI training – ref OA-7K2M-9QXD');
    for (const article of ['Art. 6(1)(f)', 'Art. 21(1)', 'Art. 18(1)(d)', 'Art. 17(1)(c)', 'Art. 19 ', 'Art. 12(3)', 'Art. 12(4)', 'Art. 77(1)']) {
      expect(letter.text).toContain(`${article.trim()} GDPR`);
    }
    expect([...letter.citations].sort()).toEqual(
      [
        'GDPR Art. 6(1)(f)',
        'GDPR Art. 12(3)',
        'GDPR Art. 12(4)',
        'GDPR Art. 17(1)(c)',
        'GDPR Art. 18(1)(d)',
        'GDPR Art. 19',
        'GDPR Art. 21(1)',
        'GDPR Art. 77(1)',
      ].sort(),
    );
    expect(letter.text).toContain('within one month');
    expect(letter.text).toContain('a supervisory authority');
  });

  it('gdpr-objection in German uses German citation style', () => {
    const letter = renderLetter(input('gdpr-objection', 'de'));
    expect(letter.subject).toBe('Widerspruch nach Art. 21 Abs. 1 DSGVO gegen KI-Training – Ref. OA-7K2M-9QXD');
    for (const cite of [
      'Art. 6 Abs. 1 lit. f DSGVO',
      'Art. 21 Abs. 1 DSGVO',
      'Art. 18 Abs. 1 lit. d DSGVO',
      'Art. 17 Abs. 1 lit. c DSGVO',
      'Art. 19 DSGVO',
      'Art. 12 Abs. 3 DSGVO',
      'Art. 12 Abs. 4 DSGVO',
      'Art. 77 Abs. 1 DSGVO',
    ]) {
      expect(letter.text).toContain(cite);
    }
    expect(letter.text).toContain('Widerspruch');
    expect(letter.text).toContain('innerhalb eines Monats');
    expect(letter.text).not.toMatch(/Art\. \d+\(|GDPR/);
    // The citation list is language-neutral: same provisions as the English letter.
    expect([...letter.citations].sort()).toEqual([...renderLetter(input('gdpr-objection', 'en')).citations].sort());
  });

  for (const lang of LANGS) {
    it(`uk-gdpr letters (${lang}) say "UK GDPR", never bare GDPR, and name the ICO`, () => {
      const letter = renderLetter(input('gdpr-objection', lang, { law: 'uk-gdpr' }));
      const whole = `${letter.subject}\n${letter.text}`;
      expect(whole).toContain('UK GDPR');
      expect(whole).not.toMatch(/(?<!UK )GDPR|DSGVO/);
      expect(whole).not.toContain('GDPR Art');
      expect(whole).toContain("Information Commissioner's Office (ICO)");
      expect(letter.citations.length).toBeGreaterThan(0);
      for (const citation of letter.citations) expect(citation.startsWith('UK GDPR Art. ')).toBe(true);
      expect(letter.citations).toContain('UK GDPR Art. 21(1)');
    });
  }

  it('ccpa-opt-out cites §1798.120, §1798.121, the 15 business days, no verification and GPC', () => {
    const letter = renderLetter(input('ccpa-opt-out', 'en'));
    for (const text of ['§ 1798.120', '§ 1798.121', '15 business days', '11 CCR § 7026(f)', '11 CCR § 7026(d)', '11 CCR § 7025', 'Global Privacy Control', 'AI models']) {
      expect(letter.text).toContain(text);
    }
    expect([...letter.citations].sort()).toEqual(
      ['11 CCR § 7025', '11 CCR § 7026(d)', '11 CCR § 7026(f)', 'Cal. Civ. Code § 1798.120', 'Cal. Civ. Code § 1798.121'].sort(),
    );
    expect(letter.text).toMatch(/written permission/);
    const de = renderLetter(input('ccpa-opt-out', 'de'));
    for (const text of ['§ 1798.120', '§ 1798.121', '15 Geschäftstage', '§ 7026(f)', 'Global-Privacy-Control']) expect(de.text).toContain(text);
    expect([...de.citations].sort()).toEqual([...letter.citations].sort());
  });

  it('ccpa-delete cites §1798.105, service providers, 10 business days and 45 calendar days', () => {
    const letter = renderLetter(input('ccpa-delete', 'en'));
    for (const text of ['§ 1798.105', '§ 1798.105(c)', '10 business days', '45 calendar days', '11 CCR § 7021(a)', '11 CCR § 7021(b)', 'service providers and contractors', 'training']) {
      expect(letter.text).toContain(text);
    }
    expect([...letter.citations].sort()).toEqual(
      ['11 CCR § 7021(a)', '11 CCR § 7021(b)', 'Cal. Civ. Code § 1798.105', 'Cal. Civ. Code § 1798.105(c)'].sort(),
    );
    expect(renderLetter(input('ccpa-delete', 'de')).text).toContain('45 Kalendertage');
  });

  it('ai-training-request is plain language without legal citations', () => {
    for (const lang of LANGS) {
      const letter = renderLetter(input('ai-training-request', lang));
      expect(letter.citations).toEqual([]);
      expect(letter.text).not.toMatch(/Art\. \d|§/);
      expect(letter.text).toMatch(/AI|KI/);
      expect(letter.text).toMatch(/setting|Einstellung/);
    }
  });

  it('a follow-up cites only provisions the first letter cited, and all the rights it exercised', () => {
    for (const basis of ['gdpr-objection', 'ccpa-opt-out', 'ccpa-delete'] as const) {
      for (const lang of LANGS) {
        const first = renderLetter(input(basis, lang)).citations;
        const reminder = renderLetter(input('reminder', lang, {}, basis)).citations;
        expect(reminder.length).toBeGreaterThan(1);
        for (const citation of reminder) expect(first).toContain(citation);
      }
    }
  });

  it('cites only through the provision table: templates hold no literal article or section numbers', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name));
        else if (entry.name.endsWith('.hbs')) files.push(join(dir, entry.name));
      }
    };
    walk(LETTERS_DIR);
    expect(files.length).toBe(LETTER_KINDS.length * LANGS.length + 6);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/Art\.\s*\d|§|\b1798\.|\b70\d\d\b/);
    }
  });
});

describe('follow-up letters', () => {
  it('reminder cites the original date, reference, articles and missed deadline and asks for 14 days', () => {
    const letter = renderLetter(input('reminder', 'en', { reference: 'OA-REM1-0001' }));
    expect(letter.subject).toBe('Reminder: objection under Art. 21(1) GDPR of 25 October 2026 – ref OA-REM1-0001');
    expect(letter.text).toContain('25 October 2026');
    expect(letter.text).toContain('OA-7K2M-9QXD');
    expect(letter.text).toContain('Art. 21(1) GDPR, Art. 18(1)(d) GDPR, Art. 17(1)(c) GDPR and Art. 19 GDPR');
    expect(letter.text).toContain('due by 25 November 2026 (Art. 12(3) GDPR)');
    expect(letter.text).toContain('within 14 days, that is by 15 December 2026');
    expect(letter.text).toContain('I have not received an answer.');

    const de = renderLetter(input('reminder', 'de'));
    expect(de.subject).toBe('Erinnerung: Widerspruch nach Art. 21 Abs. 1 DSGVO vom 25. Oktober 2026 – Ref. OA-7K2M-9QXD');
    expect(de.text).toContain('innerhalb von 14 Tagen, also bis zum 15. Dezember 2026');
    expect(de.text).toContain('bis zum 25. November 2026 fällig (Art. 12 Abs. 3 DSGVO)');
  });

  it('reminder of a plain request has no legal deadline to cite', () => {
    const letter = renderLetter(input('reminder', 'en', {}, 'ai-training-request'));
    expect(letter.citations).toEqual([]);
    expect(letter.text).toContain('I asked you to answer by 25 November 2026. That date has passed.');
  });

  it('reminder quotes a partial answer from the provider', () => {
    const letter = renderLetter(input('reminder', 'en', { providerAnswer: 'We are looking into it.' }));
    expect(letter.text).toContain('We are looking into it.');
    expect(letter.text).not.toContain('I have not received an answer.');
  });

  it('final notice names the authority, Art. 77(1) and the 7-day deadline', () => {
    const letter = renderLetter(input('final-notice', 'en', { dueDate: '2026-12-08' }));
    expect(letter.subject).toBe('Final notice before a complaint to Data Protection Commission – ref OA-7K2M-9QXD');
    expect(letter.text).toContain('within 7 days, that is by 8 December 2026, I will lodge a complaint with the competent authority (Data Protection Commission) under Art. 77(1) GDPR');
    expect(letter.citations).toContain('GDPR Art. 77(1)');
    const de = renderLetter(input('final-notice', 'de', { dueDate: '2026-12-08' }));
    expect(de.text).toContain('innerhalb von 7 Tagen, also bis zum 8. Dezember 2026');
    expect(de.text).toContain('Beschwerde bei der zuständigen Behörde (Data Protection Commission) einlegen (Art. 77 Abs. 1 DSGVO)');
  });

  it('final notice under CCPA names the agency without GDPR articles', () => {
    const letter = renderLetter(input('final-notice', 'en', {}, 'ccpa-opt-out'));
    expect(letter.text).toContain('California Privacy Protection Agency');
    expect(letter.text).not.toContain('GDPR');
    expect(letter.citations).toContain('11 CCR § 7026(f)');
  });

  it('final notice for a plain request works without an authority', () => {
    const letter = renderLetter(input('final-notice', 'en', { authority: undefined }, 'ai-training-request'));
    expect(letter.subject).toBe('Final notice: request about AI training of 25 October 2026 – ref OA-7K2M-9QXD');
    expect(letter.text).toContain('competent authority');
    expect(letter.citations).toEqual([]);
  });

  it('final notice lists the correspondence so far', () => {
    const letter = renderLetter(input('final-notice', 'en', { timeline: [{ date: '2026-11-26', what: 'Reminder sent' }] }));
    expect(letter.text).toContain('Our correspondence so far:\n- 26 November 2026: Reminder sent');
  });

  it('GDPR complaint is addressed to the authority under Art. 77(1) with timeline, answer and evidence', () => {
    const letter = renderLetter(
      input('complaint', 'en', {
        date: '2027-01-05',
        dueDate: '2027-04-05',
        timeline: [
          { date: '2026-12-15', what: 'Final notice sent' },
          { date: '2026-11-26', what: 'Reminder sent' },
        ],
        providerAnswer: 'An automatic reply pointing to the help centre.',
      }),
    );
    expect(letter.subject).toBe('Complaint under Art. 77(1) GDPR about Pinterest Europe Ltd. – ref OA-7K2M-9QXD');
    expect(letter.text.startsWith('Data Protection Commission\n21 Fitzwilliam Square South\nDublin 2\nD02 RD28\ninfo@dataprotection.ie\n')).toBe(true);
    expect(letter.text).toContain(
      '- 25 October 2026: request sent (reference OA-7K2M-9QXD)\n- 25 November 2026: deadline for the answer\n- 26 November 2026: Reminder sent\n- 15 December 2026: Final notice sent',
    );
    expect(letter.text).toContain('An automatic reply pointing to the help centre.');
    expect(letter.text).toContain('7. Evidence');
    expect(letter.text).toContain('- the reply from Pinterest');
    expect(letter.text).toContain('5 April 2027');
    expect(letter.text).toContain('lead authority');
    expect(letter.citations).toEqual(expect.arrayContaining(['GDPR Art. 77(1)', 'GDPR Art. 21(1)', 'GDPR Art. 12(3)', 'GDPR Art. 78(2)']));
  });

  it('UK complaint goes to the ICO without the EU lead-authority sentence', () => {
    const letter = renderLetter(input('complaint', 'en', { law: 'uk-gdpr', authority: { name: "Information Commissioner's Office", address: 'Wycliffe House\nWater Lane\nWilmslow SK9 5AF' } }));
    expect(letter.subject).toContain('Art. 77(1) UK GDPR');
    expect(letter.text).not.toMatch(/(?<!UK )GDPR/);
    expect(letter.text).not.toContain('lead authority');
  });

  it('CCPA complaint is for the California Privacy Protection Agency and cites no GDPR article', () => {
    for (const lang of LANGS) {
      const letter = renderLetter(input('complaint', lang, {}, 'ccpa-delete'));
      expect(letter.text.startsWith('California Privacy Protection Agency\n')).toBe(true);
      expect(letter.subject).toContain('CCPA');
      expect(letter.text).not.toMatch(/GDPR|DSGVO|Art\. \d/);
      expect(letter.text).toContain('§ 1798.105');
      expect(letter.citations).toEqual(expect.arrayContaining(['Cal. Civ. Code § 1798.105', '11 CCR § 7021(b)']));
      expect(letter.citations.some((c) => c.includes('GDPR'))).toBe(false);
    }
  });
});

describe('US state privacy acts', () => {
  it('us-state-request cites the opt-out, deletion and 45-day provisions of the person\'s own state', () => {
    for (const state of allUsStateLaws()) {
      const letter = renderLetter(input('us-state-request', 'en', { usState: state.code }));
      expect(letter.subject).toContain(`${state.state} privacy law`);
      expect(letter.subject.length).toBeLessThanOrEqual(110);
      expect(letter.text).toContain(`I am a ${state.state} resident`);
      expect(letter.text).toContain(`${state.act} (${state.actCitation})`);
      expect(letter.citations).toEqual([state.optOut, state.deletion, state.response]);
      expect(letter.text).toContain('no later than 45 days after you receive this letter');
      expect(letter.text).not.toMatch(/GDPR|CCPA|1798/);
    }
  });

  it("asks only for what the state's act covers: Utah has no profiling opt-out and deletes only what the person provided", () => {
    const utah = renderLetter(input('us-state-request', 'en', { usState: 'US-UT' })).text;
    expect(utah).toContain('I opt out of the processing of my personal data for targeted advertising and for the sale of personal data (Utah Code § 13-61-201(5)).');
    expect(utah).toContain('Please delete the personal data I have provided to you (Utah Code § 13-61-201(2)).');
    expect(utah).not.toContain('profiling');
    const colorado = renderLetter(input('us-state-request', 'de', { usState: 'US-CO' })).text;
    expect(colorado).toContain(
      'für zielgerichtete Werbung (targeted advertising), für den Verkauf personenbezogener Daten und für Profiling zur Vorbereitung von Entscheidungen',
    );
    expect(colorado).toContain('Bitte löschen Sie die personenbezogenen Daten, die Sie über mich gespeichert haben (C.R.S. § 6-1-1306(1)(d)).');
  });

  it('refuses a US state letter without a state that has an act, naming the field', () => {
    expect(errorOf(() => renderLetter(input('us-state-request', 'en', { usState: undefined }))).field).toBe('usState');
    expect(errorOf(() => renderLetter(input('us-state-request', 'en', { usState: 'US-NY' }))).message).toMatch(/usState: .*got "US-NY"/);
  });

  it('final notice and complaint name the state attorney general, and leave the address to fill in', () => {
    const notice = renderLetter(input('final-notice', 'en', { usState: 'US-TX' }, 'us-state-request'));
    expect(notice.text).toContain(
      'I will report the matter to the Texas Attorney General, who enforces the Texas Data Privacy and Security Act (Tex. Bus. & Com. Code § 541.151), without further notice.',
    );
    const complaint = renderLetter(input('complaint', 'en', { usState: 'US-TX' }, 'us-state-request'));
    expect(complaint.text.startsWith('Texas Attorney General\n[Address]\n')).toBe(true);
    expect(complaint.subject).toContain('under the Texas Data Privacy and Security Act');
    expect(complaint.text).toContain('Tex. Bus. & Com. Code § 541.051(b)(5) and Tex. Bus. & Com. Code § 541.051(b)(3)');
    const german = renderLetter(input('complaint', 'de', { usState: 'US-VA' }, 'us-state-request'));
    expect(german.text.startsWith('Attorney General of Virginia\n[Anschrift]\n')).toBe(true);
  });

  it('names the enforcer without a section where the enforcement section could not be confirmed', () => {
    const notice = renderLetter(input('final-notice', 'en', { usState: 'US-NJ' }, 'us-state-request'));
    expect(notice.text).toContain('I will report the matter to the New Jersey Attorney General, who enforces the New Jersey Data Privacy Act, without further notice.');
    const german = renderLetter(input('final-notice', 'de', { usState: 'US-NJ' }, 'us-state-request'));
    expect(german.text).toContain('dem New Jersey Attorney General melden, der den New Jersey Data Privacy Act durchsetzt.');
  });

  it('a complaint under no law leaves the addressee for the person to fill in', () => {
    const letter = renderLetter(input('complaint', 'en', { authority: undefined }, 'ai-training-request'));
    expect(letter.text.startsWith('[Name and address of the authority you send this to]\n')).toBe(true);
    expect(renderLetter(input('complaint', 'de', { authority: undefined }, 'ai-training-request')).text).toMatch(/^\[Name und Anschrift der Behörde/);
    // Where the law has a known authority it stays required.
    expect(errorOf(() => renderLetter(input('complaint', 'en', { authority: undefined }, 'gdpr-objection'))).field).toBe('authority');
  });
});

describe('input validation', () => {
  const cases: { name: string; field: string; build: () => unknown }[] = [
    { name: 'missing reference', field: 'reference', build: () => ({ ...input('gdpr-objection', 'en'), reference: undefined }) },
    { name: 'empty reference', field: 'reference', build: () => input('gdpr-objection', 'en', { reference: '' }) },
    { name: 'unknown kind', field: 'kind', build: () => ({ ...input('gdpr-objection', 'en'), kind: 'gdpr-access' }) },
    { name: 'unknown language', field: 'lang', build: () => ({ ...input('gdpr-objection', 'en'), lang: 'fr' }) },
    { name: 'date not a calendar date', field: 'date', build: () => input('gdpr-objection', 'en', { date: '2026-02-30' }) },
    { name: 'date in the wrong format', field: 'dueDate', build: () => input('gdpr-objection', 'en', { dueDate: '25.11.2026' }) },
    { name: 'due date before the letter', field: 'dueDate', build: () => input('gdpr-objection', 'en', { dueDate: '2026-10-01' }) },
    { name: 'agent left out instead of null', field: 'agent', build: () => ({ ...input('gdpr-objection', 'en'), agent: undefined }) },
    { name: 'bad person email', field: 'person.email', build: () => input('gdpr-objection', 'en', { person: { name: 'Jane', email: 'jane' } }) },
    {
      name: 'missing legal entity address',
      field: 'provider.legalEntity.address',
      build: () => input('gdpr-objection', 'en', { provider: { name: 'Pinterest', legalEntity: { name: 'Pinterest Europe Ltd.', address: ' ' } } }),
    },
    { name: 'line break in the identifier', field: 'account.identifier', build: () => input('gdpr-objection', 'en', { account: { identifier: 'jane\nBcc: x' } }) },
    { name: 'GDPR objection under CCPA', field: 'law', build: () => input('gdpr-objection', 'en', { law: 'ccpa' }) },
    { name: 'CCPA opt-out under GDPR', field: 'law', build: () => input('ccpa-opt-out', 'en', { law: 'gdpr' }) },
    { name: 'reminder without the original', field: 'original', build: () => input('reminder', 'en', { original: undefined }) },
    {
      name: 'reminder before the deadline passed',
      field: 'original.dueDate',
      build: () => input('reminder', 'en', { original: { basis: 'gdpr-objection', date: '2026-10-25', reference: 'OA-7K2M-9QXD', dueDate: '2026-12-01' } }),
    },
    {
      name: 'original basis that does not fit the law',
      field: 'original.basis',
      build: () => input('reminder', 'en', { original: { basis: 'ccpa-delete', date: '2026-10-25', reference: 'OA-7K2M-9QXD', dueDate: '2026-11-25' } }),
    },
    { name: 'complaint without authority', field: 'authority', build: () => input('complaint', 'en', { authority: undefined }) },
    { name: 'GDPR final notice without authority', field: 'authority', build: () => input('final-notice', 'en', { authority: undefined }) },
    { name: 'bad timeline date', field: 'timeline.0.date', build: () => input('complaint', 'en', { timeline: [{ date: 'yesterday', what: 'Reminder sent' }] }) },
  ];
  for (const c of cases) {
    it(`rejects ${c.name}, naming ${c.field}`, () => {
      const error = errorOf(() => renderLetter(c.build() as LetterInput));
      expect(error.field).toBe(c.field);
      expect(error.message).toContain(`${c.field}:`);
    });
  }
});

describe('dates', () => {
  it('formats dates for the language', () => {
    expect(formatLetterDate('2026-11-25', 'en')).toBe('25 November 2026');
    expect(formatLetterDate('2026-11-25', 'de')).toBe('25. November 2026');
    expect(formatLetterDate('2027-03-01', 'de')).toBe('1. März 2027');
    expect(formatLetterDate('2027-01-09', 'en')).toBe('9 January 2027');
  });
});

describe('basisFor', () => {
  it('picks the legal action for each law', () => {
    expect(basisFor('gdpr')).toBe('gdpr-objection');
    expect(basisFor('uk-gdpr')).toBe('gdpr-objection');
    expect(basisFor('ccpa')).toBe('ccpa-opt-out');
    expect(basisFor('ccpa', true)).toBe('ccpa-delete');
    expect(basisFor('us-state')).toBe('us-state-request');
    expect(basisFor('none')).toBe('ai-training-request');
    expect(basisFor('gdpr', true)).toBe('gdpr-objection');
  });
});

describe('letterLanguage', () => {
  it("uses the person's language when the provider takes it, else the provider's first", () => {
    expect(letterLanguage(['en', 'de'], 'de')).toBe('de');
    expect(letterLanguage(['de', 'en'], 'en')).toBe('en');
    expect(letterLanguage(['en'], 'de')).toBe('en');
    expect(letterLanguage(['de'], 'en')).toBe('de');
  });
});
