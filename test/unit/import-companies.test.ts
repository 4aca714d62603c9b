// The long-tail importer on a handful of datenanfragen records written here: what it keeps, what it
// leaves out and why, and that the file it writes reads back as the same companies.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CompaniesFileError, CompaniesFileSchema, companiesOf, serializeCompanies } from '../../functions/core/providers/companies-file.ts';
import type { CuratedFacts } from '../../functions/core/providers/curated-wins.ts';
import { CompanyImportError, importCompanies } from '../../cli/import-companies.ts';
import { loadLongTail } from '../../functions/core/providers/long-tail.ts';

const work = mkdtempSync(join(tmpdir(), 'optout-companies-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A datenanfragen checkout holding `records` (slug -> record, or raw text for a broken file). */
function checkout(records: Record<string, object | string>): string {
  const dir = mkdtempSync(join(work, 'checkout-'));
  mkdirSync(join(dir, 'companies'));
  for (const [slug, record] of Object.entries(records)) {
    writeFileSync(join(dir, 'companies', `${slug}.json`), typeof record === 'string' ? record : JSON.stringify({ slug, ...record }));
  }
  return dir;
}

const base = { 'relevant-countries': ['de'], sources: ['https://example.com/privacy'], quality: 'verified' };

const RECORDS = {
  acme: {
    ...base,
    name: 'Acme Versand GmbH',
    runs: ['Acme Shop', 'Acme Versand GmbH'],
    address: 'Hauptstraße 1\n10115 Berlin\nDeutschland',
    phone: '+49 30 123456',
    email: 'datenschutz@acme.example',
    web: 'https://www.acme.example/',
    'custom-access-template': 'acme.txt',
  },
  formonly: {
    ...base,
    name: 'Formonly Ltd',
    address: '1 Dock Road\nDublin 2\nIreland',
    webform: 'https://privacy.formonly.example/request',
    'request-language': 'en',
    quality: 'scraped',
  },
  postal: { ...base, name: 'Nur Post AG', address: 'Postfach 1\n80331 München\nDeutschland' },
  pec: { ...base, name: 'Certa S.r.l.', address: 'Via Roma 1\n00100 Roma\nItalia', email: 'certa@pec.certa.example' },
  hidden: { ...base, name: 'Hidden Hyphen eG', address: 'Weg 2\n20095 Hamburg\nDeutschland', email: 'daten\u00adschutz@hidden.example' },
  nowhere: { ...base, name: 'Atlantis Inc.', address: '1 Sunken Road\nAtlantis', email: 'privacy@atlantis.example' },
  'by-domain': { ...base, name: 'Chirp Europe Ltd', address: '1 Quay\nDublin\nIreland', email: 'privacy@chirp.example' },
  'by-entity': {
    ...base,
    name: 'Chirp, Inc.',
    address: '1 Market St\nSan Francisco, CA 94105\nUnited States of America',
    email: 'legal@chirp-holdings.example',
  },
  broken: '{"slug": "broken",',
  'no-quality': { 'relevant-countries': ['de'], sources: ['https://example.com'], name: 'Unsure GmbH', address: 'X\nDeutschland', email: 'a@unsure.example' },
};

/** A curated provider as the importer sees it: Chirp, with its domain and its US entity. */
const CURATED: CuratedFacts[] = [
  {
    slug: 'chirp',
    legalEntity: { name: 'Chirp Ireland Ltd', country: 'IE' },
    otherEntities: [{ name: 'Chirp, Inc.', country: 'US' }],
    replyDomains: ['chirp.example'],
    origins: ['https://www.chirp.example'],
  },
];

describe('importCompanies', () => {
  const warnings: string[] = [];
  const result = importCompanies(checkout(RECORDS), CURATED, (w) => warnings.push(w));
  const bySlug = new Map(result.companies.map((c) => [c.slug, c]));

  it('keeps only the fields a letter and the search need, the address on one line and its country as a code', () => {
    expect(bySlug.get('acme')).toEqual({
      slug: 'acme',
      name: 'Acme Versand GmbH',
      runs: ['Acme Shop'], // the name itself is not repeated
      address: 'Hauptstraße 1, 10115 Berlin, Deutschland',
      country: 'DE',
      email: 'datenschutz@acme.example',
      webform: '',
      web: 'acme.example',
      language: 'de', // no request-language: Germany's
      quality: 'verified',
    });
  });

  it('keeps a company with only a web form, with its own request language and record quality', () => {
    expect(bySlug.get('formonly')).toMatchObject({
      email: '',
      webform: 'https://privacy.formonly.example/request',
      country: 'IE',
      language: 'en',
      quality: 'scraped',
    });
  });

  it('drops an email it cannot send to (a certified-mail box), and cleans invisible characters out of one', () => {
    expect(bySlug.has('pec')).toBe(false); // PEC was its only channel
    expect(result.skipped.get('pec')).toMatch(/no email address and no web form/);
    expect(warnings.some((w) => /pec: email certa@pec\.certa\.example is a certified-mail \(PEC\) box/.test(w))).toBe(true);
    expect(bySlug.get('hidden')?.email).toBe('datenschutz@hidden.example');
  });

  it('skips, with the reason, records without any channel, with an unknown country, broken ones and ones missing a required field', () => {
    expect(result.skipped.get('postal')).toMatch(/postal letters only/);
    expect(result.skipped.get('nowhere')).toMatch(/"Atlantis" names no country we know/);
    expect(result.skipped.get('broken')).toMatch(/not valid JSON/);
    expect(result.skipped.get('no-quality')).toMatch(/^quality: /);
    for (const slug of ['postal', 'nowhere', 'broken', 'no-quality']) expect(warnings.some((w) => w.startsWith(`${slug}: skipped: `))).toBe(true);
  });

  it('leaves out companies the curated catalog covers, by domain or by legal entity: the curated catalog wins', () => {
    expect(result.covered).toEqual(
      new Map([
        ['by-domain', ['chirp']],
        ['by-entity', ['chirp']],
      ]),
    );
    expect(bySlug.has('by-domain')).toBe(false);
    expect(bySlug.has('by-entity')).toBe(false);
  });

  it('returns the companies sorted by slug', () => {
    expect(result.companies.map((c) => c.slug)).toEqual(['acme', 'formonly', 'hidden']);
  });

  it('writes a file that names its CC0 source and reads back as the same companies', () => {
    const path = join(work, 'companies.json');
    const text = serializeCompanies(result.companies, '2026-12-01');
    writeFileSync(path, text);
    const header = CompaniesFileSchema.parse(JSON.parse(text));
    expect(header.about).toMatch(/datenanfragen\.de company database.*CC0 1\.0/);
    expect(header).toMatchObject({ source: 'https://github.com/datenanfragen/data', license: 'CC0-1.0', importedAt: '2026-12-01' });
    // One company per line, so a re-import shows as a readable diff.
    expect(text.split('\n').filter((line) => line.startsWith('    ["')).length).toBe(3);
    const tail = loadLongTail(path);
    expect([...tail.companies.values()]).toEqual(result.companies);
  });

  it('refuses a folder that is not a datenanfragen checkout, and a file with other columns', () => {
    expect(() => importCompanies(work, CURATED)).toThrow(CompanyImportError);
    expect(() => importCompanies(work, CURATED)).toThrow(/companies does not exist: is .* a datenanfragen data checkout/);
    const file = CompaniesFileSchema.parse(JSON.parse(serializeCompanies(result.companies, '2026-12-01')));
    expect(() => companiesOf({ ...file, fields: ['slug', 'name'] })).toThrow(/re-run optout import-companies/);
    expect(() => companiesOf({ ...file, companies: [['acme', 'Acme', [], 'x', 'Germany', '', '', '', '', 'verified']] })).toThrow(CompaniesFileError);
    expect(() => companiesOf({ ...file, companies: [['acme', 'Acme', [], 'x', 'Germany', '', '', '', '', 'verified']] })).toThrow(
      /companies\.0 \(acme\): country/,
    );
  });
});

const BIN = fileURLToPath(new URL('../../bin/optout.js', import.meta.url));

function optout(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('npx optout import-companies', () => {
  it('writes the file where --out says, reports what it kept and left out, and warns per skipped record', async () => {
    const out = join(work, 'cli-companies.json');
    const run = await optout('import-companies', checkout(RECORDS), '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Wrote 5 companies to .*cli-companies\.json \(\d+ KB\)\.\nLeft out 0 the curated catalog covers\.\nSkipped 5 records/);
    expect(run.stderr).toContain('warning: postal: skipped: no email address and no web form');
    const file = JSON.parse(readFileSync(out, 'utf8')) as { importedAt: string; companies: unknown[][] };
    expect(file.importedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The real catalog knows no Chirp, so both Chirp records stay in.
    expect(file.companies.map((row) => row[0])).toEqual(['acme', 'by-domain', 'by-entity', 'formonly', 'hidden']);
  });

  it('names what is missing', async () => {
    const run = await optout('import-companies');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('import-companies needs the path of a datenanfragen checkout');
  });

  it('prints a letter to a long-tail company like to any provider', async () => {
    const run = await optout(
      'letter',
      '--provider',
      'dn:23andme',
      '--basis',
      'gdpr-objection',
      '--lang',
      'en',
      '--name',
      'Erika Mustermann',
      '--identifier',
      'erika@example.org',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('23andMe, Inc.');
    expect(run.stdout).toContain('Mountain View, CA 94041');
  });
});
