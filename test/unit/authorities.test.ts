import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthorityFileSchema } from '../../functions/core/authorities/authority.ts';
import { AUTHORITIES_FILE } from '../../functions/core/authorities/import.ts';
import {
  AuthorityImportError,
  allAuthorities,
  authorityForPerson,
  importAuthorities,
  leadAuthorityFor,
  NoAuthorityError,
  serializeAuthorities,
} from '../../functions/core/authorities/index.ts';
import { GDPR_COUNTRIES } from '../../functions/core/jurisdiction.ts';
import { getCatalog } from '../../functions/core/providers/catalog.ts';

// shared/ sits beside the repository (on a developer's machine and in CI).
const DATENANFRAGEN = fileURLToPath(new URL('../../../shared/datasets/datenanfragen', import.meta.url));

describe('leadAuthorityFor', () => {
  it('gives the Irish DPC for a controller in Ireland', () => {
    const dpc = leadAuthorityFor('IE');
    expect(dpc.name).toBe('Irish Data Protection Commission');
    expect(dpc.email).toBe('info@dataprotection.ie');
    expect(dpc.language).toBe('en');
    expect(dpc.address).toContain('Dublin 2');
  });

  it('gives the national authority for NL, LU and DE', () => {
    expect(leadAuthorityFor('NL').name).toContain('Autoriteit Persoonsgegevens');
    expect(leadAuthorityFor('lu').name).toContain('Commission nationale pour la protection des données');
    expect(leadAuthorityFor('DE').id).toBe('debfdi');
  });

  it('has a lead authority for every catalog provider whose controller is in the EU/EEA', () => {
    for (const p of getCatalog().values()) {
      if ((GDPR_COUNTRIES as readonly string[]).includes(p.legalEntity.country)) {
        expect(leadAuthorityFor(p.legalEntity.country).country, p.slug).toBe(p.legalEntity.country);
      }
    }
  });

  it('throws a NoAuthorityError naming the country for a controller outside Europe', () => {
    expect(() => leadAuthorityFor('US')).toThrow(NoAuthorityError);
    expect(() => leadAuthorityFor('US')).toThrow(/"US"/);
  });
});

describe('authorityForPerson', () => {
  it('gives the national authority for DE, FR and GB (also written UK)', () => {
    expect(authorityForPerson('DE')?.id).toBe('debfdi');
    const cnil = authorityForPerson('FR');
    expect(cnil?.name).toContain('CNIL');
    expect(cnil?.webform).toBe('https://www.cnil.fr/fr/plaintes');
    expect(authorityForPerson('GB')?.name).toBe('The Information Commissioner’s Office');
    expect(authorityForPerson('uk')?.id).toBe('gbico');
  });

  it('gives the Land authority for companies for a German state code', () => {
    expect(authorityForPerson('DE-BY')?.id).toBe('debaylda');
    expect(authorityForPerson('DE-BE')?.email).toBe('mailbox@datenschutz-berlin.de');
    // A subdivision we do not map falls back to the national authority.
    expect(authorityForPerson('FR-IDF')?.id).toBe('frcnil');
  });

  it('gives the California Privacy Protection Agency for US-CA', () => {
    const cppa = authorityForPerson('US-CA');
    expect(cppa?.name).toContain('California Privacy Protection Agency');
    expect(cppa?.webform).toBe('https://cppa.ca.gov/webapplications/complaint');
    expect(cppa?.address).toContain('Sacramento, CA 95834');
  });

  it('returns undefined where no authority is known', () => {
    expect(authorityForPerson('US-NY')).toBeUndefined();
    expect(authorityForPerson('US')).toBeUndefined();
    expect(authorityForPerson('JP')).toBeUndefined();
  });
});

describe('the committed authority data', () => {
  it('has one national authority per EU/EEA country plus GB and CH, and 16 German Land authorities', () => {
    const all = allAuthorities();
    for (const country of [...GDPR_COUNTRIES, 'GB', 'CH']) {
      expect(all.filter((a) => a.scope === 'national' && a.country === country), country).toHaveLength(1);
    }
    const lands = all.filter((a) => a.scope === 'state' && a.country === 'DE').map((a) => a.region);
    expect(new Set(lands).size).toBe(16);
    // Church and broadcaster authorities are never picked by country.
    expect(all.find((a) => a.id === 'dekathdsz')?.scope).toBe('sector');
  });

  it('is what the importer produces from the datenanfragen checkout', () => {
    const committed = readFileSync(AUTHORITIES_FILE, 'utf8');
    if (existsSync(DATENANFRAGEN)) {
      // The checkout is there: the committed file must be exactly the importer's output.
      expect(serializeAuthorities(importAuthorities(DATENANFRAGEN))).toBe(committed);
    } else {
      // No checkout on this machine: the committed file must still parse and be in canonical form.
      const parsed = AuthorityFileSchema.parse(JSON.parse(committed));
      expect(parsed.authorities.length).toBeGreaterThanOrEqual(50);
      expect(serializeAuthorities(parsed.authorities)).toBe(committed);
    }
  });
});

describe('importAuthorities', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function checkout(records: Record<string, unknown>): string {
    dir = mkdtempSync(join(tmpdir(), 'da-'));
    mkdirSync(join(dir, 'supervisory-authorities'));
    for (const [file, record] of Object.entries(records)) {
      writeFileSync(join(dir, 'supervisory-authorities', file), JSON.stringify(record));
    }
    return dir;
  }

  const record = (slug: string, country: string, extra: Record<string, unknown> = {}) => ({
    slug,
    'relevant-countries': [country],
    name: `Authority ${slug}`,
    address: 'Street 1\n1000 Town\nCountry',
    sources: ['https://example.org'],
    'complaint-language': 'en',
    ...extra,
  });

  it('converts records into our format: joined address, upper-case country, Land mapping, unknown sector bodies warned', () => {
    const warnings: string[] = [];
    const list = importAuthorities(
      checkout({
        'xxone.json': record('xxone', 'ie', { email: 'a@x.example', phone: '+353 1 234 567' }),
        'debaylda.json': record('debaylda', 'de'),
        'dezzz.json': record('dezzz', 'de'),
        'multi.json': record('multi', 'all'),
      }),
      (m) => warnings.push(m),
    );
    expect(list.map((a) => a.id)).toEqual(['debaylda', 'dezzz', 'xxone']);
    expect(list[2]).toEqual({
      id: 'xxone',
      name: 'Authority xxone',
      country: 'IE',
      scope: 'national',
      address: 'Street 1, 1000 Town, Country',
      email: 'a@x.example',
      language: 'en',
      source: 'xxone',
    });
    expect(list[0]).toMatchObject({ region: 'DE-BY', scope: 'state' });
    expect(list[1]?.scope).toBe('sector');
    expect(warnings).toHaveLength(2);
    expect(warnings.join('\n')).toMatch(/multi\.json: skipped/);
    expect(warnings.join('\n')).toMatch(/dezzz: German authority not in the Land mapping/);
  });

  it('names the file and field of a bad record', () => {
    const path = checkout({ 'bad.json': record('bad', 'fr', { email: 'not-an-email' }) });
    expect(() => importAuthorities(path)).toThrow(AuthorityImportError);
    expect(() => importAuthorities(path)).toThrow(/bad\.json: email: /);
  });

  it('refuses two national authorities for one country, and a folder that is not a checkout', () => {
    const path = checkout({ 'aa.json': record('aa', 'fr'), 'bb.json': record('bb', 'fr') });
    expect(() => importAuthorities(path)).toThrow(/two national authorities for FR \(aa and bb\)/);
    expect(() => importAuthorities(join(tmpdir(), 'no-such-checkout-4711'))).toThrow(/supervisory-authorities does not exist/);
  });
});
