// The long tail: every company of the datenanfragen database (companies.json, CC0) as a letter-only
// provider named `dn:<record slug>`. The prefix keeps the two namespaces apart: a curated slug never
// contains ":", so no record can take a curated provider's name. Such a provider has an email channel
// (the record's privacy address) and/or a web form, never a playbook: the dispatcher sends the letter
// to the address, or hands over with the form's URL, exactly as for a curated provider.
// The file is read on first use only (a long-tail slug or a search), not at every cold start: the
// form page, the workflow of curated providers and the CLI never pay for it.
import { readFileSync } from 'node:fs';
import { LANGUAGES, type Language } from '../model.ts';
import { templateExists } from '../templates.ts';
import { type CompaniesFile, CompaniesFileSchema, type Company, COMPANIES_FILE, companiesOf, recordUrl } from './companies-file.ts';
import { CuratedIndex, hostOf } from './curated-wins.ts';
import type { Channel, Provider } from './schema.ts';

export const LONG_TAIL_PREFIX = 'dn:';

/** "dn:acme" is a long-tail slug; curated slugs never contain ":". */
export function isLongTailSlug(slug: string): boolean {
  return slug.startsWith(LONG_TAIL_PREFIX);
}

export interface LongTail {
  /** By record slug (without the prefix), in file order. */
  companies: Map<string, Company>;
  importedAt: string;
  /** Milliseconds the first load took (read, parse, validate), for the README's figures. */
  loadMs: number;
}

let cached: LongTail | undefined;

/** The shipped long-tail file, read and validated once per process, on first use. */
export function longTail(): LongTail {
  cached ??= loadLongTail(COMPANIES_FILE);
  return cached;
}

/** Whether this process has read the shipped file yet (it should not have, until a search or a `dn:` lookup). */
export function isLongTailLoaded(): boolean {
  return cached !== undefined;
}

/** Reads and validates a companies file (the shipped one, or another in tests). */
export function loadLongTail(path: string): LongTail {
  const started = performance.now();
  const file: CompaniesFile = CompaniesFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const companies = new Map(companiesOf(file).map((c) => [c.slug, c]));
  return { companies, importedAt: file.importedAt, loadMs: performance.now() - started };
}

// One index per curated catalog (a process has one; tests may build others).
const indexes = new WeakMap<ReadonlyMap<string, Provider>, CuratedIndex>();

export function curatedIndex(curated: ReadonlyMap<string, Provider>): CuratedIndex {
  let index = indexes.get(curated);
  if (!index) {
    index = new CuratedIndex(curated.values());
    indexes.set(curated, index);
  }
  return index;
}

/**
 * `dn:<slug>` as a provider, or the curated provider that covers the same company (the curated catalog
 * wins, also for one added after the import); undefined for any other slug.
 */
export function longTailProvider(slug: string, curated: ReadonlyMap<string, Provider>, tail?: LongTail): Provider | undefined {
  if (!isLongTailSlug(slug)) return undefined; // before reading the file: curated lookups never do
  const { companies, importedAt } = tail ?? longTail();
  const company = companies.get(slug.slice(LONG_TAIL_PREFIX.length));
  if (!company) return undefined;
  const winner = curatedIndex(curated).coveredBy(company)[0];
  if (winner) return curated.get(winner);
  return companyProvider(company, importedAt);
}

const QUALITY: Record<Company['quality'], Provider['quality']> = { tested: 'tested', verified: 'verified', imported: 'unsure', scraped: 'unsure' };

/** A company of the long tail as a letter-only provider. */
export function companyProvider(company: Company, importedAt: string): Provider {
  const channels: Channel[] = [];
  if (company.email) channels.push({ type: 'email', address: company.email, regions: ['global'], audience: 'person' });
  if (company.webform) channels.push({ type: 'webform', label: 'data protection request form', url: company.webform, regions: ['global'] });
  const domains = [hostOf(company.email), company.web, hostOf(company.webform)].filter(Boolean);
  return {
    slug: `${LONG_TAIL_PREFIX}${company.slug}`,
    name: company.name,
    services: company.runs,
    legalEntity: { name: company.name, address: company.address, country: company.country },
    otherEntities: [],
    languages: letterLanguages(company.language),
    origins: [],
    replyDomains: [...new Set(domains)],
    channels,
    playbooks: {},
    replyPatterns: [],
    identifierHint: 'the email address or customer number you use with them',
    sources: [recordUrl(company.slug)],
    checkedAt: importedAt,
    quality: QUALITY[company.quality],
    notes: `From the datenanfragen.de company database (CC0), record "${company.slug}" (quality "${company.quality}" there), imported ${importedAt}; not checked by us. Letters only.`,
  };
}

const hasLetters = new Map<string, boolean>();

/** The company's language first where we write letters in it, then English. */
function letterLanguages(language: string): Language[] {
  const writable = (lang: string): lang is Language => {
    if (!(LANGUAGES as readonly string[]).includes(lang)) return false;
    if (!hasLetters.has(lang)) hasLetters.set(lang, templateExists(`letters/gdpr-objection.${lang}.hbs`));
    return hasLetters.get(lang)!;
  };
  return [...new Set([language, 'en'].filter(writable))];
}
