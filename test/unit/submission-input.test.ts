// The form's input rules, without the services: the law a jurisdiction gives, jurisdiction limits, and
// session files per account.
import { describe, expect, it } from 'vitest';
import { jurisdictionAllowed, submissionSchema } from '../../functions/app/submissions.ts';
import { lawFor } from '../../functions/core/jurisdiction.ts';
import { pickLanguage } from '../../functions/core/page-text.ts';

const base = { name: 'Erika', email: 'erika@example.org', consent: true, accounts: [{ provider: 'reddit', identifier: 'erika' }] };

function issues(schema: ReturnType<typeof submissionSchema>, body: unknown) {
  const result = schema.safeParse(body);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe("the person's language", () => {
  it('takes en or de, and names the field otherwise', () => {
    const schema = submissionSchema(40);
    expect(issues(schema, { ...base, jurisdiction: 'FR', lang: 'de' })).toEqual([]);
    expect(issues(schema, { ...base, jurisdiction: 'FR', lang: 'fr' })).toEqual([{ path: 'lang', message: 'must be one of en, de' }]);
  });

  it.each([
    [undefined, 'de-DE,de;q=0.9,en;q=0.8', 'de'],
    [undefined, 'fr-FR, en-GB;q=0.7, de;q=0.5', 'en'],
    [undefined, 'de;q=0, en;q=0.2', 'en'],
    [undefined, 'fr-FR, it', 'en'],
    [undefined, undefined, 'en'],
    ['de', 'en-US', 'de'],
    ['xx', 'de-AT', 'de'],
  ])('form language for ?lang=%s and Accept-Language %s: %s', (query, accept, expected) => {
    expect(pickLanguage(query, accept)).toBe(expected);
  });
});

describe('which law protects a person', () => {
  it.each([
    ['DE', 'gdpr'],
    ['no', 'gdpr'],
    ['UK', 'uk-gdpr'],
    ['US-CA', 'ccpa'],
    ['US-CO', 'us-state'],
    ['us-va', 'us-state'],
    ['US-TX', 'us-state'],
    ['US-NJ', 'us-state'],
    ['US-TN', 'us-state'],
    ['US-RI', 'us-state'],
    ['US-MN', 'none'], // its response-period paragraph could not be confirmed yet
    ['US-UT', 'us-state'],
    ['US-IA', 'none'], // 90 days and a sale-only opt-out: not covered yet
    ['US-NY', 'none'],
    ['US', 'none'],
    ['BR', 'none'],
  ])('%s -> %s', (code, law) => {
    expect(lawFor(code)).toBe(law);
  });
});

describe('allowed jurisdictions', () => {
  it.each([
    ['DE', ['EU'], true],
    ['NO', ['EEA'], true],
    ['US-CA', ['EU', 'US-CA'], true],
    ['GB', ['EU', 'US-CA'], false],
    ['US-NY', ['EU', 'US-CA'], false],
    ['BR', [], true],
  ])('%s under %j: %s', (code, allowed, expected) => {
    expect(jurisdictionAllowed(code, allowed)).toBe(expected);
  });

  it('names the jurisdiction field and what the deployment serves', () => {
    const schema = submissionSchema(40, ['EU', 'US-CA']);
    expect(issues(schema, { ...base, jurisdiction: 'US-NY' })).toEqual([
      { path: 'jurisdiction', message: 'is not served by this deployment (it serves EU, US-CA)' },
    ]);
    expect(issues(schema, { ...base, jurisdiction: 'de' })).toEqual([]);
  });
});

describe('a session file given with an account', () => {
  const schema = submissionSchema(40);

  it('is refused, naming the account, when it is not a cookie export', () => {
    const found = issues(schema, { ...base, jurisdiction: 'DE', accounts: [{ provider: 'pinterest', identifier: 'e', session: 'not cookies' }] });
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toBe('accounts.0.session');
  });

  it('is refused when it holds no cookie of that provider', () => {
    const other = JSON.stringify([{ name: 'sid', value: 'abc', domain: '.example.com', path: '/' }]);
    const found = issues(schema, { ...base, jurisdiction: 'DE', accounts: [{ provider: 'pinterest', identifier: 'e', session: other }] });
    expect(found).toEqual([{ path: 'accounts.0.session', message: expect.stringMatching(/Pinterest|pinterest/) }]);
  });

  it('is taken when it holds the provider\'s cookies', () => {
    const mine = JSON.stringify([{ name: '_pinterest_sess', value: 'abc', domain: '.pinterest.com', path: '/' }]);
    expect(issues(schema, { ...base, jurisdiction: 'DE', accounts: [{ provider: 'pinterest', identifier: 'e', session: mine }] })).toEqual([]);
  });
});

describe('text rules at the door (core/text-rules.ts), the same as the letters', () => {
  const schema = submissionSchema(40);
  const valid = { ...base, jurisdiction: 'DE' };

  it.each([
    ['a line feed', 'Erika\nBcc: x@example.net', 'must be a single line (it contains a line break)'],
    ['a carriage return', 'Erika\rMustermann', 'must be a single line (it contains a line break)'],
    ['a NUL byte', 'Erika\u0000', 'contains a control character (U+0000)'],
    ['a tab', 'Erika\tM', 'contains a control character (U+0009)'],
    ['a C1 control', 'Erika\u0085', 'contains a control character (U+0085)'],
    ['a right-to-left override', 'Erika\u202Egnp.exe', 'contains a text-direction control character (U+202E)'],
    ['a first-strong isolate', '\u2068Erika', 'contains a text-direction control character (U+2068)'],
    ['a lone surrogate', 'Erika\uD800', 'contains broken Unicode (a lone surrogate)'],
  ])('refuses a name with %s, naming the field', (_what, name, message) => {
    expect(issues(schema, { ...valid, name })).toEqual([{ path: 'name', message }]);
  });

  it('applies the same rules to account identifiers, and allows line breaks only in a cookie file', () => {
    expect(issues(schema, { ...valid, accounts: [{ provider: 'reddit', identifier: 'erika\u202E' }] })).toEqual([
      { path: 'accounts.0.identifier', message: 'contains a text-direction control character (U+202E)' },
    ]);
    expect(issues(schema, { ...valid, accounts: [{ provider: 'reddit', identifier: 'erika', session: 'a\tb\nc\u0000' }] })).toContainEqual({
      path: 'accounts.0.session',
      message: 'contains a control character (U+0000)',
    });
  });

  it('keeps letters in accents and scripts other than Latin', () => {
    expect(issues(schema, { ...valid, name: 'Zoë Ångström-Łukasiewicz' })).toEqual([]);
    expect(issues(schema, { ...valid, name: 'محمد عبد الله' })).toEqual([]);
    expect(issues(schema, { ...valid, name: '山田 太郎 👩‍💻' })).toEqual([]);
  });

  it('refuses keys it does not know, by name, at every level', () => {
    const result = schema.safeParse({ ...valid, isAdmin: true, accounts: [{ provider: 'reddit', identifier: 'e', note: 'x' }] });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => ({ code: i.code, path: i.path.join('.') }))).toEqual(
      expect.arrayContaining([
        { code: 'unrecognized_keys', path: '' },
        { code: 'unrecognized_keys', path: 'accounts.0' },
      ]),
    );
  });
});

describe('jurisdiction codes', () => {
  const schema = submissionSchema(40);

  it.each(['DE', 'fr', 'GB', 'US', 'US-CA', 'us-ny', 'US-DC', 'US-PR', 'BR', 'JP'])('takes %s', (jurisdiction) => {
    expect(issues(schema, { ...base, jurisdiction })).toEqual([]);
  });

  it('reads UK as GB', () => {
    const result = schema.safeParse({ ...base, jurisdiction: 'uk' });
    expect(result.data?.jurisdiction).toBe('GB');
  });

  it.each(['XX', 'ZZ', 'EU', 'US-XX', 'US-ZZ', 'DE-XX', 'GB-SCT'])('refuses %s: not in ISO 3166-1 nor a supported subdivision', (jurisdiction) => {
    expect(issues(schema, { ...base, jurisdiction })).toEqual([
      { path: 'jurisdiction', message: 'is not a country code in ISO 3166-1 nor a supported subdivision (US states: "US-CA" style)' },
    ]);
  });

  it('refuses a code of the wrong shape with the shape it wants', () => {
    expect(issues(schema, { ...base, jurisdiction: 'Germany' })).toEqual([
      { path: 'jurisdiction', message: 'must be an ISO country code like "DE", or "US-CA" for a US state' },
    ]);
  });
});
