// The state acts added for "More US states": each new state's letter names its act, cites the sections
// us-states.ts confirmed, and asks only for what the act gives; Utah's letter asks for no appeal.
import { describe, expect, it } from 'vitest';
import { lawFor } from '../../functions/core/jurisdiction.ts';
import { type LetterInput, renderLetter } from '../../functions/core/letters.ts';
import type { Language } from '../../functions/core/model.ts';
import { allUsStateLaws, usStateLaw } from '../../functions/core/us-states.ts';

const LANGS: ('en' | 'de')[] = ['en', 'de'];

function request(usState: string, lang: Language): LetterInput {
  return {
    kind: 'us-state-request',
    lang,
    law: 'us-state',
    usState,
    provider: { name: 'Reddit', legalEntity: { name: 'Reddit, Inc.', address: '1455 Market Street\nSan Francisco, CA 94103' } },
    person: { name: 'Sam Doe', email: 'sam@example.org' },
    account: { identifier: 'sam_doe' },
    agent: { name: 'Optout Autopilot Example' },
    reference: 'OA-7K2M-9QXD',
    date: '2026-11-28',
    dueDate: '2027-01-12',
  };
}

/** Per new state: its act, the citations its letter must carry (opt-out, deletion, response; each once), and how far its opt-out reaches. */
const NEW_STATES: {
  code: string;
  act: string;
  actCitation: string;
  citations: string[];
  profiling: 'decisions' | 'automated' | 'solely-automated' | null;
  deletesAll: boolean;
}[] = [
  {
    code: 'US-DE',
    act: 'Delaware Personal Data Privacy Act',
    actCitation: '6 Del. C. § 12D-101 et seq.',
    citations: ['6 Del. C. § 12D-104(a)', '6 Del. C. § 12D-104(c)(1)'],
    profiling: 'solely-automated',
    deletesAll: true,
  },
  {
    code: 'US-IA',
    act: 'Iowa Consumer Data Protection Act',
    actCitation: 'Iowa Code ch. 715D',
    citations: ['Iowa Code § 715D.3', 'Iowa Code § 715D.3(1)(b)'],
    profiling: null,
    deletesAll: false,
  },
  {
    code: 'US-NE',
    act: 'Nebraska Data Privacy Act',
    actCitation: 'Neb. Rev. Stat. § 87-1101 et seq.',
    citations: ['Neb. Rev. Stat. § 87-1107(2)(e)', 'Neb. Rev. Stat. § 87-1107', 'Neb. Rev. Stat. § 87-1108(2)'],
    profiling: 'decisions',
    deletesAll: true,
  },
  {
    code: 'US-NH',
    act: 'New Hampshire Data Privacy Act',
    actCitation: 'RSA ch. 507-H',
    citations: ['RSA 507-H:4, I(e)', 'RSA 507-H:4, I(c)', 'RSA 507-H:4'],
    profiling: 'solely-automated',
    deletesAll: true,
  },
  {
    code: 'US-MN',
    act: 'Minnesota Consumer Data Privacy Act',
    actCitation: 'Minn. Stat. §§ 325M.10 to 325M.21',
    citations: ['Minn. Stat. § 325M.14, subd. 1(f)', 'Minn. Stat. § 325M.14, subd. 1(d)', 'Minn. Stat. § 325M.14'],
    profiling: 'automated',
    deletesAll: true,
  },
  {
    code: 'US-MD',
    act: 'Maryland Online Data Privacy Act',
    actCitation: 'Md. Code, Com. Law § 14-4701 et seq.',
    citations: ['Md. Code, Com. Law § 14-4705(b)(7)', 'Md. Code, Com. Law § 14-4705(b)(4)', 'Md. Code, Com. Law § 14-4705'],
    profiling: 'solely-automated',
    deletesAll: true,
  },
  {
    code: 'US-IN',
    act: 'Indiana Consumer Data Protection Act',
    actCitation: 'Ind. Code § 24-15-1-1 et seq.',
    citations: ['Ind. Code § 24-15-3-1(b)(5)', 'Ind. Code § 24-15-3-1(b)(3)', 'Ind. Code § 24-15-3-1(c)(1)'],
    profiling: 'decisions',
    deletesAll: true,
  },
  {
    code: 'US-KY',
    act: 'Kentucky Consumer Data Protection Act',
    actCitation: 'KRS 367.3611 et seq.',
    citations: ['KRS 367.3615(2)(e)', 'KRS 367.3615(2)(c)', 'KRS 367.3615(3)'],
    profiling: 'decisions',
    deletesAll: true,
  },
];

/** The profiling clause of the opt-out sentence, per width and language. */
const PROFILING: Record<'decisions' | 'automated' | 'solely-automated', Record<'en' | 'de', string>> = {
  decisions: { en: 'for profiling in furtherance of decisions that', de: 'für Profiling zur Vorbereitung von Entscheidungen, die' },
  automated: { en: 'for profiling in furtherance of automated decisions that', de: 'für Profiling zur Vorbereitung automatisierter Entscheidungen, die' },
  'solely-automated': {
    en: 'for profiling in furtherance of solely automated decisions that',
    de: 'für Profiling zur Vorbereitung ausschließlich automatisierter Entscheidungen, die',
  },
};

describe('the US states added for "More US states"', () => {
  it.each(NEW_STATES.map((s) => [s.code, s] as const))('%s: the letter names the act and cites its sections, in English and German', (code, expected) => {
    const law = usStateLaw(code);
    expect(law?.act).toBe(expected.act);
    expect(lawFor(code)).toBe('us-state');
    for (const lang of LANGS) {
      const letter = renderLetter(request(code, lang));
      expect(letter.text).toContain(`${expected.act} (${expected.actCitation})`);
      // The request's own citations, and besides them only the agent paragraph's, where the act gives one.
      expect([...letter.citations].sort()).toEqual([...expected.citations, ...(law?.agent ? [law.agent.citation] : [])].sort());
      for (const citation of expected.citations) expect(letter.text).toContain(`(${citation})`);
      expect(letter.text).not.toMatch(/GDPR|DSGVO|CCPA|1798/);
    }
  });

  it.each(NEW_STATES.map((s) => [s.code, s] as const))('%s: the opt-out reaches as far as the act, and no further', (code, expected) => {
    const en = renderLetter(request(code, 'en')).text;
    const de = renderLetter(request(code, 'de')).text;
    expect(en).toContain('for the sale of personal data');
    expect(de).toContain('für den Verkauf personenbezogener Daten');
    if (expected.profiling === null) {
      expect(en).not.toContain('profiling');
      expect(de).not.toContain('Profiling');
    } else {
      expect(en).toContain(PROFILING[expected.profiling].en);
      expect(de).toContain(PROFILING[expected.profiling].de);
    }
    // Only the narrowest width may appear: "automated" letters never say "solely", "decisions" letters neither.
    if (expected.profiling !== 'solely-automated') expect(en).not.toContain('solely automated');
    if (expected.profiling === 'decisions') expect(en).not.toContain('automated decisions');
    expect(en).toContain(expected.deletesAll ? 'Please delete the personal data you hold about me' : 'Please delete the personal data I have provided to you');
  });

  it('Iowa: the letter asks only for the opt-out of sale, and only for the data the person provided', () => {
    const en = renderLetter(request('US-IA', 'en')).text;
    expect(en).toContain('I opt out of the processing of my personal data for the sale of personal data (Iowa Code § 715D.3).');
    expect(en).toContain('This includes selling my personal data to third parties for training or improving artificial intelligence models.');
    expect(en).not.toMatch(/targeted advertising|profiling|making my personal data available/);
    expect(en).toContain('Please delete the personal data I have provided to you (Iowa Code § 715D.3(1)(b)).');
    const de = renderLetter(request('US-IA', 'de')).text;
    expect(de).toContain('Ich widerspreche der Verarbeitung meiner personenbezogenen Daten für den Verkauf personenbezogener Daten (Iowa Code § 715D.3).');
    expect(de).not.toMatch(/Werbung|Profiling|zur Verfügung zu stellen/);
    expect(de).toContain('Bitte löschen Sie die personenbezogenen Daten, die ich Ihnen bereitgestellt habe (Iowa Code § 715D.3(1)(b)).');
  });

  it('no letter names a number of days: the due date comes from deadlines.ts (Iowa answers in 90, the others in 45)', () => {
    for (const lang of LANGS) {
      const text = renderLetter(request('US-IA', lang)).text;
      expect(text).not.toMatch(/\b(45|90)\b/);
      expect(text).toContain(lang === 'en' ? 'that is by 12 January 2027' : 'also bis zum 12. Januar 2027');
    }
  });
});

describe('appeal wording follows the act', () => {
  it('Utah gives no appeal: its letter neither asks for one nor mentions one', () => {
    expect(usStateLaw('US-UT')?.appeal).toBe(false);
    const en = renderLetter(request('US-UT', 'en')).text;
    expect(en).not.toMatch(/appeal/i);
    expect(en).toContain('If you decline any part of this request, please tell me which part and on what ground.');
    const de = renderLetter(request('US-UT', 'de')).text;
    expect(de).not.toMatch(/appeal|Einspruch|Widerspruchsverfahren/i);
    expect(de).toContain('Lehnen Sie einen Teil ab, nennen Sie mir bitte den Teil und den Grund.');
  });

  it('every other act gives one, and its letter asks how to appeal', () => {
    const others = allUsStateLaws().filter((law) => law.code !== 'US-UT');
    expect(others.length).toBeGreaterThan(0);
    for (const law of others) {
      expect(law.appeal).toBe(true);
      expect(renderLetter(request(law.code, 'en')).text).toContain('please tell me which part, on what ground, and how I can appeal your decision.');
      expect(renderLetter(request(law.code, 'de')).text).toContain(
        'den Grund und den Weg, auf dem ich gegen Ihre Entscheidung Einspruch (appeal) einlegen kann.',
      );
    }
  });
});

describe('authorized agents under the new acts', () => {
  it('Delaware, Nebraska, New Hampshire and Maryland let an agent opt out (Nebraska: not of profiling); Iowa, Indiana and Kentucky give no agent', () => {
    expect(usStateLaw('US-DE')?.agent?.citation).toBe('6 Del. C. § 12D-104(b)');
    expect(usStateLaw('US-NE')?.agent).toEqual({ optOutOf: ['targeted-advertising', 'sale'], deletion: false, citation: 'Neb. Rev. Stat. § 87-1111(5)' });
    expect(usStateLaw('US-NH')?.agent?.citation).toBe('RSA 507-H:4, II');
    expect(usStateLaw('US-MD')?.agent?.citation).toBe('Md. Code, Com. Law § 14-4706(a)');
    for (const code of ['US-DE', 'US-NH', 'US-MD']) expect(usStateLaw(code)?.agent?.deletion).toBe(false);
    for (const code of ['US-IA', 'US-IN', 'US-KY']) expect(usStateLaw(code)?.agent).toBeUndefined();
  });
});

describe('us-states.ts records where each citation was checked', () => {
  it('every state names the statute text it was checked against, and one code only once', () => {
    const codes = allUsStateLaws().map((law) => law.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const law of allUsStateLaws()) {
      expect(law.source).toMatch(/^https?:\/\//);
      expect(law.code).toMatch(/^US-[A-Z]{2}$/);
    }
  });
});
