// The form's input rules, without the services: the law a jurisdiction gives, jurisdiction limits, and
// session files per account.
import { GERMAN_LAND_CODES } from '../../functions/core/countries.ts';
import { describe, expect, it } from 'vitest';
import { runWith } from '../../functions/runtime/scope.ts';
import { memoryRuntime } from '../support/memory-runtime.ts';
import { jurisdictionAllowed, submissionSchema } from '../../functions/app/submissions.ts';
import { GROUND_CHOICES, GROUNDS_TEXT_MAX, GroundsSchema } from '../../functions/core/grounds.ts';
import { defaultLanguage, lawFor, regionTags } from '../../functions/core/jurisdiction.ts';
import { pageText, pickLanguage } from '../../functions/core/page-text.ts';
import { fieldError, formPage } from '../../functions/handlers/form-page.ts';

const base = { name: 'Erika', email: 'erika@example.org', consent: true, accounts: [{ provider: 'reddit', identifier: 'erika' }], signature: 'Erika' };

function issues(schema: ReturnType<typeof submissionSchema>, body: unknown) {
  const result = schema.safeParse(body);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe("the person's language", () => {
  it('takes the seven languages, and names the field otherwise', () => {
    const schema = submissionSchema(40);
    for (const lang of ['en', 'de', 'fr', 'es', 'it', 'nl', 'pl']) expect(issues(schema, { ...base, jurisdiction: 'FR', lang })).toEqual([]);
    expect(issues(schema, { ...base, jurisdiction: 'FR', lang: 'pt' })).toEqual([{ path: 'lang', message: 'must be one of en, de, fr, es, it, nl, pl' }]);
  });

  it.each([
    [undefined, 'de-DE,de;q=0.9,en;q=0.8', 'de'],
    [undefined, 'fr-FR, en-GB;q=0.7, de;q=0.5', 'fr'],
    [undefined, 'pt-BR, pl;q=0.8, en;q=0.5', 'pl'],
    [undefined, 'pt-PT, ja', 'en'],
    [undefined, 'de;q=0, en;q=0.2', 'en'],
    [undefined, 'fr-FR, it', 'fr'],
    ['nl', 'de-AT', 'nl'],
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
    ['DE-BE', 'gdpr'],
    ['de-by', 'gdpr'],
    ['no', 'gdpr'],
    ['UK', 'uk-gdpr'],
    ['US-CA', 'ccpa'],
    ['US-CO', 'us-state'],
    ['us-va', 'us-state'],
    ['US-TX', 'us-state'],
    ['US-NJ', 'us-state'],
    ['US-TN', 'us-state'],
    ['US-RI', 'us-state'],
    // In force since 31 July 2025; the response period is cited at section level (us-states.ts).
    ['US-MN', 'us-state'],
    ['US-UT', 'us-state'],
    // Covered: its letter asks only for the sale opt-out (its 90 days belong in deadlines.ts).
    ['US-IA', 'us-state'],
    ['us-de', 'us-state'],
    ['US-NE', 'us-state'],
    ['US-NH', 'us-state'],
    ['US-MD', 'us-state'],
    ['US-IN', 'us-state'],
    ['US-KY', 'us-state'],
    ['US-NY', 'none'], // no act in us-states.ts
    ['US', 'none'],
    ['BR', 'none'],
  ])('%s -> %s', (code, law) => {
    expect(lawFor(code)).toBe(law);
  });
});

describe('allowed jurisdictions', () => {
  it.each([
    ['DE', ['EU'], true],
    ['DE-BE', ['EU'], true],
    ['DE-HH', ['EEA'], true],
    ['DE-NW', ['DE', 'US-CA'], true],
    ['DE-BY', ['DE-BY'], true],
    ['DE-BE', ['DE-BY'], false],
    ['DE-BE', ['GB', 'US-CA'], false],
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
    expect(issues(schema, { ...base, jurisdiction: 'de-be' })).toEqual([]);
  });
});

describe('a session file given with an account', () => {
  const schema = submissionSchema(40);

  it('is refused, naming the account, when it is not a cookie export', () => {
    const found = issues(schema, { ...base, jurisdiction: 'DE-BE', accounts: [{ provider: 'pinterest', identifier: 'e', session: 'not cookies' }] });
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toBe('accounts.0.session');
  });

  it('is refused when it holds no cookie of that provider', () => {
    const other = JSON.stringify([{ name: 'sid', value: 'abc', domain: '.example.com', path: '/' }]);
    const found = issues(schema, { ...base, jurisdiction: 'DE-BE', accounts: [{ provider: 'pinterest', identifier: 'e', session: other }] });
    expect(found).toEqual([{ path: 'accounts.0.session', message: expect.stringMatching(/Pinterest|pinterest/) }]);
  });

  it("is taken when it holds the provider's cookies", () => {
    const mine = JSON.stringify([{ name: '_pinterest_sess', value: 'abc', domain: '.pinterest.com', path: '/' }]);
    expect(issues(schema, { ...base, jurisdiction: 'DE-BE', accounts: [{ provider: 'pinterest', identifier: 'e', session: mine }] })).toEqual([]);
  });
});

describe('text rules at the door (core/text-rules.ts), the same as the letters', () => {
  const schema = submissionSchema(40);
  const valid = { ...base, jurisdiction: 'DE-BE' };

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
    expect(issues(schema, { ...valid, name: 'Zoë Ångström-Łukasiewicz', signature: 'Zoë Ångström-Łukasiewicz' })).toEqual([]);
    expect(issues(schema, { ...valid, name: 'محمد عبد الله', signature: 'محمد عبد الله' })).toEqual([]);
    expect(issues(schema, { ...valid, name: '山田 太郎 👩‍💻', signature: '山田 太郎 👩‍💻' })).toEqual([]);
  });

  it.each([
    ['a line separator U+2028', 'Erika\u2028Bcc: x', 'must be a single line (it contains a line break, U+2028)'],
    ['a paragraph separator U+2029', 'Erika\u2029', 'must be a single line (it contains a line break, U+2029)'],
    ['U+FFFD, what is left of bytes that were not UTF-8', 'Erika \uFFFD', 'contains broken text (U+FFFD, left where bytes were not valid UTF-8)'],
    ['a zero-width space', 'Eri\u200Bka', 'contains an invisible character (U+200B): type it with visible characters only'],
    ['a zero-width non-joiner between Latin letters', 'Eri\u200Cka', 'contains an invisible character (U+200C): type it with visible characters only'],
    ['a zero-width joiner between Latin letters', 'Eri\u200Dka', 'contains an invisible character (U+200D): type it with visible characters only'],
    ['a word joiner', 'Erika\u2060', 'contains an invisible character (U+2060): type it with visible characters only'],
    ['an invisible plus', 'Eri\u2064ka', 'contains an invisible character (U+2064): type it with visible characters only'],
    ['a byte-order mark', '\uFEFFErika', 'contains an invisible character (U+FEFF): type it with visible characters only'],
    ['a soft hyphen', 'Eri\u00ADka', 'contains an invisible character (U+00AD): type it with visible characters only'],
    ['a combining grapheme joiner', 'Eri\u034Fka', 'contains an invisible character (U+034F): type it with visible characters only'],
    ['a Mongolian vowel separator', 'Erika\u180E', 'contains an invisible character (U+180E): type it with visible characters only'],
    ['a tag character', 'Erika\u{E0065}', 'contains an invisible character (U+E0065): type it with visible characters only'],
  ])('refuses a name, a signature and an identifier with %s, naming each', (_what, text, message) => {
    expect(issues(schema, { ...valid, name: text, signature: text })).toEqual([
      { path: 'name', message },
      { path: 'signature', message },
    ]);
    expect(issues(schema, { ...valid, accounts: [{ provider: 'reddit', identifier: text }] })).toEqual([{ path: 'accounts.0.identifier', message }]);
  });

  it('keeps the joiners where a script or an emoji needs them', () => {
    for (const name of ['علی\u200Cرضا', 'क्\u200Dष', '👩\u200D💻 Erika', '🏳️\u200D🌈 Erika', 'Straße Łódź 東京']) {
      expect(issues(schema, { ...valid, name, signature: name }), name).toEqual([]);
      expect(issues(schema, { ...valid, accounts: [{ provider: 'reddit', identifier: name }] }), name).toEqual([]);
    }
  });

  it('refuses CR/LF around a jurisdiction or a provider instead of trimming it off', () => {
    expect(issues(schema, { ...valid, jurisdiction: 'DE-BE\r\n' })).toEqual([
      { path: 'jurisdiction', message: 'must be a single line (it contains a line break)' },
    ]);
    expect(issues(schema, { ...valid, accounts: [{ provider: 'reddit\n', identifier: 'e' }] })).toEqual([
      { path: 'accounts.0.provider', message: 'must be a single line (it contains a line break)' },
    ]);
    // Spaces are still trimmed.
    expect(issues(schema, { ...valid, jurisdiction: ' de-be ', accounts: [{ provider: ' Reddit ', identifier: 'e' }] })).toEqual([]);
  });

  it('refuses a session file whose cookie fields hold control characters or line breaks', () => {
    const file = (cookie: Record<string, string>) => JSON.stringify([{ name: 'reddit_session', value: 'v', domain: '.reddit.com', ...cookie }]);
    const sessionIssue = (cookie: Record<string, string>) =>
      issues(schema, { ...valid, accounts: [{ provider: 'reddit', identifier: 'e', session: file(cookie) }] });
    expect(sessionIssue({ value: 'a\r\nSet-Cookie: x=1' })).toEqual([
      { path: 'accounts.0.session', message: 'cookie 1: its value must be a single line (it contains a line break)' },
    ]);
    expect(sessionIssue({ name: 'a\u0000' })).toEqual([{ path: 'accounts.0.session', message: 'cookie 1: its name contains a control character (U+0000)' }]);
    expect(sessionIssue({ domain: '.reddit.com\u2028' })).toEqual([
      { path: 'accounts.0.session', message: 'cookie 1: its domain must be a single line (it contains a line break, U+2028)' },
    ]);
    expect(sessionIssue({ domain: '.com' })).toEqual([
      { path: 'accounts.0.session', message: 'cookie 1 ("reddit_session"): its domain ".com" is a public suffix, not a site; a browser would refuse it' },
    ]);
    expect(sessionIssue({})).toEqual([]);
    // Other sites' cookies in a whole-profile export are dropped, as before, not refused.
    const profile = JSON.stringify([
      { name: 'reddit_session', value: 'v', domain: '.reddit.com' },
      { name: 'dev', value: 'v', domain: 'localhost' },
      { name: 'odd', value: 'v', domain: '.co.uk' },
    ]);
    expect(issues(schema, { ...valid, accounts: [{ provider: 'reddit', identifier: 'e', session: profile }] })).toEqual([]);
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

describe('account identifiers, shown in the verification mail (core/identifiers.ts)', () => {
  const schema = submissionSchema(40);
  const identifierIssues = (provider: string, identifier: string) =>
    issues(schema, { ...base, jurisdiction: 'FR', accounts: [{ provider, identifier }] }).filter((i) => i.path === 'accounts.0.identifier');

  it.each([
    ['reddit', 'u/erika_m'],
    ['x', '@erika'],
    ['discord', 'erika#1234'],
    ['pinterest', 'camille.london'],
    ['facebook', 'fb.me'],
    ['google', 'erika.mustermann@gmail.com'],
    ['tiktok', '@erika and erika@example.org, +49 30 1234567'],
    ['quora', 'Erika Mustermann'],
    ['linkedin', 'https://www.linkedin.com/in/erika-m'],
    ['linkedin', 'linkedin.com/in/erika-m'],
    ['youtube', 'https://www.youtube.com/@erika'],
    ['stack-overflow', 'stackoverflow.com/users/123/erika and erika@example.org'],
    ['atlassian', 'erika@example.org, example.atlassian.net'],
    ['slack', 'acme.slack.com'],
    ['whatsapp', '+49 30 1234567'],
    ['reddit', 'e'.repeat(100)],
  ])('takes a %s identifier like %s', (provider, identifier) => {
    expect(identifierIssues(provider, identifier)).toEqual([]);
  });

  it.each([
    ['reddit', 'URGENT: your account will be deleted, call +1 555 0100 or visit evil.example/login', 'evil.example/login'],
    ['reddit', 'log in at evil.com today', 'evil.com'],
    ['reddit', 'www.evil.com', 'www.evil.com'],
    ['reddit', 'erika https://evil.com', 'https://evil.com'],
    ['linkedin', 'https://www.linkedin.com@evil.com/in/erika', 'https://www.linkedin.com@evil.com/in/erika'],
    ['linkedin', 'https://evil.com/www.linkedin.com', 'https://evil.com/www.linkedin.com'],
    ['linkedin', 'http://192.0.2.1/login', 'http://192.0.2.1/login'],
    ['reddit', 'see ｅｖｉｌ．ｃｏｍ now', 'evil.com'],
    ['reddit', 'evil.com:8080', 'evil.com:8080'],
  ])('refuses a %s identifier %j with a foreign address, naming it and what to give', (provider, identifier, found) => {
    const [issue, ...more] = identifierIssues(provider, identifier);
    expect(more).toEqual([]);
    expect(issue!.message).toContain(`found "${found}"`);
    expect(issue!.message).toMatch(/^must not contain a web address or domain other than \S+'s own \(.+\), found .+: give the .+/);
  });

  it('names the provider and its domains, and what its identifier looks like', () => {
    expect(identifierIssues('reddit', 'visit evil.com now')).toEqual([
      {
        path: 'accounts.0.identifier',
        message: `must not contain a web address or domain other than Reddit's own (reddit.com, redditmail.com), found "evil.com": give the Reddit username (u/...)`,
      },
    ]);
  });

  it('refuses an identifier longer than 100 characters', () => {
    expect(identifierIssues('reddit', 'e'.repeat(101))).toEqual([{ path: 'accounts.0.identifier', message: 'is too long (100 characters at most)' }]);
  });
});

describe('jurisdiction codes', () => {
  const schema = submissionSchema(40);

  it.each(['DE-BE', 'de-by', 'DE-TH', 'fr', 'GB', 'US', 'US-CA', 'us-ny', 'US-DC', 'US-PR', 'BR', 'JP'])('takes %s', (jurisdiction) => {
    expect(issues(schema, { ...base, jurisdiction })).toEqual([]);
  });

  it('takes all 16 German Länder, as GDPR, German, with the tags DE, EU and EEA', () => {
    const lands = GERMAN_LAND_CODES;
    expect(lands).toHaveLength(16);
    for (const land of lands) {
      expect(issues(schema, { ...base, jurisdiction: land }), land).toEqual([]);
      expect(lawFor(land)).toBe('gdpr');
      expect(defaultLanguage(land)).toBe('de');
      expect(regionTags(land)).toEqual(expect.arrayContaining(['global', land, 'DE', 'EU', 'EEA']));
    }
  });

  it('refuses plain DE and names the Land codes to use instead', () => {
    const found = issues(schema, { ...base, jurisdiction: 'de' });
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toBe('jurisdiction');
    expect(found[0]!.message).toMatch(/^name your Land: DE-BW \(Baden-Württemberg\), DE-BY \(Bayern\), DE-BE \(Berlin\), /);
    expect(found[0]!.message).toContain('DE-TH (Thüringen)');
  });

  it('reads UK as GB', () => {
    const result = schema.safeParse({ ...base, jurisdiction: 'uk' });
    expect(result.data?.jurisdiction).toBe('GB');
  });

  it.each(['XX', 'ZZ', 'EU', 'US-XX', 'US-ZZ', 'DE-XX', 'DE-B', 'GB-SCT'])('refuses %s: not in ISO 3166-1 nor a supported subdivision', (jurisdiction) => {
    expect(issues(schema, { ...base, jurisdiction })).toEqual([
      {
        path: 'jurisdiction',
        message: 'is not a country code in ISO 3166-1 nor a supported subdivision (German Länder: "DE-BE" style; US states: "US-CA" style)',
      },
    ]);
  });

  it('refuses a code of the wrong shape with the shape it wants', () => {
    expect(issues(schema, { ...base, jurisdiction: 'Germany' })).toEqual([
      { path: 'jurisdiction', message: 'must be an ISO country code like "FR", "DE-BE" for a German Land, or "US-CA" for a US state' },
    ]);
  });
});

describe("the person's own grounds for the objection", () => {
  const schema = submissionSchema(40);
  const valid = { ...base, jurisdiction: 'FR' };
  /** Only what is said about grounds: other fields have rules of their own, tested above. */
  const groundsIssues = (grounds: unknown) => issues(schema, { ...valid, grounds }).filter((i) => i.path === 'grounds' || i.path.startsWith('grounds.'));

  it('takes a guided choice and a text of their own, trimmed, and nothing when left out', () => {
    expect(groundsIssues({ choices: ['photos-of-others', 'special-categories'], text: '  My ex-partner\nfollows me.  ' })).toEqual([]);
    expect(GroundsSchema.parse({ choices: ['photos-of-others', 'special-categories'], text: '  My ex-partner\nfollows me.  ' })).toEqual({
      choices: ['photos-of-others', 'special-categories'],
      text: 'My ex-partner\nfollows me.',
    });
    expect(groundsIssues({ choices: GROUND_CHOICES })).toEqual([]);
    expect(GroundsSchema.parse({ text: 'Only my words.' })).toEqual({ choices: [], text: 'Only my words.' });
    expect(groundsIssues(undefined)).toEqual([]);
  });

  it('refuses a choice it does not know, naming the field and the choices', () => {
    expect(groundsIssues({ choices: ['safety', 'bored'] })).toEqual([
      { path: 'grounds.choices.1', message: 'must be one of photos-of-others, creative-work, special-categories, posted-as-minor, safety' },
    ]);
    expect(groundsIssues({ choices: 'safety' })).toEqual([{ path: 'grounds.choices', message: 'must be a list of grounds' }]);
    expect(groundsIssues({ choices: ['safety', 'safety'] })).toEqual([{ path: 'grounds.choices.1', message: 'lists safety twice' }]);
  });

  it('refuses grounds that say nothing, and keys it does not know', () => {
    expect(groundsIssues({ choices: [] })).toEqual([{ path: 'grounds', message: 'must choose at least one ground or give a text (or be left out)' }]);
    expect(groundsIssues({ choices: [], text: '   ' })).toEqual([{ path: 'grounds.text', message: 'must not be empty (leave it out instead)' }]);
    const unknown = schema.safeParse({ ...valid, grounds: { choices: ['safety'], basis: 'consent' } });
    expect(
      unknown
        .error!.issues.filter((i) => i.path[0] === 'grounds')
        .map((i) => ({ code: i.code, path: i.path.join('.'), keys: (i as { keys?: string[] }).keys })),
    ).toEqual([{ code: 'unrecognized_keys', path: 'grounds', keys: ['basis'] }]);
    expect(groundsIssues(['safety'])).toEqual([{ path: 'grounds', message: 'must be an object { choices, text? }' }]);
  });

  it('applies the text rules of every other field to the text: line breaks and tabs, but no controls, bidi marks or broken Unicode', () => {
    expect(groundsIssues({ choices: [], text: 'first line\r\n\tsecond line' })).toEqual([]);
    expect(groundsIssues({ choices: [], text: 'ok\u0000' })).toEqual([{ path: 'grounds.text', message: 'contains a control character (U+0000)' }]);
    expect(groundsIssues({ choices: [], text: 'ok\u202E' })).toEqual([
      { path: 'grounds.text', message: 'contains a text-direction control character (U+202E)' },
    ]);
    expect(groundsIssues({ choices: [], text: 'ok\uD800' })).toEqual([{ path: 'grounds.text', message: 'contains broken Unicode (a lone surrogate)' }]);
    expect(groundsIssues({ choices: [], text: 'x'.repeat(GROUNDS_TEXT_MAX) })).toEqual([]);
    expect(groundsIssues({ choices: [], text: 'x'.repeat(GROUNDS_TEXT_MAX + 1) })).toEqual([
      { path: 'grounds.text', message: 'is too large (500 characters at most)' },
    ]);
  });

  it('the plain form points an unknown choice at the reasons, and a text error at the text area', () => {
    for (const lang of ['en', 'de', 'fr', 'es', 'it', 'nl', 'pl'] as const) {
      const t = pageText(lang);
      for (const path of ['grounds.choices.1', 'grounds.choices']) {
        expect(fieldError({ path, message: 'must be one of …' }, t), `${lang} ${path}`).toEqual({
          field: 'grounds',
          message: t.formErrGroundChoices,
          detail: 'must be one of …',
        });
      }
      expect(fieldError({ path: 'grounds.text', message: 'is too large (500 characters at most)' }, t)).toMatchObject({
        field: 'grounds-text',
        message: t.formErrGrounds,
      });
      expect(t.formErrGroundChoices, lang).not.toBe(t.formErrGrounds);
    }
  });

  it('the form offers exactly these choices, each with a label, in both languages', () => {
    // The form page reads the deployment's settings (allowed jurisdictions, operator name).
    const env = {
      OPTOUT_FROM_ADDRESS: 'optout@autopilot.localhost',
      OPTOUT_INBOUND_DOMAIN: 'inbound.localhost',
      OPTOUT_PUBLIC_URL: 'http://127.0.0.1:8000',
      AWS_REGION: 'us-east-1',
      TABLE_NAME: 'optout',
    };
    const runtime = memoryRuntime({ env });
    for (const lang of ['en', 'de'] as const) {
      const html = runWith(runtime, () => formPage(lang));
      const choices = [...html.matchAll(/<label class="check"><input type="checkbox" name="ground" value="([a-z-]+)"> ([^<]*)<\/label>/g)];
      expect(choices.map((m) => m[1])).toEqual([...GROUND_CHOICES]);
      for (const [, , label] of choices) expect(label).toMatch(/\S/);
      expect(html).toContain(`<label for="grounds-text">${pageText(lang).formGroundsText}</label>`);
      expect(html).toContain('maxlength="500"');
    }
  });
});
