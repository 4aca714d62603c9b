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
