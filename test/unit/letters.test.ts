import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { basisFor, formatLetterDate, LETTER_KINDS, type LetterInput, LetterInputError, letterLanguage, renderLetter } from '../../functions/core/letters.ts';
import { LANGUAGES } from '../../functions/core/model.ts';
import { allUsStateLaws } from '../../functions/core/us-states.ts';
import { isFollowUp, LETTER_AGENT, letterInput, PINTEREST_ADDRESS } from '../support/letter-input.ts';

const LETTERS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates', 'letters');
// English and German here; test/unit/languages.test.ts covers the other five languages.
const LANGS: ('en' | 'de')[] = ['en', 'de'];
const ADDRESS = PINTEREST_ADDRESS;
const AGENT = LETTER_AGENT;
const input = letterInput;

const DUE_TEXT: Record<'en' | 'de', Record<'first' | 'followUp', string>> = {
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
        expect(letter.text).toContain(
          lang === 'en' ? (isFollowUp(kind) ? '1 December 2026' : '25 October 2026') : isFollowUp(kind) ? '1. Dezember 2026' : '25. Oktober 2026',
        );
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
  it('gdpr-objection cites the objection, legal bases, restriction, erasure, access, recipients, deadline and remedies', () => {
    const letter = renderLetter(input('gdpr-objection', 'en'));
    expect(letter.subject).toBe('Objection under Art. 21(1) GDPR to AI training – ref OA-7K2M-9QXD');
    for (const article of [
      'Art. 6(1)(e)',
      'Art. 6(1)(f)',
      'Art. 7(3)',
      'Art. 13(1)(c)',
      'Art. 15(1)',
      'Art. 15(1)(c)',
      'Art. 17(1)(b)',
      'Art. 21(1)',
      'Art. 18(1)(d)',
      'Art. 17(1)(c)',
      'Art. 19 ',
      'Art. 12(3)',
      'Art. 12(4)',
      'Art. 77(1)',
      'Art. 79 ',
    ]) {
      expect(letter.text).toContain(`${article.trim()} GDPR`);
    }
    expect([...letter.citations].sort()).toEqual(
      [
        'GDPR Art. 6(1)(e)',
        'GDPR Art. 6(1)(f)',
        'GDPR Art. 7(3)',
        'GDPR Art. 12(3)',
        'GDPR Art. 12(4)',
        'GDPR Art. 13(1)(c)',
        'GDPR Art. 15(1)',
        'GDPR Art. 15(1)(c)',
        'GDPR Art. 17(1)(b)',
        'GDPR Art. 17(1)(c)',
        'GDPR Art. 18(1)(d)',
        'GDPR Art. 19',
        'GDPR Art. 21(1)',
        'GDPR Art. 77(1)',
        'GDPR Art. 79',
      ].sort(),
    );
    expect(letter.text).toContain('within one month');
    expect(letter.text).toContain('a supervisory authority');
  });

  it('gdpr-objection in German uses German citation style', () => {
    const letter = renderLetter(input('gdpr-objection', 'de'));
    expect(letter.subject).toBe('Widerspruch nach Art. 21 Abs. 1 DSGVO gegen KI-Training – Ref. OA-7K2M-9QXD');
    for (const cite of [
      'Art. 6 Abs. 1 lit. e DSGVO',
      'Art. 6 Abs. 1 lit. f DSGVO',
      'Art. 7 Abs. 3 DSGVO',
      'Art. 13 Abs. 1 lit. c DSGVO',
      'Art. 15 Abs. 1 DSGVO',
      'Art. 15 Abs. 1 lit. c DSGVO',
      'Art. 17 Abs. 1 lit. b DSGVO',
      'Art. 79 DSGVO',
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
    for (const text of [
      '§ 1798.120',
      '§ 1798.121',
      '15 business days',
      '11 CCR § 7026(f)',
      '11 CCR § 7026(d)',
      '11 CCR § 7025',
      'Global Privacy Control',
      'AI models',
    ]) {
      expect(letter.text).toContain(text);
    }
    expect([...letter.citations].sort()).toEqual(
      ['11 CCR § 7025', '11 CCR § 7026(d)', '11 CCR § 7026(f)', 'Cal. Civ. Code § 1798.120', 'Cal. Civ. Code § 1798.121'].sort(),
    );
    // No signed authorization attached: the letter claims none.
    expect(letter.text).not.toMatch(/written permission/);
    const signed = renderLetter({ ...input('ccpa-opt-out', 'en'), agent: { name: 'Optout Autopilot', authorizationFile: 'authorization-OA-TEST.pdf' } });
    expect(signed.text).toMatch(/signed written permission.*attached to this email as authorization-OA-TEST\.pdf/);
    const de = renderLetter(input('ccpa-opt-out', 'de'));
    for (const text of ['§ 1798.120', '§ 1798.121', '15 Geschäftstage', '§ 7026(f)', 'Global-Privacy-Control']) expect(de.text).toContain(text);
    expect([...de.citations].sort()).toEqual([...letter.citations].sort());
  });

  it('ccpa-delete cites §1798.105, service providers, 10 business days and 45 calendar days', () => {
    const letter = renderLetter(input('ccpa-delete', 'en'));
    for (const text of [
      '§ 1798.105',
      '§ 1798.105(c)',
      '10 business days',
      '45 calendar days',
      '11 CCR § 7021(a)',
      '11 CCR § 7021(b)',
      'service providers and contractors',
      'training',
    ]) {
      expect(letter.text).toContain(text);
    }
    expect([...letter.citations].sort()).toEqual(['11 CCR § 7021(a)', '11 CCR § 7021(b)', 'Cal. Civ. Code § 1798.105', 'Cal. Civ. Code § 1798.105(c)'].sort());
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
    // + the shared parts: header, agent, signature and grounds, each in every language.
    expect(files.length).toBe((LETTER_KINDS.length + 4) * LANGUAGES.length);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/Art\.\s*\d|§|\b1798\.|\b70\d\d\b/);
    }
  });
});

describe('follow-up letters', () => {
  it('a follow-up quotes the title the first letter printed, from the one table of titles (titles.ts)', () => {
    const heading = 'Objection under Art. 21(1) GDPR to the use of my personal data for AI training';
    expect(renderLetter(input('gdpr-objection', 'en')).text.split('\n')).toContain(heading);
    for (const kind of ['reminder', 'final-notice', 'complaint'] as const) {
      expect(renderLetter(input(kind, 'en')).text, kind).toContain(`the letter "${heading}"`);
    }
    const überschrift = 'Widerspruch nach Art. 21 Abs. 1 DSGVO gegen die Verwendung meiner personenbezogenen Daten für KI-Training';
    expect(renderLetter(input('gdpr-objection', 'de')).text.split('\n')).toContain(überschrift);
    expect(renderLetter(input('reminder', 'de')).text).toContain(`das Schreiben „${überschrift}“`);
  });

  it('reminder cites the original date, reference, articles and missed deadline and asks for 14 days', () => {
    const letter = renderLetter(input('reminder', 'en', { reference: 'OA-REM1-0001' }));
    expect(letter.subject).toBe('Reminder: objection under Art. 21(1) GDPR of 25 October 2026 – ref OA-REM1-0001');
    expect(letter.text).toContain('25 October 2026');
    expect(letter.text).toContain('OA-7K2M-9QXD');
    expect(letter.text).toContain('Art. 21(1) GDPR, Art. 7(3) GDPR, Art. 18(1)(d) GDPR, Art. 17(1)(c) GDPR, Art. 15(1) GDPR and Art. 19 GDPR');
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
    expect(letter.text).toContain(
      'within 7 days, that is by 8 December 2026, I will lodge a complaint with the competent authority (Data Protection Commission) under Art. 77(1) GDPR',
    );
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
    const letter = renderLetter(
      input('complaint', 'en', {
        law: 'uk-gdpr',
        authority: { name: "Information Commissioner's Office", address: 'Wycliffe House\nWater Lane\nWilmslow SK9 5AF' },
      }),
    );
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

describe("the person's own grounds and the legal bases (GDPR objection)", () => {
  const ALL: LetterInput['grounds'] = {
    choices: ['photos-of-others', 'creative-work', 'special-categories', 'posted-as-minor', 'safety'],
    text: 'My former partner follows everything I post.',
  };

  it('states each chosen ground and the own words in English, instead of the generic grounds', () => {
    const letter = renderLetter(input('gdpr-objection', 'en', { grounds: ALL }));
    expect(letter.text).toContain(
      [
        'My grounds relate to my particular situation:',
        '- My content includes photos of my children or of other people. They have not agreed to their images being used to train AI, and I cannot agree for them.',
        '- My content includes my own creative or professional work. Models trained on it can imitate it and compete with it, which can harm my income and my reputation.',
        // The Art. 9 consequence belongs to the special-categories ground, so it follows that bullet, not the last one.
        '- My content reveals sensitive information about me, for example about health, religion, political views or sexuality. ' +
          'Such information is a special category of personal data (Art. 9(1) GDPR). Processing it for AI training requires my explicit consent (Art. 9(2)(a) GDPR), ' +
          'which I have not given, unless another exception in Art. 9(2) GDPR applies; if you rely on one (for example Art. 9(2)(e) GDPR, data manifestly made public ' +
          'by the data subject), please name it and explain why it applies.',
        '- I posted some of this content while I was a minor, before I could foresee that it might be used to train AI.',
        '- I have been harassed or threatened, or have reason to fear it. A model that reproduces or combines details about me adds to that risk to my safety.',
        'In my own words:',
        'My former partner follows everything I post.',
        'After this objection you may continue only if you demonstrate compelling legitimate grounds',
      ].join('\n'),
    );
    expect(letter.text).not.toContain('not to become training material');
    expect(letter.citations).toEqual(expect.arrayContaining(['GDPR Art. 9(1)', 'GDPR Art. 9(2)(a)', 'GDPR Art. 9(2)', 'GDPR Art. 9(2)(e)']));
  });

  it('states them in German, in German citation style', () => {
    const letter = renderLetter(input('gdpr-objection', 'de', { grounds: ALL }));
    expect(letter.text).toContain(
      [
        'Die Gründe ergeben sich aus meiner besonderen Situation:',
        '- Meine Inhalte zeigen meine Kinder oder andere Menschen. Diese haben nicht eingewilligt, dass ihre Bilder für KI-Training verwendet werden, und ich kann das nicht für sie tun.',
        '- Meine Inhalte enthalten eigene kreative oder berufliche Arbeiten. Damit trainierte Modelle können sie nachahmen und mit ihnen konkurrieren; das kann meinem Einkommen und meinem Ruf schaden.',
        '- Meine Inhalte lassen sensible Informationen über mich erkennen, etwa zu Gesundheit, Religion, politischer Überzeugung oder Sexualität. ' +
          'Diese Informationen gehören zu den besonderen Kategorien personenbezogener Daten (Art. 9 Abs. 1 DSGVO). Ihre Verarbeitung für KI-Training setzt meine ' +
          'ausdrückliche Einwilligung voraus (Art. 9 Abs. 2 lit. a DSGVO), die ich nicht erteilt habe, es sei denn, ein anderer Ausnahmetatbestand des Art. 9 Abs. 2 DSGVO ' +
          'liegt vor. Sollten Sie sich auf einen solchen berufen (etwa auf Art. 9 Abs. 2 lit. e DSGVO, von der betroffenen Person offensichtlich öffentlich gemachte Daten), ' +
          'benennen Sie ihn bitte und legen Sie dar, weshalb er vorliegt.',
        '- Einen Teil dieser Inhalte habe ich veröffentlicht, als ich noch minderjährig war und nicht absehen konnte, dass sie einmal für KI-Training verwendet werden könnten.',
        '- Ich bin belästigt oder bedroht worden oder habe Grund, das zu befürchten. Ein Modell, das Angaben über mich wiedergibt oder verknüpft, vergrößert diese Gefahr für meine Sicherheit.',
        'In meinen eigenen Worten:',
        'My former partner follows everything I post.',
      ].join('\n'),
    );
    expect(letter.text).not.toContain('nicht als Trainingsmaterial');
    expect([...letter.citations].sort()).toEqual([...renderLetter(input('gdpr-objection', 'en', { grounds: ALL })).citations].sort());
  });

  it('adds the Art. 9 sentence only for special categories, and states one ground alone', () => {
    for (const lang of LANGS) {
      const letter = renderLetter(input('gdpr-objection', lang, { grounds: { choices: ['creative-work'] } }));
      expect(letter.text).toContain(
        lang === 'en'
          ? 'My grounds relate to my particular situation:\n- My content includes my own creative or professional work.'
          : 'Die Gründe ergeben sich aus meiner besonderen Situation:\n- Meine Inhalte enthalten eigene kreative oder berufliche Arbeiten.',
      );
      expect(letter.text).not.toMatch(/Art\. 9|photos|Fotos|minor|minderjährig|In my own words|eigenen Worten/);
      expect(letter.citations.some((c) => c.includes('Art. 9'))).toBe(false);
    }
  });

  it('states a text of their own without a choice, without an empty list', () => {
    const en = renderLetter(input('gdpr-objection', 'en', { grounds: { choices: [], text: 'I am a nurse;\nmy patients must not find me.' } }));
    expect(en.text).toContain('My grounds relate to my particular situation:\nI am a nurse;\nmy patients must not find me.\nAfter this objection');
    const de = renderLetter(input('gdpr-objection', 'de', { grounds: { choices: [], text: 'Ich bin Pflegekraft.' } }));
    expect(de.text).toContain('Die Gründe ergeben sich aus meiner besonderen Situation:\nIch bin Pflegekraft.\nNach diesem Widerspruch');
  });

  it('keeps the generic grounds without a choice', () => {
    for (const grounds of [undefined, null]) {
      expect(renderLetter(input('gdpr-objection', 'en', { grounds })).text).toContain(
        'My grounds relate to my particular situation: I provided this data in order to use your service, not to become training material',
      );
      expect(renderLetter(input('gdpr-objection', 'de', { grounds })).text).toContain(
        'Die Gründe ergeben sich aus meiner besonderen Situation: Ich habe diese Daten angegeben, um Ihren Dienst zu nutzen, nicht als Trainingsmaterial.',
      );
    }
  });

  it("does not assert the company's legal basis: objects insofar as it is 6(1)(e)/(f), withdraws consent, asks for any other basis", () => {
    const en = renderLetter(input('gdpr-objection', 'en')).text;
    expect(en).not.toMatch(/you rely on legitimate interests/);
    expect(en).toContain(
      "I object under Art. 21(1) GDPR to any processing of my personal data for training, fine-tuning, evaluating or otherwise developing AI models, whether the models are your own or someone else's, insofar as you base that processing on Art. 6(1)(e) GDPR or Art. 6(1)(f) GDPR.",
    );
    expect(en).toContain(
      'Insofar as you rely on my consent, I withdraw it (Art. 7(3) GDPR) and ask you to erase the personal data concerned (Art. 17(1)(b) GDPR). Insofar as you rely on another legal basis, please name it (Art. 13(1)(c) GDPR).',
    );
    expect(en).toContain('Unless you demonstrate overriding legitimate grounds for the processing, please erase the personal data about me');
    const de = renderLetter(input('gdpr-objection', 'de')).text;
    expect(de).not.toMatch(/stützen Sie sich auf berechtigte Interessen/);
    expect(de).toContain('soweit Sie diese Verarbeitung auf Art. 6 Abs. 1 lit. e DSGVO oder Art. 6 Abs. 1 lit. f DSGVO stützen.');
    expect(de).toContain(
      'Soweit Sie sich auf meine Einwilligung stützen, widerrufe ich sie (Art. 7 Abs. 3 DSGVO) und fordere Sie auf, die betroffenen personenbezogenen Daten zu löschen (Art. 17 Abs. 1 lit. b DSGVO). Soweit Sie sich auf eine andere Rechtsgrundlage stützen, nennen Sie mir diese bitte (Art. 13 Abs. 1 lit. c DSGVO).',
    );
    expect(de).toContain('Sofern Sie keine vorrangigen berechtigten Gründe für die Verarbeitung nachweisen, löschen Sie bitte');
  });

  it('asks under Art. 15(1) whether the data trained models, which ones and who received it, and names the judicial remedy', () => {
    const en = renderLetter(input('gdpr-objection', 'en')).text;
    expect(en).toContain(
      'Please tell me whether personal data about me has already been used to train, fine-tune or evaluate AI models and, if so, which models (Art. 15(1) GDPR), and to which recipients, including licensees of data sets or models, you have disclosed it (Art. 15(1)(c) GDPR).',
    );
    expect(en).toContain(
      'inform me that I may lodge a complaint with a supervisory authority and seek a judicial remedy (Art. 12(4) GDPR, Art. 77(1) GDPR, Art. 79 GDPR).',
    );
    const de = renderLetter(input('gdpr-objection', 'de')).text;
    expect(de).toContain(
      'Bitte teilen Sie mir mit, ob personenbezogene Daten über mich bereits zum Training, zur Feinabstimmung oder zur Bewertung von KI-Modellen verwendet wurden und, falls ja, für welche Modelle (Art. 15 Abs. 1 DSGVO), und welchen Empfängern, auch Lizenznehmern von Datensätzen oder Modellen, Sie sie offengelegt haben (Art. 15 Abs. 1 lit. c DSGVO).',
    );
    expect(de).toContain(
      'dass ich Beschwerde bei einer Aufsichtsbehörde einlegen und gerichtlichen Rechtsschutz suchen kann (Art. 12 Abs. 4 DSGVO, Art. 77 Abs. 1 DSGVO, Art. 79 DSGVO).',
    );
    const uk = renderLetter(input('gdpr-objection', 'en', { law: 'uk-gdpr', grounds: ALL }));
    expect(uk.text).toContain('(Art. 9(2)(a) UK GDPR)');
    expect(uk.text).toContain(
      "complaint with the Information Commissioner's Office (ICO) and seek a judicial remedy (Art. 12(4) UK GDPR, Art. 77(1) UK GDPR, Art. 79 UK GDPR)",
    );
  });

  it('lists the grounds as plain reasons in a plain request, and leaves them out of CCPA and US-state letters', () => {
    const plain = renderLetter(input('ai-training-request', 'en', { grounds: ALL }));
    expect(plain.citations).toEqual([]);
    expect(plain.text).not.toMatch(/Art\. \d|§/);
    expect(plain.text).toContain('My reasons:\n- My content includes photos of my children or of other people.');
    expect(plain.text).toContain('In my own words:\nMy former partner follows everything I post.\n\nI therefore ask you to:');
    expect(renderLetter(input('ai-training-request', 'de', { grounds: ALL })).text).toContain('Meine Gründe:\n- Meine Inhalte zeigen meine Kinder');
    expect(renderLetter(input('ai-training-request', 'en')).text).not.toContain('My reasons');
    for (const kind of ['ccpa-opt-out', 'ccpa-delete', 'us-state-request'] as const) {
      for (const lang of LANGS) {
        const withGrounds = renderLetter(input(kind, lang, { grounds: ALL }));
        expect(withGrounds.text).toBe(renderLetter(input(kind, lang)).text);
      }
    }
  });

  it('refuses a ground it does not know and an over-long text, naming the field', () => {
    const unknown = errorOf(() => renderLetter(input('gdpr-objection', 'en', { grounds: { choices: ['bored'] } } as unknown as Partial<LetterInput>)));
    expect(unknown.field).toBe('grounds.choices.0');
    expect(unknown.message).toContain('must be one of photos-of-others, creative-work, special-categories, posted-as-minor, safety');
    expect(errorOf(() => renderLetter(input('gdpr-objection', 'en', { grounds: { choices: [], text: 'x'.repeat(501) } }))).field).toBe('grounds.text');
  });
});

describe('US state privacy acts', () => {
  it("us-state-request cites the opt-out, deletion and response-period provisions of the person's own state", () => {
    for (const state of allUsStateLaws()) {
      const letter = renderLetter(input('us-state-request', 'en', { usState: state.code }));
      expect(letter.subject).toContain(`${state.state} privacy law`);
      expect(letter.subject.length).toBeLessThanOrEqual(110);
      // "a resident of": "a Iowa resident" would not do.
      expect(letter.text).toContain(`I am a resident of ${state.state} and use`);
      expect(letter.text).toContain(`${state.act} (${state.actCitation})`);
      // Where only a section could be confirmed, two rights may cite the same one: listed once. Besides
      // them, only the agent paragraph's citation, where the act gives the agent a route.
      const cited = new Set([state.optOut, state.deletion, state.response, ...(state.agent ? [state.agent.citation] : [])]);
      expect([...letter.citations].sort()).toEqual([...cited].sort());
      // No number of days: the period's length is deadlines.ts's, and the due date comes from there.
      expect(letter.text).toContain(`within the period the law allows (${state.response}), that is by 25 November 2026`);
      expect(letter.text).not.toMatch(/\b45 days\b/);
      expect(letter.text).not.toMatch(/GDPR|CCPA|1798/);
    }
  });

  it("asks only for what the state's act covers: Utah has no profiling opt-out and deletes only what the person provided", () => {
    const utah = renderLetter(input('us-state-request', 'en', { usState: 'US-UT' })).text;
    expect(utah).toContain(
      'I opt out of the processing of my personal data for targeted advertising and for the sale of personal data (Utah Code § 13-61-201(5)).',
    );
    expect(utah).toContain('Please delete the personal data I have provided to you (Utah Code § 13-61-201(2)).');
    expect(utah).not.toContain('profiling');
    const colorado = renderLetter(input('us-state-request', 'de', { usState: 'US-CO' })).text;
    expect(colorado).toContain(
      'für zielgerichtete Werbung (targeted advertising), für den Verkauf personenbezogener Daten und für Profiling zur Vorbereitung von Entscheidungen',
    );
    expect(colorado).toContain('Bitte löschen Sie die personenbezogenen Daten, die Sie über mich gespeichert haben (C.R.S. § 6-1-1306(1)(d)).');
  });

  it('Utah has no agent route, so the signature and the complaint say the sender only transmits, as the body does', () => {
    const utah = { law: 'us-state' as const, usState: 'US-UT' };
    const first = renderLetter(input('us-state-request', 'en', { usState: 'US-UT' })).text;
    expect(first).toContain(`The requests in this letter are my own requests, made by me: ${AGENT} only transmits them on my instruction.`);
    expect(first.trimEnd().endsWith(`Jane Doe\nTransmitted on my instruction by ${AGENT}`)).toBe(true);
    const complaint = renderLetter(input('complaint', 'en', utah, 'us-state-request')).text;
    expect(complaint).toContain(
      `My letters to the company were my own requests, which ${AGENT} only transmitted on my instruction; replies to them reached both of us.`,
    );
    const finalNotice = renderLetter(input('final-notice', 'de', utah, 'us-state-request')).text;
    expect(finalNotice.trimEnd().endsWith(`Jane Doe\nÜbermittelt in meinem Auftrag durch ${AGENT}`)).toBe(true);
    for (const text of [first, complaint, finalNotice]) expect(text).not.toMatch(/authorized agent|bevollmächtigte[rn]? Vertreter/);
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
    expect(notice.text).toContain(
      'I will report the matter to the New Jersey Attorney General, who enforces the New Jersey Data Privacy Act, without further notice.',
    );
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
    { name: 'unknown language', field: 'lang', build: () => ({ ...input('gdpr-objection', 'en'), lang: 'pt' }) },
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
    {
      name: 'line break in the identifier',
      field: 'account.identifier',
      build: () => input('gdpr-objection', 'en', { account: { identifier: 'jane\nBcc: x' } }),
    },
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
    {
      name: 'bad timeline date',
      field: 'timeline.0.date',
      build: () => input('complaint', 'en', { timeline: [{ date: 'yesterday', what: 'Reminder sent' }] }),
    },
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

describe('the complaint names the lead authority; the UK complaint the DPA 2018 remedy', () => {
  const BERLIN = {
    name: 'Berliner Beauftragte für Datenschutz und Informationsfreiheit',
    address: 'Alt-Moabit 59-61, 10555 Berlin, Deutschland',
    email: 'mailbox@datenschutz-berlin.de',
    country: 'DE',
  };
  const CNIL = {
    name: 'CNIL',
    address: '3 Place de Fontenoy, TSA 80715, 75334 PARIS CEDEX 07, France',
    webform: 'https://www.cnil.fr/fr/plaintes',
    country: 'FR',
  };
  const DPC = { name: 'Irish Data Protection Commission', address: '21 Fitzwilliam Square South, Dublin 2, D02 RD28, Ireland' };

  it("is addressed to the person's own authority and asks it to forward to the lead authority under Art. 56 and 60", () => {
    const letter = renderLetter(input('complaint', 'en', { authority: CNIL, lead: DPC }));
    expect(letter.text.startsWith('CNIL\n3 Place de Fontenoy')).toBe(true);
    expect(letter.text).toContain(
      // "Lead ...: <name>" reads right whatever the name (no "is Irish Data Protection Commission" without an article).
      'Lead supervisory authority for Pinterest Europe Ltd.: Irish Data Protection Commission, 21 Fitzwilliam Square South, Dublin 2, D02 RD28, Ireland. ' +
        'Please forward my complaint to that authority under Art. 56 GDPR and Art. 60 GDPR, and remain my point of contact in this procedure.',
    );
    expect(letter.text).not.toContain('BDSG');
    expect(letter.citations).toEqual(expect.arrayContaining(['GDPR Art. 77(1)', 'GDPR Art. 56', 'GDPR Art. 60', 'GDPR Art. 78(2)']));
    expect(letter.citations).not.toContain('BDSG § 19(2)');
  });

  it('to a German Land authority, in German, adds § 19 Abs. 2 BDSG', () => {
    const letter = renderLetter(input('complaint', 'de', { authority: BERLIN, lead: DPC }));
    expect(letter.subject).toBe('Beschwerde nach Art. 77 Abs. 1 DSGVO gegen Pinterest Europe Ltd. – Ref. OA-7K2M-9QXD');
    expect(
      letter.text.startsWith(
        'Berliner Beauftragte für Datenschutz und Informationsfreiheit\nAlt-Moabit 59-61, 10555 Berlin, Deutschland\nmailbox@datenschutz-berlin.de\n',
      ),
    ).toBe(true);
    expect(letter.text).toContain(
      'Federführende Aufsichtsbehörde für Pinterest Europe Ltd.: Irish Data Protection Commission, 21 Fitzwilliam Square South, Dublin 2, D02 RD28, Ireland. ' +
        'Bitte leiten Sie meine Beschwerde nach Art. 56 DSGVO und Art. 60 DSGVO sowie § 19 Abs. 2 BDSG dorthin weiter und bleiben Sie in diesem Verfahren meine Anlaufstelle.',
    );
    expect(letter.citations).toEqual(expect.arrayContaining(['GDPR Art. 56', 'GDPR Art. 60', 'BDSG § 19(2)']));
    // Without a lead authority elsewhere, the German authority is still asked to pass it on where needed.
    const local = renderLetter(input('complaint', 'de', { authority: BERLIN, lead: null }));
    expect(local.text).toContain('leiten Sie meine Beschwerde bitte dorthin weiter (§ 19 Abs. 2 BDSG).');
    expect(local.text).not.toContain('Art. 56');
  });

  it('UK: the ICO, the Tribunal remedy of DPA 2018 s. 166, never Art. 78(2) or a lead authority', () => {
    for (const lang of LANGS) {
      const letter = renderLetter(
        input('complaint', lang, {
          law: 'uk-gdpr',
          authority: {
            name: 'The Information Commissioner’s Office',
            address: 'Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF, United Kingdom',
            country: 'GB',
          },
        }),
      );
      expect(letter.citations).toContain('DPA 2018 s. 166');
      expect(letter.citations).not.toContain('UK GDPR Art. 78(2)');
      expect(letter.text).not.toContain('Art. 78');
      expect(letter.text).not.toMatch(/lead|federführend/i);
    }
    expect(renderLetter(input('complaint', 'en', { law: 'uk-gdpr' })).text).toContain(
      'If I hear nothing of the progress or the outcome within three months, section 166 of the Data Protection Act 2018 lets me apply to the Tribunal.',
    );
  });

  it('a lead authority belongs only in a GDPR complaint', () => {
    expect(errorOf(() => renderLetter(input('final-notice', 'en', { lead: DPC }))).field).toBe('lead');
    expect(errorOf(() => renderLetter(input('complaint', 'en', { law: 'uk-gdpr', lead: DPC }))).field).toBe('lead');
    expect(errorOf(() => renderLetter(input('complaint', 'en', { authority: { ...CNIL, country: 'France' } }))).field).toBe('authority.country');
  });
});

describe('an addressee without a sourced postal address', () => {
  const noAddress = { provider: { name: 'Substack', legalEntity: { name: 'Substack Inc.' } } };

  it('prints the company name and no address line in the header, in every language', () => {
    for (const lang of LANGS) {
      const withAddress = renderLetter(input('ccpa-opt-out', lang)).text.split('\n');
      const without = renderLetter(input('ccpa-opt-out', lang, noAddress)).text.split('\n');
      expect(without[0]).toBe('Substack Inc.');
      // Where the address block stood, the blank line before the date follows the name directly.
      expect(without[1]).toBe('');
      expect(without.length).toBe(withAddress.length - ADDRESS.split('\n').length);
      expect(without.slice(0, 3).join('\n')).not.toMatch(/not found|undefined|null/);
    }
  });

  it('prints no address line under the company in a complaint either', () => {
    for (const lang of LANGS) {
      const text = renderLetter(input('complaint', lang, noAddress)).text;
      const lines = text.split('\n');
      const at = lines.lastIndexOf('Substack Inc.');
      expect(at).toBeGreaterThan(0);
      expect(lines[at + 1]).toMatch(lang === 'en' ? /^Service: Substack;/ : /^Dienst: Substack;/);
    }
  });

  it('still refuses a blank address, naming the field', () => {
    const e = errorOf(() =>
      renderLetter(input('gdpr-objection', 'en', { provider: { name: 'Substack', legalEntity: { name: 'Substack Inc.', address: ' ' } } })),
    );
    expect(e.field).toBe('provider.legalEntity.address');
  });
});
