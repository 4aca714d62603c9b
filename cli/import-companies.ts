// `optout import-companies <datenanfragen checkout> [--out file]`: rebuilds the long-tail catalog
// (functions/core/providers/companies.json) from the CC0 company records, leaving out the companies
// the curated catalog covers, and says what it did.
import { writeFileSync } from 'node:fs';
import { COMPANIES_FILE, serializeCompanies } from '../functions/core/providers/companies-file.ts';
import { importCompanies } from '../functions/core/providers/import-companies.ts';
import type { Provider } from '../functions/core/providers/schema.ts';

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
