// Finds providers by name or domain for the form: the curated catalog and the long tail together, on
// the server, so the page never carries 3,000 companies. A long-tail company a curated provider covers
// is answered with that provider (the curated catalog wins). A linear scan of about 3,000 prepared
// entries takes well under a millisecond; no index is worth its memory at this size.
import { type Company, recordUrl } from './companies-file.ts';
import { curatedDomains, domainSuffixes, hostOf, normalizeName } from './curated-wins.ts';
import { curatedIndex, LONG_TAIL_PREFIX, type LongTail, longTail } from './long-tail.ts';
import type { Provider } from './schema.ts';

/** Results per search: enough to pick from, few enough to read. */
export const SEARCH_LIMIT = 10;

export interface SearchHit {
  /** The slug to submit: a curated one, or `dn:<record slug>`. */
  slug: string;
  name: string;
  /** "curated": every channel we know; "long-tail": a letter to the privacy contact (or its web form). */
  kind: 'curated' | 'long-tail';
  /** The company letters are addressed to. */
  legalEntity: string;
  country: string;
  /** Its main domain, to tell companies of the same name apart. */
  domain: string;
  channels: Provider['channels'][number]['type'][];
  /** Curated: our quality; long tail: the datenanfragen record's own. */
  quality: string;
  identifierHint: string;
  /** Long tail: the source record. */
  source?: string;
}

interface Entry {
  hit: SearchHit;
  /** Normalized name first, then the other names (brands, entities). */
  names: string[];
  domains: string[];
  /** Long tail: the curated providers that cover it (it is answered with them). */
  coveredBy: string[];
}

const prepared = new WeakMap<ReadonlyMap<string, Provider>, Map<LongTail, Entry[]>>();

function entries(curated: ReadonlyMap<string, Provider>, tail: LongTail): Entry[] {
  let byTail = prepared.get(curated);
  if (!byTail) {
    byTail = new Map();
    prepared.set(curated, byTail);
  }
  let list = byTail.get(tail);
  if (!list) {
    const index = curatedIndex(curated);
    list = [...[...curated.values()].map(curatedEntry), ...[...tail.companies.values()].map((c) => longTailEntry(c, index.coveredBy(c)))];
    byTail.clear(); // only the newest long tail is kept
    byTail.set(tail, list);
  }
  return list;
}

function curatedEntry(p: Provider): Entry {
  const domains = curatedDomains(p);
  return {
    hit: {
      slug: p.slug,
      name: p.name,
      kind: 'curated',
      legalEntity: p.legalEntity.name,
      country: p.legalEntity.country,
      domain: domains[0] ?? '',
      channels: [...new Set(p.channels.map((c) => c.type))],
      quality: p.quality,
      identifierHint: p.identifierHint,
    },
    names: [p.name, ...p.services, p.legalEntity.name, ...p.otherEntities.map((e) => e.name)].map(normalizeName),
    domains,
    coveredBy: [],
  };
}

function longTailEntry(c: Company, coveredBy: string[]): Entry {
  const mailDomain = hostOf(c.email);
  return {
    hit: {
      slug: `${LONG_TAIL_PREFIX}${c.slug}`,
      name: c.name,
      kind: 'long-tail',
      legalEntity: c.name,
      country: c.country,
      domain: c.web || mailDomain || hostOf(c.webform),
      channels: [...(c.email ? (['email'] as const) : []), ...(c.webform ? (['webform'] as const) : [])],
      quality: c.quality,
      identifierHint: 'the email address or customer number you use with them',
      source: recordUrl(c.slug),
    },
    names: [c.name, ...c.runs].map(normalizeName),
    domains: [...new Set([c.web, mailDomain].filter(Boolean))],
    coveredBy,
  };
}

/** Lower is better; undefined: no match. */
function score(entry: Entry, q: string, hostSuffixes: string[], squeezed: string): number | undefined {
  if (hostSuffixes.length > 0 && entry.domains.some((d) => hostSuffixes.includes(d))) return 0;
  let best: number | undefined;
  for (const [i, name] of entry.names.entries()) {
    const own = i === 0 ? 0 : 1; // the name itself before a brand or entity
    let s: number | undefined;
    if (name === q) s = 1;
    else if (name.startsWith(q)) s = 3;
    else if (name.includes(` ${q}`)) s = 5;
    else if (q.length >= 3 && name.includes(q)) s = 7;
    if (s !== undefined && (best === undefined || s + own < best)) best = s + own;
  }
  if (best === undefined && squeezed.length >= 2 && entry.domains.some((d) => d.startsWith(squeezed))) best = 4;
  return best;
}

/**
 * Up to `limit` providers whose name, brand, legal entity or domain matches `query` (a name, a part of
 * one, a domain, a URL or an email address), best first; covered long-tail companies appear as the
 * curated provider that covers them.
 */
export function searchProviders(query: string, curated: ReadonlyMap<string, Provider>, limit: number = SEARCH_LIMIT, tail: LongTail = longTail()): SearchHit[] {
  const q = normalizeName(query);
  const compact = query.trim();
  const host = /^\S+\.\S+$/.test(compact) ? hostOf(compact) : '';
  if (!q && !host) return [];
  const hostSuffixes = host ? domainSuffixes(host) : [];
  const squeezed = q.replace(/ /g, '');
  const all = entries(curated, tail);
  const found: { entry: Entry; score: number }[] = [];
  for (const entry of all) {
    const s = score(entry, q, hostSuffixes, squeezed);
    if (s !== undefined) found.push({ entry, score: s });
  }
  found.sort((a, b) => a.score - b.score || kindRank(a.entry) - kindRank(b.entry) || a.entry.hit.name.localeCompare(b.entry.hit.name));
  const hits: SearchHit[] = [];
  const seen = new Set<string>();
  const curatedHits = new Map(all.filter((e) => e.hit.kind === 'curated').map((e) => [e.hit.slug, e.hit]));
  for (const { entry } of found) {
    const answers = entry.coveredBy.length > 0 ? entry.coveredBy.map((slug) => curatedHits.get(slug)!) : [entry.hit];
    for (const hit of answers) {
      if (seen.has(hit.slug)) continue;
      seen.add(hit.slug);
      hits.push(hit);
    }
    if (hits.length >= limit) break;
  }
  return hits.slice(0, limit);
}

function kindRank(entry: Entry): number {
  return entry.hit.kind === 'curated' ? 0 : 1;
}
