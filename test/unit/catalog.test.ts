import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runWith } from '../../functions/runtime/scope.ts';
import { memoryRuntime } from '../support/memory-runtime.ts';
import { handleHttp } from '../../functions/handlers/http.ts';
import {
  CatalogError,
  channelsFor,
  getCatalog,
  getProvider,
  letterAddressee,
  loadCatalog,
  PROVIDERS_DIR,
  UnknownProviderError,
} from '../../functions/core/providers/catalog.ts';
import { ProviderSchema } from '../../functions/core/providers/schema.ts';

const REQUIRED = [
  'pinterest',
  'facebook',
  'instagram',
  'linkedin',
  'x',
  'reddit',
  'quora',
  'slack',
  'discord',
  'openai',
  'google',
  'adobe',
  'amazon',
  'microsoft',
  'snapchat',
];
const META_AI_FORM = 'https://www.facebook.com/help/contact/712876720715583';

const providerFiles = readdirSync(PROVIDERS_DIR).filter((f) => f.endsWith('.json'));

describe('the provider catalog in providers/', () => {
  it.each(providerFiles)('%s is valid under ProviderSchema', (file) => {
    const raw = JSON.parse(readFileSync(join(PROVIDERS_DIR, file), 'utf8'));
    const result = ProviderSchema.safeParse(raw);
    const issues = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toEqual([]);
    expect(raw.slug).toBe(file.replace(/\.json$/, ''));
  });

  it('loads as a whole, one entry per file', () => {
    const catalog = loadCatalog();
    expect(catalog.size).toBe(providerFiles.length);
    expect(getCatalog()).toBe(getCatalog());
  });

  it('has the required providers, each with at least one channel, https sources and bare reply domains', () => {
    const catalog = getCatalog();
    for (const slug of REQUIRED) expect(catalog.has(slug), slug).toBe(true);
    for (const p of catalog.values()) {
      expect(p.channels.length, p.slug).toBeGreaterThan(0);
      for (const url of [...p.sources, ...p.origins]) expect(url, p.slug).toMatch(/^https:\/\//);
      for (const domain of p.replyDomains) expect(domain, p.slug).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
    }
  });

  it('has settings playbooks (switchOff, read back after a reload) for at least 15 providers, each named by a settings channel and inside its origins', () => {
    const withToggle = [...getCatalog().values()].filter((p) => Object.values(p.playbooks).some((pb) => pb.steps.some((s) => s.action === 'switchOff')));
    expect(withToggle.length, withToggle.map((p) => p.slug).join(', ')).toBeGreaterThanOrEqual(15);
    for (const p of withToggle) {
      for (const [key, pb] of Object.entries(p.playbooks)) {
        if (!pb.steps.some((s) => s.action === 'switchOff')) continue;
        expect(
          p.channels.some((c) => c.type === 'settings' && c.playbook === key),
          `${p.slug}/${key}`,
        ).toBe(true);
        const urls = [pb.deepLink, ...pb.steps.flatMap((s) => (s.action === 'goto' ? [s.url] : []))];
        for (const url of urls) expect(p.origins, `${p.slug}/${key}: ${url}`).toContain(new URL(url).origin);
      }
    }
  });

  it("names each settings playbook's setting, menu path, inverse wording and confirm button in every language the provider's interface offers", () => {
    const missing: string[] = [];
    for (const p of getCatalog().values()) {
      for (const [key, pb] of Object.entries(p.playbooks)) {
        if (!pb.setting) continue;
        const { labels, inverse, path, confirm } = pb.setting;
        const parts = { labels, inverse, confirm, ...Object.fromEntries(path.map((step, i) => [`path.${i}`, step])) };
        for (const [part, words] of Object.entries(parts)) {
          if (!words) continue;
          for (const lang of p.languages) if (!(lang in words)) missing.push(`${p.slug}/${key} ${part}: ${lang}`);
        }
      }
    }
    expect(missing).toEqual([]);
    // Interfaces in English only keep English labels alone; the big ones speak all seven languages.
    expect(getProvider('github').languages).toEqual(['en']);
    for (const slug of ['google', 'youtube', 'microsoft', 'openai', 'linkedin', 'pinterest', 'x', 'quora']) {
      expect(getProvider(slug).languages, slug).toEqual(['en', 'de', 'fr', 'es', 'it', 'nl', 'pl']);
    }
  });

  it('records the Slack workspace opt-out as an email to feedback@slack.com with the subject in the note', () => {
    const optOut = getProvider('slack').channels.find((c) => c.type === 'email' && c.address === 'feedback@slack.com');
    expect(optOut?.note).toContain('Slack Global model opt-out request');
  });
});

describe('channelsFor', () => {
  it('offers the Meta AI objection form in the EU, EEA, GB and CH but not in California', () => {
    const facebook = getProvider('facebook');
    const urls = (j: string) => channelsFor(facebook, j).flatMap((c) => (c.type === 'email' ? [] : [c.url]));
    for (const j of ['DE', 'IE', 'NO', 'GB', 'uk', 'CH']) expect(urls(j), j).toContain(META_AI_FORM);
    expect(urls('US-CA')).not.toContain(META_AI_FORM);
    // The general privacy form is global.
    expect(urls('US-CA')).toContain('https://www.facebook.com/help/contact/540977946302970');
  });

  it('picks the country-specific Amazon address before the EU fallback', () => {
    const emails = (j: string) => channelsFor(getProvider('amazon'), j).flatMap((c) => (c.type === 'email' ? [c.address] : []));
    expect(emails('FR')).toEqual(['eu-privacy@amazon.fr', 'eu-privacy@amazon.de']);
    expect(emails('GB')).toEqual(['eu-privacy@amazon.co.uk']);
    expect(emails('US-CA')).toEqual([]);
  });

  it('puts failing email addresses last and keeps catalog order otherwise', () => {
    const provider = ProviderSchema.parse({
      ...minimalProvider('acme'),
      channels: [
        { type: 'email', address: 'old@acme.example', failing: { since: '2026-10-01', reason: '550 no such user' } },
        { type: 'email', address: 'eu@acme.example', regions: ['EU'] },
        { type: 'webform', label: 'Privacy form', url: 'https://acme.example/privacy' },
        { type: 'email', address: 'us@acme.example', regions: ['US-CA'] },
      ],
    });
    const order = (j: string) => channelsFor(provider, j).map((c) => (c.type === 'email' ? c.address : c.label));
    expect(order('DE')).toEqual(['eu@acme.example', 'Privacy form', 'old@acme.example']);
    expect(order('US-CA')).toEqual(['Privacy form', 'us@acme.example', 'old@acme.example']);
  });
});

describe('German controllers in the catalog', () => {
  it('every German legalEntity carries its Land, from its address: DeepL (Cologne) DE-NW, SoundCloud (Berlin) DE-BE', () => {
    for (const p of getCatalog().values()) {
      if (p.legalEntity.country === 'DE') expect(p.legalEntity.land, p.slug).toMatch(/^DE-[A-Z]{2}$/);
    }
    expect(getProvider('deepl').legalEntity).toMatchObject({ name: 'DeepL SE', land: 'DE-NW' });
    expect(getProvider('soundcloud').legalEntity).toMatchObject({ name: 'SoundCloud Global Limited & Co. KG', land: 'DE-BE' });
  });
});

describe('Zoom', () => {
  it('keeps the name its own privacy statement gives while the reported rename is unconfirmed, and says so', () => {
    const zoom = getProvider('zoom');
    expect(zoom.legalEntity.name).toBe('Zoom Video Communications, Inc.');
    expect(zoom.notes).toContain('Rename reported but unconfirmed');
    expect(zoom.quality).toBe('unsure');
  });
});

describe('letterAddressee', () => {
  it('addresses US-law letters to the US company where the catalog has one, else to the EU controller', () => {
    expect(letterAddressee(getProvider('reddit'), 'gdpr').name).toBe('Reddit Netherlands B.V.');
    expect(letterAddressee(getProvider('reddit'), 'ccpa').name).toBe('Reddit, Inc.');
    expect(letterAddressee(getProvider('reddit'), 'us-state').name).toBe('Reddit, Inc.');
    expect(letterAddressee(getProvider('reddit'), 'none').name).toBe('Reddit Netherlands B.V.');
    expect(letterAddressee(getProvider('linkedin'), 'ccpa').name).toBe('LinkedIn Corporation');
    // A provider whose catalog entry names no US company: its main controller.
    expect(letterAddressee(getProvider('canva'), 'ccpa').name).toBe('Canva Pty Ltd');
  });

  it('sends US-law letters of Amazon, Adobe and Slack to their US company, named without an address no source gives', () => {
    // Before: no US entity in otherEntities, so a CCPA letter went to the Luxembourg/Irish company.
    for (const [slug, us] of [
      ['amazon', 'Amazon.com, Inc.'],
      ['adobe', 'Adobe Inc.'],
      ['slack', 'Slack Technologies, LLC'],
    ] as const) {
      for (const law of ['ccpa', 'us-state'] as const) {
        expect(letterAddressee(getProvider(slug), law), `${slug} ${law}`).toEqual({ name: us, country: 'US' });
      }
      expect(letterAddressee(getProvider(slug), 'gdpr').country, slug).not.toBe('US');
    }
  });

  it('addresses a person in a US state without an act (US-NY, US-FL) to the US company too, since they live in the US', () => {
    const pinterest = getProvider('pinterest');
    for (const state of ['US-NY', 'US-FL', 'us-fl', 'US']) {
      expect(letterAddressee(pinterest, 'none', state).name, state).toBe('Pinterest, Inc.');
    }
    // Outside the US, a plain request still goes to the main controller; without a US company, to it as well.
    expect(letterAddressee(pinterest, 'none', 'JP').name).toBe('Pinterest Europe Ltd.');
    expect(letterAddressee(pinterest, 'none').name).toBe('Pinterest Europe Ltd.');
    expect(letterAddressee(getProvider('canva'), 'none', 'US-NY').name).toBe('Canva Pty Ltd');
    // A US main controller (Snap Inc.) is itself the US company.
    expect(letterAddressee(getProvider('snapchat'), 'none', 'US-NY').name).toBe('Snap Inc.');
  });

  it('leaves out an address no company text gives: Meta Platforms, Inc. has a name and no address', () => {
    const meta = letterAddressee(getProvider('facebook'), 'ccpa');
    expect(meta.name).toBe('Meta Platforms, Inc.');
    expect(meta.address).toBeUndefined();
    expect(letterAddressee(getProvider('x'), 'gdpr').name).toBe('X Internet Unlimited Company');
    expect(letterAddressee(getProvider('x'), 'ccpa').address).toMatch(/Bastrop, TX 78602/);
    expect(getProvider('substack').legalEntity.address).not.toMatch(/not found/);
  });
});

describe('getProvider', () => {
  it('returns a provider by slug', () => {
    expect(getProvider('pinterest').legalEntity.country).toBe('IE');
  });

  it('names the unknown slug and suggests close matches', () => {
    expect(() => getProvider('pintrest')).toThrow(UnknownProviderError);
    expect(() => getProvider('pintrest')).toThrow(/"pintrest".*pinterest/);
    expect(() => getProvider('twitter')).toThrow(/"twitter".*\bx\b/);
    try {
      getProvider('zzqqvv');
      expect.unreachable('getProvider should have thrown');
    } catch (err) {
      expect(err).toBeInstanceOf(UnknownProviderError);
      expect((err as UnknownProviderError).slug).toBe('zzqqvv');
      expect((err as Error).message).toContain('no close match');
    }
  });
});

describe('a broken catalog', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function catalogWith(files: Record<string, unknown>): string {
    dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    for (const [name, content] of Object.entries(files)) {
      writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
    }
    return dir;
  }

  function problemsOf(path: string): string[] {
    try {
      loadCatalog(path);
    } catch (err) {
      expect(err).toBeInstanceOf(CatalogError);
      return (err as CatalogError).problems;
    }
    throw new Error('loadCatalog accepted a broken catalog');
  }

  it('accepts a minimal valid provider (control case)', () => {
    expect(loadCatalog(catalogWith({ 'acme.json': minimalProvider('acme') })).get('acme')?.name).toBe('Acme');
  });

  it('names the file and field of a bad email address', () => {
    const bad = { ...minimalProvider('acme'), channels: [{ type: 'email', address: 'privacy-at-acme' }] };
    const problems = problemsOf(catalogWith({ 'acme.json': bad }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^acme\.json: channels\.0\.address: /);
  });

  it('names a channel whose playbook is missing', () => {
    const bad = {
      ...minimalProvider('acme'),
      channels: [{ type: 'settings', label: 'AI training', path: 'Settings', url: 'https://acme.example/s', playbook: 'ai-toggle' }],
    };
    const [problem] = problemsOf(catalogWith({ 'acme.json': bad }));
    expect(problem).toContain('acme.json: channels.0.playbook');
    expect(problem).toContain('"ai-toggle"');
  });

  it("refuses a German controller without its Land: its authority and holidays are the Land's, and the BfDI would be wrong", () => {
    const german = { ...minimalProvider('acme'), legalEntity: { name: 'Acme GmbH', address: 'Hauptstraße 1, 50667 Köln, Germany', country: 'DE' } };
    expect(problemsOf(catalogWith({ 'acme.json': german }))).toEqual([
      'acme.json: legalEntity.land: a German legalEntity needs its Land (e.g. "DE-NW" for Cologne): its supervisory authority and holidays are the Land\'s',
    ]);
    const withLand = { ...german, legalEntity: { ...german.legalEntity, land: 'DE-NW' } };
    expect(loadCatalog(catalogWith({ 'acme.json': withLand })).get('acme')?.legalEntity.land).toBe('DE-NW');
  });

  it('refuses a Land on an entity outside Germany, and a Land code that is no German Land', () => {
    const irish = { ...minimalProvider('acme'), legalEntity: { name: 'Acme Ltd', country: 'IE', land: 'DE-BE' } };
    expect(problemsOf(catalogWith({ 'acme.json': irish }))).toEqual(['acme.json: legalEntity.land: "DE-BE" is a German Land, but the entity\'s country is IE']);
    const bogus = { ...minimalProvider('acme'), legalEntity: { name: 'Acme GmbH', country: 'DE', land: 'DE-XX' } };
    expect(problemsOf(catalogWith({ 'acme.json': bogus }))[0]).toMatch(/^acme\.json: legalEntity\.land: must be a German Land code/);
  });

  it('rejects a slug that differs from the file name', () => {
    const [problem] = problemsOf(catalogWith({ 'other.json': minimalProvider('acme') }));
    expect(problem).toBe('other.json: slug: "acme" does not match the file name (expected "other")');
  });

  it('rejects the same provider twice under two slugs, and duplicate channels', () => {
    const copy = { ...minimalProvider('acme-copy'), name: 'ACME ' };
    const twice = {
      ...minimalProvider('beta'),
      name: 'Beta',
      channels: [
        { type: 'email', address: 'privacy@beta.example' },
        { type: 'email', address: 'Privacy@beta.example', regions: ['EU'] },
      ],
    };
    const problems = problemsOf(catalogWith({ 'acme.json': minimalProvider('acme'), 'acme-copy.json': copy, 'beta.json': twice }));
    expect(problems).toContain('acme.json: name: "Acme" is already used by acme-copy.json (the same provider twice?)');
    expect(problems.some((p) => p.startsWith('beta.json: channels.1: duplicates channels.0'))).toBe(true);
  });

  it('lists every problem of every file in one error, including bad JSON, region tags and reply patterns', () => {
    const badRegion = { ...minimalProvider('gamma'), name: 'Gamma', channels: [{ type: 'email', address: 'p@gamma.example', regions: ['eu'] }] };
    const badPattern = { ...minimalProvider('delta'), name: 'Delta', replyPatterns: [{ class: 'confirmed', pattern: '(unclosed' }] };
    const path = catalogWith({
      'broken.json': '{ "slug": ',
      'gamma.json': badRegion,
      'delta.json': badPattern,
      'other.json': minimalProvider('acme'),
    });
    let message = '';
    try {
      loadCatalog(path);
    } catch (err) {
      expect(err).toBeInstanceOf(CatalogError);
      message = (err as Error).message;
    }
    expect(message).toContain('4 problem(s)');
    expect(message).toMatch(/broken\.json: not valid JSON/);
    expect(message).toContain('gamma.json: channels.0.regions.0: "eu" is not a region tag');
    expect(message).toMatch(/delta\.json: replyPatterns\.0\.pattern: not a valid regular expression/);
    expect(message).toContain('other.json: slug');
  });

  it('reports an empty or missing folder', () => {
    expect(problemsOf(catalogWith({}))).toEqual(['no provider files (*.json) found']);
    expect(problemsOf(join(tmpdir(), 'no-such-catalog-dir-4711'))[0]).toMatch(/^cannot read the folder/);
  });
});

/** Raw catalog input (before zod defaults), valid as it stands. */
function minimalProvider(slug: string): Record<string, unknown> {
  return {
    slug,
    name: 'Acme',
    legalEntity: { name: 'Acme Ltd', address: '1 Main Street, Dublin 2, Ireland', country: 'IE' },
    languages: ['en'],
    replyDomains: ['acme.example'],
    channels: [{ type: 'email', address: 'privacy@acme.example' }],
    identifierHint: 'email address of the account',
    sources: ['https://acme.example/privacy'],
    checkedAt: '2026-11-01',
    quality: 'unsure',
  };
}

describe('reach: the size of the catalog and providers without an opt-out of their own', () => {
  it('has at least 45 providers', () => {
    expect(getCatalog().size).toBeGreaterThanOrEqual(45);
  });

  it('marks providers with no individual opt-out, each explaining why in notes and keeping a channel for the letter', () => {
    const none = [...getCatalog().values()].filter((p) => p.individualOptOut === false);
    expect(none.map((p) => p.slug)).toEqual(expect.arrayContaining(['stack-overflow', 'zoom', 'deepl']));
    for (const p of none) {
      expect(p.notes, p.slug).toBeTruthy();
      expect(
        p.channels.some((c) => c.type !== 'settings'),
        p.slug,
      ).toBe(true);
    }
    expect(getProvider('mistral').individualOptOut).toBeUndefined();
    expect(ProviderSchema.safeParse({ ...minimalProvider('acme'), individualOptOut: 'no' }).success).toBe(false);
  });

  it('says so in GET /api/providers and in the form, whose option text stays the bare name', () =>
    runWith(
      memoryRuntime({
        env: {
          AWS_REGION: 'eu-central-1',
          TABLE_NAME: 'test-table',
          OPTOUT_FROM_ADDRESS: 'optout@example.org',
          OPTOUT_INBOUND_DOMAIN: 'in.example.org',
          OPTOUT_PUBLIC_URL: 'https://optout.example.org',
        },
      }),
      async () => {
        const list = await handleHttp({ method: 'GET', path: '/api/providers', query: {}, headers: {} });
        const providers = JSON.parse(String(list.body)).providers as { slug: string; individualOptOut: boolean }[];
        expect(providers.find((p) => p.slug === 'stack-overflow')?.individualOptOut).toBe(false);
        expect(providers.find((p) => p.slug === 'mistral')?.individualOptOut).toBe(true);

        const form = async (lang: string) => String((await handleHttp({ method: 'GET', path: '/', query: { lang }, headers: {} })).body);
        const en = await form('en');
        expect(en).toMatch(
          /<option value="stack-overflow" [^>]*label="Stack Overflow: no opt-out of its own; we send the legal letter">Stack Overflow<\/option>/,
        );
        expect(en).toMatch(/<option value="mistral" [^>]*label="Mistral AI">Mistral AI<\/option>/);
        expect(await form('de')).toContain('label="Stack Overflow: kein eigenes Opt-out; wir senden das rechtliche Schreiben"');
      },
    ));
});
