// `optout import-companies <datenanfragen checkout> [--out file]`: converts a datenanfragen checkout's
// companies/*.json (CC0) into the compact long-tail catalog functions/core/providers/companies.json
// (its format: companies-file.ts), leaving out the companies the curated catalog covers, and says what
// it did. A community database of 3,000 records has some we cannot use; each is skipped with one line
// saying why (a bad field, no email and no web form, an unknown country), never stopping the import.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { COMPANIES_FILE, type Company, CompanySchema, RECORD_QUALITIES, serializeCompanies } from '../functions/core/providers/companies-file.ts';
import { type CuratedFacts, CuratedIndex, hostOf } from '../functions/core/providers/curated-wins.ts';
import type { Provider } from '../functions/core/providers/schema.ts';

export class CompanyImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompanyImportError';
  }
}

// Only the fields we read; the records carry more (phone, fax, custom templates...), which we leave out.
const RecordSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().trim().min(1),
  runs: z.array(z.string()).optional(),
  address: z.string().trim().min(1),
  email: z.string().trim().optional(),
  webform: z.string().trim().optional(),
  web: z.string().trim().optional(),
  'request-language': z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional(),
  quality: z.enum(RECORD_QUALITIES),
});

/**
 * The last line of a record's address names the country "in the country's native language or in
 * English" (the datenanfragen schema); these are the names the records use.
 */
const COUNTRY_BY_NAME: Record<string, string> = {
  australia: 'AU',
  austria: 'AT',
  österreich: 'AT',
  belgium: 'BE',
  belgië: 'BE',
  belgique: 'BE',
  bulgaria: 'BG',
  canada: 'CA',
  china: 'CN',
  croatia: 'HR',
  hrvatska: 'HR',
  cyprus: 'CY',
  'czech republic': 'CZ',
  czechia: 'CZ',
  denmark: 'DK',
  danmark: 'DK',
  estonia: 'EE',
  finland: 'FI',
  suomi: 'FI',
  france: 'FR',
  germany: 'DE',
  deutschland: 'DE',
  gibraltar: 'GI',
  greece: 'GR',
  'hong kong': 'HK',
  hungary: 'HU',
  iceland: 'IS',
  india: 'IN',
  ireland: 'IE',
  'isle of man': 'IM',
  israel: 'IL',
  italy: 'IT',
  italia: 'IT',
  japan: 'JP',
  latvia: 'LV',
  liechtenstein: 'LI',
  lithuania: 'LT',
  luxembourg: 'LU',
  malaysia: 'MY',
  malta: 'MT',
  'marshall islands': 'MH',
  morocco: 'MA',
  netherlands: 'NL',
  'the netherlands': 'NL',
  nederland: 'NL',
  'new zealand': 'NZ',
  norway: 'NO',
  norge: 'NO',
  pakistan: 'PK',
  panama: 'PA',
  poland: 'PL',
  polska: 'PL',
  portugal: 'PT',
  qatar: 'QA',
  romania: 'RO',
  russia: 'RU',
  seychelles: 'SC',
  singapore: 'SG',
  'republic of singapore': 'SG',
  slovakia: 'SK',
  slovenia: 'SI',
  spain: 'ES',
  españa: 'ES',
  sweden: 'SE',
  sverige: 'SE',
  switzerland: 'CH',
  schweiz: 'CH',
  suisse: 'CH',
  taiwan: 'TW',
  'united arab emirates': 'AE',
  'united kingdom': 'GB',
  uk: 'GB',
  'united states of america': 'US',
  'united states': 'US',
  usa: 'US',
};

/** The language letters to a company in the country go in when its record names none. */
const COUNTRY_LANGUAGE: Record<string, string> = {
  AT: 'de',
  CH: 'de',
  DE: 'de',
  LI: 'de',
  ES: 'es',
  FR: 'fr',
  LU: 'fr',
  MC: 'fr',
  IT: 'it',
  SM: 'it',
  NL: 'nl',
  PL: 'pl',
};

/** A certified-mail (PEC) box: "x@pec.example.it". Ordinary email to it is refused. */
const CERTIFIED_MAIL = /@(pec|legalmail|postacert)\./i;

export interface CompanyImport {
  companies: Company[];
  /** Records left out because a curated provider covers them: record slug -> curated slugs. */
  covered: Map<string, string[]>;
  /** Records left out because they cannot be used: record slug -> why. */
  skipped: Map<string, string>;
}

/**
 * Reads `<checkoutDir>/companies/*.json` and returns the companies sorted by slug. `curated` is the
 * curated catalog, whose companies win; `warn` gets one line per record left out or changed.
 */
export function importCompanies(checkoutDir: string, curated: Iterable<CuratedFacts>, warn: (message: string) => void = () => {}): CompanyImport {
  const dir = join(checkoutDir, 'companies');
  if (!existsSync(dir)) throw new CompanyImportError(`${dir} does not exist: is ${checkoutDir} a datenanfragen data checkout?`);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new CompanyImportError(`${dir} holds no company records (*.json)`);

  const index = new CuratedIndex(curated);
  const result: CompanyImport = { companies: [], covered: new Map(), skipped: new Map() };
  const skip = (slug: string, why: string) => {
    result.skipped.set(slug, why);
    warn(`${slug}: skipped: ${why}`);
  };
  for (const file of files) {
    const slug = file.slice(0, -'.json'.length);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (err) {
      skip(slug, `not valid JSON: ${(err as Error).message}`);
      continue;
    }
    const parsed = RecordSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      skip(slug, `${issue.path.join('.') || '(record)'}: ${issue.message}`);
      continue;
    }
    const company = toCompany(parsed.data, (why) => warn(`${slug}: ${why}`));
    if (typeof company === 'string') {
      skip(slug, company);
      continue;
    }
    const covering = index.coveredBy(company);
    if (covering.length > 0) {
      result.covered.set(company.slug, covering);
      continue;
    }
    result.companies.push(company);
  }
  result.companies.sort((a, b) => a.slug.localeCompare(b.slug));
  return result;
}

/** One record as a company, or why it cannot be one. `note` hears about a field left out. */
function toCompany(record: z.infer<typeof RecordSchema>, note: (why: string) => void): Company | string {
  const lines = record.address
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const countryName = (lines.at(-1) ?? '').toLowerCase();
  const country = COUNTRY_BY_NAME[countryName];
  if (!country) return `the address's last line "${lines.at(-1)}" names no country we know (add it to COUNTRY_BY_NAME)`;

  // Soft hyphens and zero-width spaces pasted from web pages are invisible in the record but break the address.
  let email = (record.email ?? '').replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '');
  if (email && !z.email().safeParse(email).success) {
    note(`email "${email}" is not a valid address; left out`);
    email = '';
  }
  if (email && CERTIFIED_MAIL.test(email)) {
    note(`email ${email} is a certified-mail (PEC) box that takes no ordinary email; left out`);
    email = '';
  }
  let webform = record.webform ?? '';
  if (webform && !CompanySchema.shape.webform.safeParse(webform).success) {
    note(`webform "${webform}" is not a web address; left out`);
    webform = '';
  }
  let web = record.web ? hostOf(record.web) : '';
  if (web && !CompanySchema.shape.web.safeParse(web).success) {
    note(`web "${record.web}" has no host name we can read; left out`);
    web = '';
  }
  if (!email && !webform) return 'no email address and no web form (postal letters only, which we do not send)';

  const company: Company = {
    slug: record.slug,
    name: record.name,
    runs: [...new Set((record.runs ?? []).map((r) => r.trim()).filter((r) => r && r !== record.name))],
    address: lines.join(', '),
    country,
    email,
    webform,
    web,
    language: record['request-language'] ?? COUNTRY_LANGUAGE[country] ?? '',
    quality: record.quality,
  };
  const checked = CompanySchema.safeParse(company);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    return `${issue.path.join('.')}: ${issue.message}`;
  }
  return checked.data;
}

export interface ImportCompaniesOptions {
  checkout: string;
  out?: string;
  curated: Iterable<Provider>;
  /** The day written into the file; today by default. */
  importedAt?: string;
  /** Lines about records left out or changed. */
  warn: (line: string) => void;
}

/** Imports, writes the file and returns the summary line. */
export function importCompaniesCommand(options: ImportCompaniesOptions): string {
  const result = importCompanies(options.checkout, options.curated, options.warn);
  const out = options.out ?? COMPANIES_FILE;
  const importedAt = options.importedAt ?? new Date().toISOString().slice(0, 10);
  const text = serializeCompanies(result.companies, importedAt);
  writeFileSync(out, text);
  const covered = [...result.covered].map(([slug, by]) => `${slug} (${by.join(', ')})`).join(', ');
  return [
    `Wrote ${result.companies.length} companies to ${out} (${Math.round(Buffer.byteLength(text) / 1024)} KB).`,
    `Left out ${result.covered.size} the curated catalog covers${covered ? `: ${covered}` : ''}.`,
    `Skipped ${result.skipped.size} records we cannot use (see the warnings).`,
  ].join('\n');
}
