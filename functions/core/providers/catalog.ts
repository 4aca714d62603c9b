// Loads the provider catalog (providers/<slug>.json), validates every file and answers lookups.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Law, regionTags } from '../jurisdiction.ts';
import { type Channel, type Provider, ProviderSchema } from './schema.ts';
import { longTailProvider } from './long-tail.ts';

type LegalEntity = Provider['legalEntity'];

/** A catalog that does not load; `problems` has one line per file and field. */
export class CatalogError extends Error {
  readonly problems: string[];
  constructor(dir: string, problems: string[]) {
    super(`Provider catalog ${dir} has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
    this.name = 'CatalogError';
    this.problems = problems;
  }
}

export class UnknownProviderError extends Error {
  readonly slug: string;
  readonly suggestions: string[];
  constructor(slug: string, suggestions: string[]) {
    const hint = suggestions.length > 0 ? `did you mean ${suggestions.join(', ')}?` : 'no close match in the catalog';
    super(`Unknown provider "${slug}": ${hint}`);
    this.name = 'UnknownProviderError';
    this.slug = slug;
    this.suggestions = suggestions;
  }
}

/** <repo>/providers, found from this module's own location. */
export const PROVIDERS_DIR: string = fileURLToPath(new URL('../../../providers/', import.meta.url));

// "global", "EU", "EEA", ISO country codes ("DE", "GB", "UK") and subdivisions ("US-CA").
const REGION_TAG = /^(global|EU|EEA|[A-Z]{2}(-[A-Z0-9]{1,3})?)$/;

/** Reads and validates every *.json in `dir`; throws CatalogError listing all problems at once. */
export function loadCatalog(dir: string = PROVIDERS_DIR): Map<string, Provider> {
  const problems: string[] = [];
  const catalog = new Map<string, Provider>();
  const fileOfSlug = new Map<string, string>();
  const fileOfName = new Map<string, string>();

  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.toLowerCase().endsWith('.json'))
      .sort();
  } catch (err) {
    throw new CatalogError(dir, [`cannot read the folder: ${(err as Error).message}`]);
  }
  if (files.length === 0) throw new CatalogError(dir, ['no provider files (*.json) found']);

  for (const file of files) {
    const fileSlug = file.slice(0, -'.json'.length);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (err) {
      problems.push(`${file}: not valid JSON: ${(err as Error).message}`);
      continue;
    }
    const parsed = ProviderSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.length > 0 ? issue.path.join('.') : '(file)';
        problems.push(`${file}: ${path}: ${issue.message}`);
      }
      continue;
    }
    const provider = parsed.data;
    const before = problems.length;
    if (provider.slug !== fileSlug) {
      problems.push(`${file}: slug: "${provider.slug}" does not match the file name (expected "${fileSlug}")`);
    }
    const slugOwner = fileOfSlug.get(provider.slug);
    if (slugOwner) problems.push(`${file}: slug: "${provider.slug}" is already used by ${slugOwner}`);
    const nameKey = provider.name.trim().toLowerCase();
    const nameOwner = fileOfName.get(nameKey);
    if (nameOwner) problems.push(`${file}: name: "${provider.name}" is already used by ${nameOwner} (the same provider twice?)`);
    problems.push(...checkProvider(file, provider));
    if (problems.length > before) continue;

    fileOfSlug.set(provider.slug, file);
    fileOfName.set(nameKey, file);
    catalog.set(provider.slug, provider);
  }

  if (problems.length > 0) throw new CatalogError(dir, problems);
  return catalog;
}

/** Checks the schema cannot express: region tags, duplicate channels, reply patterns that compile. */
function checkProvider(file: string, provider: Provider): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  provider.channels.forEach((channel, i) => {
    channel.regions.forEach((region, j) => {
      if (!REGION_TAG.test(region)) {
        problems.push(`${file}: channels.${i}.regions.${j}: "${region}" is not a region tag (global, EU, EEA, or a code like DE, GB, US-CA)`);
      }
    });
    const key = channel.type === 'email' ? `email ${channel.address.toLowerCase()}` : `${channel.type} ${channel.url} ${channel.label}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push(`${file}: channels.${i}: duplicates channels.${first} (${key})`);
    else seen.set(key, i);
  });
  // A German controller's authority and holidays are its Land's: a missing Land would name none, or the
  // wrong one (the federal BfDI), so every curated German controller carries it.
  if (provider.legalEntity.country === 'DE' && !provider.legalEntity.land) {
    problems.push(
      `${file}: legalEntity.land: a German legalEntity needs its Land (e.g. "DE-NW" for Cologne): its supervisory authority and holidays are the Land's`,
    );
  }
  [provider.legalEntity, ...provider.otherEntities].forEach((entity, i) => {
    if (entity.land && entity.country !== 'DE') {
      const path = i === 0 ? 'legalEntity' : `otherEntities.${i - 1}`;
      problems.push(`${file}: ${path}.land: "${entity.land}" is a German Land, but the entity's country is ${entity.country}`);
    }
  });
  provider.replyPatterns.forEach((reply, i) => {
    try {
      new RegExp(reply.pattern, 'i');
    } catch (err) {
      problems.push(`${file}: replyPatterns.${i}.pattern: not a valid regular expression: ${(err as Error).message}`);
    }
  });
  return problems;
}

let cached: Map<string, Provider> | undefined;

/** The catalog in providers/, loaded once per process. */
export function getCatalog(): Map<string, Provider> {
  cached ??= loadCatalog();
  return cached;
}

/**
 * A curated provider, or a long-tail company `dn:<slug>` (long-tail.ts; its file is read on the first
 * such lookup only), or undefined.
 */
export function findProvider(slug: string): Provider | undefined {
  const catalog = getCatalog();
  return catalog.get(slug) ?? longTailProvider(slug, catalog);
}

export function getProvider(slug: string): Provider {
  const catalog = getCatalog();
  const provider = findProvider(slug);
  if (provider) return provider;
  throw new UnknownProviderError(slug, closeMatches(slug, [...catalog.values()]));
}

/** Slugs that look like what the person typed: a typo, a part of the name, or the old name in brackets. */
function closeMatches(query: string, providers: Provider[]): string[] {
  const q = query.trim().toLowerCase();
  if (q.length === 0) return [];
  const scored: { slug: string; score: number }[] = [];
  for (const p of providers) {
    const name = p.name.toLowerCase();
    const distance = levenshtein(q, p.slug);
    if (distance <= Math.max(1, Math.floor(p.slug.length / 3))) scored.push({ slug: p.slug, score: distance });
    else if (q.length >= 3 && (p.slug.includes(q) || q.includes(p.slug) || name.includes(q))) scored.push({ slug: p.slug, score: 10 });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.slug.localeCompare(b.slug))
    .slice(0, 5)
    .map((s) => s.slug);
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/**
 * The company a letter is addressed to: for a person in the US (under a US state act, or in a state
 * without one, e.g. "US-NY") the provider's US entity where the catalog records one (e.g. Google LLC),
 * otherwise its main controller (`legalEntity`). `jurisdiction` is the person's ("US-NY", "FR"); without
 * it only the US laws (ccpa, us-state) say the person is in the US.
 */
export function letterAddressee(provider: Provider, law: Law, jurisdiction?: string): LegalEntity {
  const inUs = law === 'ccpa' || law === 'us-state' || isUsJurisdiction(jurisdiction);
  const usEntity = provider.legalEntity.country === 'US' ? provider.legalEntity : provider.otherEntities.find((e) => e.country === 'US');
  return (inUs && usEntity) || provider.legalEntity;
}

/** "US", "US-NY", "us-fl": a person resident in the United States. */
function isUsJurisdiction(jurisdiction: string | undefined): boolean {
  const code = jurisdiction?.trim().toUpperCase() ?? '';
  return code === 'US' || code.startsWith('US-');
}

/**
 * The channels open to a person in `jurisdiction` (e.g. "DE", "US-CA"), in catalog order,
 * with email addresses known to bounce moved to the end.
 */
export function channelsFor(provider: Provider, jurisdiction: string): Channel[] {
  const tags = new Set(regionTags(jurisdiction.trim()));
  const open = provider.channels.filter((channel) => channel.regions.some((region) => tags.has(region)));
  const isFailing = (c: Channel) => c.type === 'email' && c.failing !== undefined;
  return [...open.filter((c) => !isFailing(c)), ...open.filter(isFailing)];
}
