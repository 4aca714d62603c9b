// The shipped long tail (functions/core/providers/companies.json) as providers and as a search: small,
// attributed, loaded once, every company a letter-only provider, and the curated catalog winning.
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { channelsFor, findProvider, getCatalog, getProvider, letterAddressee, UnknownProviderError } from '../../functions/core/providers/catalog.ts';
import { COMPANIES_FILE, type Company } from '../../functions/core/providers/companies-file.ts';
import { companyProvider, isLongTailSlug, type LongTail, longTail, longTailProvider } from '../../functions/core/providers/long-tail.ts';
import { SEARCH_LIMIT, searchProviders } from '../../functions/core/providers/search.ts';
import { renderLetter } from '../../functions/core/letters.ts';

describe('the shipped long-tail file', () => {
  it('holds thousands of companies in under 700 KB, read once and in well under a second', () => {
    const tail = longTail();
    expect(tail.companies.size).toBeGreaterThan(2500);
    expect(statSync(COMPANIES_FILE).size).toBeLessThan(700 * 1024);
    expect(tail.loadMs).toBeLessThan(1000);
    expect(longTail()).toBe(tail);
  });

  it('says where its facts come from: the datenanfragen database, under CC0', async () => {
    const { readFileSync } = await import('node:fs');
    const header = JSON.parse(readFileSync(COMPANIES_FILE, 'utf8')) as { about: string; source: string; license: string };
    expect(header.source).toBe('https://github.com/datenanfragen/data');
    expect(header.license).toBe('CC0-1.0');
    expect(header.about).toMatch(/datenanfragen\.de company database.*CC0/);
  });

  it('gives every company a letter channel or a web form, an addressee with a country, and a source record', () => {
    for (const company of longTail().companies.values()) {
      const provider = companyProvider(company, longTail().importedAt);
      expect(provider.channels.length, company.slug).toBeGreaterThan(0);
      expect(
        provider.channels.every((c) => c.type === 'email' || (c.type === 'webform' && !c.playbook)),
        company.slug,
      ).toBe(true);
      expect(provider.legalEntity.country, company.slug).toMatch(/^[A-Z]{2}$/);
      expect(provider.replyDomains.length, company.slug).toBeGreaterThan(0);
      expect(provider.sources[0]).toBe(`https://github.com/datenanfragen/data/blob/master/companies/${company.slug}.json`);
    }
  });
});

describe('a long-tail company as a provider', () => {
  it('is found as dn:<record slug>, addressed to the legal entity at its address, with its privacy address as the channel', () => {
    const provider = getProvider('dn:23andme');
    expect(provider).toMatchObject({ slug: 'dn:23andme', name: '23andMe, Inc.', quality: 'verified', playbooks: {}, origins: [] });
    expect(letterAddressee(provider, 'gdpr')).toEqual({
      name: '23andMe, Inc.',
      address: '899 West Evelyn Avenue, Mountain View, CA 94041, United States of America',
      country: 'US',
    });
    expect(channelsFor(provider, 'DE-BE')).toEqual([{ type: 'email', address: 'privacy@23andme.com', regions: ['global'], audience: 'person' }]);
    expect(channelsFor(provider, 'US-CA')).toHaveLength(1);
  });

  it('renders a letter to that entity', () => {
    const provider = getProvider('dn:23andme');
    const letter = renderLetter({
      kind: 'gdpr-objection',
      lang: 'en',
      law: 'gdpr',
      provider: { name: provider.name, legalEntity: letterAddressee(provider, 'gdpr') },
      person: { name: 'Erika Mustermann', email: 'erika@example.org' },
      account: { identifier: 'erika@example.org' },
      agent: null,
      reference: 'OA-TEST-0001',
      grounds: null,
      date: '2026-12-01',
      dueDate: '2027-01-04',
    });
    expect(letter.text).toContain('23andMe, Inc.');
    expect(letter.text).toContain('899 West Evelyn Avenue');
  });

  it('writes to a German company in German first, to a person of another language in English', () => {
    const company = [...longTail().companies.values()].find((c) => c.country === 'DE' && c.language === 'de' && c.email)!;
    expect(getProvider(`dn:${company.slug}`).languages).toEqual(['de', 'en']);
  });

  it('is unknown outside its namespace, and an unknown one is refused like any unknown provider', () => {
    expect(isLongTailSlug('dn:23andme')).toBe(true);
    expect(findProvider('23andme')).toBeUndefined(); // curated namespace: no such provider
    expect(findProvider('dn:no-such-company')).toBeUndefined();
    expect(findProvider('dn:../../etc/passwd')).toBeUndefined();
    expect(() => getProvider('dn:no-such-company')).toThrow(UnknownProviderError);
    expect(findProvider('reddit')?.slug).toBe('reddit');
  });

  it('gives way to a curated provider that covers the same company, also one added after the import', () => {
    const reddit = getCatalog().get('reddit')!;
    const company: Company = {
      slug: 'reddit-old',
      name: 'Reddit Netherlands B.V.',
      runs: [],
      address: 'Keizersgracht 1, Amsterdam, The Netherlands',
      country: 'NL',
      email: 'privacy@reddit.com',
      webform: '',
      web: 'reddit.com',
      language: 'nl',
      quality: 'verified',
    };
    const tail: LongTail = { companies: new Map([[company.slug, company]]), importedAt: '2026-12-01', loadMs: 0 };
    expect(longTailProvider('dn:reddit-old', getCatalog(), tail)).toBe(reddit);
    const hits = searchProviders('reddit', getCatalog(), SEARCH_LIMIT, tail);
    expect(hits.map((h) => h.slug)).toEqual(['reddit']);
  });
});

describe('searchProviders on the shipped file', () => {
  const slugs = (q: string) => searchProviders(q, getCatalog()).map((h) => h.slug);

  it('finds a company by its name, a part of it, or a brand it runs', () => {
    expect(slugs('23andMe')[0]).toBe('dn:23andme');
    expect(slugs('zalando')).toContain('dn:zalando');
    const hit = searchProviders('23andme', getCatalog())[0]!;
    expect(hit).toEqual({
      slug: 'dn:23andme',
      name: '23andMe, Inc.',
      kind: 'long-tail',
      legalEntity: '23andMe, Inc.',
      country: 'US',
      domain: '23andme.com',
      channels: ['email'],
      quality: 'verified',
      identifierHint: 'the email address or customer number you use with them',
      source: 'https://github.com/datenanfragen/data/blob/master/companies/23andme.json',
    });
  });

  it('finds a company by domain, web address or email address', () => {
    expect(slugs('23andme.com')[0]).toBe('dn:23andme');
    expect(slugs('https://www.zalando.de/damen/')[0]).toBe('dn:zalando');
    expect(slugs('privacy@spotify.com')[0]).toBe('dn:spotify');
  });

  it('answers with the curated provider where it knows the company, never with a long-tail copy of it', () => {
    expect(slugs('facebook')[0]).toBe('facebook');
    expect(slugs('reddit')[0]).toBe('reddit');
    expect(slugs('amazon.de')).toEqual(['amazon']);
    for (const q of ['reddit', 'pinterest', 'linkedin', 'google']) {
      expect(slugs(q).filter((s) => isLongTailSlug(s) && findProvider(s)?.slug !== s)).toEqual([]);
    }
  });

  it('returns at most the limit, nothing for a word no company has, and nothing for an empty query', () => {
    expect(searchProviders('gmbh', getCatalog())).toHaveLength(SEARCH_LIMIT);
    expect(searchProviders('qxzvw', getCatalog())).toEqual([]);
    expect(searchProviders('  ', getCatalog())).toEqual([]);
  });

  it('takes well under 5 ms a search once prepared', () => {
    const catalog = getCatalog();
    searchProviders('warm up', catalog);
    const queries = ['bank', 'versicherung', 'telekom', 'shop.example.com', 'stadtwerke', 'verlag', 'privacy@web.de', 'air'];
    const started = performance.now();
    for (let i = 0; i < 25; i++) for (const q of queries) searchProviders(q, catalog);
    expect((performance.now() - started) / (25 * queries.length)).toBeLessThan(5);
  });
});
