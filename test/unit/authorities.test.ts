import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthorityFileSchema } from '../../functions/core/authorities/authority.ts';
import {
  AUTHORITIES_FILE,
  allAuthorities,
  authorityForPerson,
  complaintAuthority,
  leadAuthorityFor,
  NoAuthorityError,
} from '../../functions/core/authorities/index.ts';
import { AuthorityImportError, importAuthorities, serializeAuthorities } from '../../cli/import-authorities.ts';
import { GERMAN_LAENDER } from '../../functions/core/countries.ts';
import { GDPR_COUNTRIES } from '../../functions/core/jurisdiction.ts';
import { getCatalog, getProvider } from '../../functions/core/providers/catalog.ts';

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

  it('gives the national authority for NL and LU', () => {
    expect(leadAuthorityFor('NL').name).toContain('Autoriteit Persoonsgegevens');
    expect(leadAuthorityFor('lu').name).toContain('Commission nationale pour la protection des données');
  });

  it("gives a German controller its Land's authority, never the federal BfDI (which supervises federal bodies, telecoms and post)", () => {
    expect(leadAuthorityFor({ country: 'DE', land: 'DE-NW' }).id).toBe('denrwldi');
    expect(leadAuthorityFor('DE-BE').id).toBe('deberlbdi');
    expect(leadAuthorityFor({ country: 'DE', land: 'DE-BY' }).id).toBe('debaylda'); // companies: BayLDA, not BayLfD
    for (const land of GERMAN_LAENDER.keys()) expect(leadAuthorityFor(land).id, land).not.toBe('debfdi');
  });

  it('names no lead for a German controller whose Land is unknown, rather than a wrong one', () => {
    expect(() => leadAuthorityFor('DE')).toThrow(NoAuthorityError);
    expect(() => leadAuthorityFor({ country: 'DE' })).toThrow(/Land is not known/);
  });

  it('has a lead authority for every catalog provider whose controller is in the EU/EEA, a German one in its Land', () => {
    for (const p of getCatalog().values()) {
      if ((GDPR_COUNTRIES as readonly string[]).includes(p.legalEntity.country)) {
        const lead = leadAuthorityFor(p.legalEntity);
        expect(lead.country, p.slug).toBe(p.legalEntity.country);
        if (p.legalEntity.country === 'DE') expect(lead.region, p.slug).toBe(p.legalEntity.land);
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

describe('complaintAuthority: whom the complaint goes to', () => {
  const pinterest = getProvider('pinterest'); // EU controller in Ireland
  const reddit = getProvider('reddit'); // EU controller in the Netherlands
  const irish = { legalEntity: { country: 'IE' } };
  const german = { legalEntity: { country: 'DE' } };
  const american = { legalEntity: { country: 'US' } };

  it('EU resident: their own authority, in its language where letters exist, naming the lead authority of the controller', () => {
    const fr = complaintAuthority('FR', pinterest);
    expect(fr.law).toBe('gdpr');
    expect(fr.complaintTo).toMatchObject({ id: 'frcnil', web: 'https://www.cnil.fr/fr/plaintes', language: 'fr' });
    expect(fr.lead).toMatchObject({ id: 'iedpc', name: 'Irish Data Protection Commission', email: 'info@dataprotection.ie', language: 'en' });
    expect(fr.remedy).toBe('GDPR Art. 78(2)');
    expect(complaintAuthority('AT', irish).complaintTo).toMatchObject({ id: 'atdsb', language: 'de' });
    expect(complaintAuthority('FR', reddit).lead?.id).toBe('nlap');
  });

  it("names a German controller's Land authority as lead: DeepL SE (Cologne) -> LDI NRW, SoundCloud (Berlin) -> Berlin", () => {
    // Before: the federal BfDI, which does not supervise platforms.
    expect(complaintAuthority('FR', getProvider('deepl'))).toMatchObject({ complaintTo: { id: 'frcnil' }, lead: { id: 'denrwldi' } });
    expect(complaintAuthority('AT', getProvider('soundcloud'))).toMatchObject({ complaintTo: { id: 'atdsb' }, lead: { id: 'deberlbdi' } });
    // A person in another Land complains to their own, which forwards to the controller's Land (§ 19(2) BDSG).
    expect(complaintAuthority('DE-HH', getProvider('deepl'))).toMatchObject({ complaintTo: { id: 'dehmbbfdi' }, lead: { id: 'denrwldi' } });
    // A person in the controller's own Land: their authority is the controller's, so no other lead.
    expect(complaintAuthority('DE-NW', getProvider('deepl'))).toMatchObject({ complaintTo: { id: 'denrwldi' }, lead: null });
    // A German controller without a Land (a long-tail company): no lead named rather than the BfDI.
    expect(complaintAuthority('FR', { legalEntity: { country: 'DE' } })).toMatchObject({ complaintTo: { id: 'frcnil' }, lead: null });
  });

  it("EU resident in the controller's own country, or against a controller outside the EU: no other lead authority", () => {
    expect(complaintAuthority('IE', pinterest)).toMatchObject({ complaintTo: { id: 'iedpc' }, lead: null });
    expect(complaintAuthority('NL', reddit)).toMatchObject({ complaintTo: { id: 'nlap' }, lead: null });
    expect(complaintAuthority('DE-HH', german)).toMatchObject({ complaintTo: { id: 'dehmbbfdi' }, lead: null });
    expect(complaintAuthority('FR', american)).toMatchObject({ complaintTo: { id: 'frcnil' }, lead: null });
  });

  it('UK resident: the ICO, always, with DPA 2018 s. 166 as the remedy and no EU lead authority', () => {
    for (const code of ['GB', 'uk']) {
      const route = complaintAuthority(code, pinterest);
      expect(route).toMatchObject({ law: 'uk-gdpr', complaintTo: { id: 'gbico', language: 'en' }, lead: null, remedy: 'DPA 2018 s. 166' });
      expect(JSON.stringify(route)).not.toMatch(/Data Protection Commission|dataprotection\.ie/);
    }
  });

  it('German resident: the authority for companies of their Land, in German, for every Land; Bavaria the BayLDA, not the BayLfD', () => {
    const ids = new Set<string>();
    for (const land of GERMAN_LAENDER.keys()) {
      const route = complaintAuthority(land, pinterest);
      const own = allAuthorities().find((a) => a.id === route.complaintTo?.id);
      expect(own, land).toMatchObject({ scope: 'state', region: land, country: 'DE' });
      expect(route.complaintTo?.language, land).toBe('de');
      expect(route.lead?.id, land).toBe('iedpc');
      ids.add(own!.id);
    }
    expect(ids.size).toBe(16);
    const berlin = complaintAuthority('DE-BE', pinterest).complaintTo;
    expect(berlin).toEqual({
      id: 'deberlbdi',
      name: 'Berliner Beauftragte für Datenschutz und Informationsfreiheit',
      email: 'mailbox@datenschutz-berlin.de',
      web: 'https://kontakt.datenschutz-berlin.de/',
      address: 'Alt-Moabit 59-61, 10555 Berlin, Deutschland',
      country: 'DE',
      language: 'de',
    });
    expect(complaintAuthority('DE-BY', pinterest).complaintTo).toMatchObject({ id: 'debaylda', name: expect.stringContaining('BayLDA') });
    expect(complaintAuthority('de-by', pinterest).complaintTo?.id).not.toBe('debayldb');
  });

  it('Italy: the Garante by ordinary email, never its certified-mail (PEC) address', () => {
    const it = complaintAuthority('IT', pinterest).complaintTo;
    expect(it).toMatchObject({ id: 'itgpdp', email: 'protocollo@gpdp.it', language: 'it' });
    expect(JSON.stringify(it)).not.toContain('pec.gpdp.it');
    // No authority anywhere is written to at a PEC address.
    for (const a of allAuthorities()) expect(a.email ?? '', a.id).not.toMatch(/@pec\./i);
  });

  it('California: the CPPA; Utah: the Division of Consumer Protection; other states with an act: their attorney general by name', () => {
    expect(complaintAuthority('US-CA', pinterest)).toMatchObject({
      law: 'ccpa',
      complaintTo: { id: 'uscppa', name: expect.stringContaining('California Privacy Protection Agency') },
      lead: null,
    });
    expect(complaintAuthority('US-UT', pinterest)).toMatchObject({
      law: 'us-state',
      complaintTo: { id: 'usutdcp', name: 'Utah Division of Consumer Protection', web: 'https://db.dcp.utah.gov/complaints.html', language: 'en' },
      lead: null,
      remedy: null,
    });
    expect(complaintAuthority('US-CO', pinterest)).toEqual({
      law: 'us-state',
      complaintTo: { name: 'Colorado Attorney General', language: 'en' },
      lead: null,
      remedy: null,
    });
  });

  it('no privacy law of ours: a national authority where we know one, otherwise no addressee', () => {
    expect(complaintAuthority('US-NY', pinterest)).toEqual({ law: 'none', complaintTo: null, lead: null, remedy: null });
    expect(complaintAuthority('JP', pinterest).complaintTo).toBeNull();
    expect(complaintAuthority('CH', pinterest)).toMatchObject({ law: 'none', complaintTo: { country: 'CH' }, lead: null });
  });
});

describe('the committed authority data', () => {
  it('has one national authority per EU/EEA country plus GB and CH, and 16 German Land authorities', () => {
    const all = allAuthorities();
    for (const country of [...GDPR_COUNTRIES, 'GB', 'CH']) {
      expect(
        all.filter((a) => a.scope === 'national' && a.country === country),
        country,
      ).toHaveLength(1);
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

  it('leaves out a certified-mail (PEC) address with a warning, and corrects the Garante to its ordinary address', () => {
    const warnings: string[] = [];
    const list = importAuthorities(
      checkout({
        'itgpdp.json': record('itgpdp', 'it', { email: 'protocollo@pec.gpdp.it' }),
        'xxpec.json': record('xxpec', 'pt', { email: 'geral@pec.example.pt' }),
      }),
      (m) => warnings.push(m),
    );
    expect(list.find((a) => a.id === 'itgpdp')).toMatchObject({ email: 'protocollo@gpdp.it', note: expect.stringContaining('PEC') });
    expect(list.find((a) => a.id === 'xxpec')?.email).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/^xxpec\.json: email geral@pec\.example\.pt is a certified-mail \(PEC\) address/)]);
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
