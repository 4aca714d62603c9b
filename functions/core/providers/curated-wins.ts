// The curated catalog wins where both it and the long tail know a company: it knows the AI-training
// channels (settings, forms, the right address), the long tail only a privacy contact. A long-tail
// company is covered by a curated provider when its website or privacy address lies on a domain the
// provider names (replyDomains and origins, subdomains included), or its official name is one of the
// provider's legal entities. The importer leaves covered records out; at run time the same check hides
// records a curated provider added since the import covers (long-tail.ts).
import type { Provider } from './schema.ts';

export type CuratedFacts = Pick<Provider, 'slug' | 'legalEntity' | 'otherEntities' | 'replyDomains' | 'origins'>;

/** Mail services anyone can have an address at: an address there says nothing about the company. */
const SHARED_MAIL_DOMAINS = new Set([
  'aol.com',
  'gmail.com',
  'googlemail.com',
  'gmx.at',
  'gmx.de',
  'gmx.net',
  'hotmail.com',
  'icloud.com',
  'mail.de',
  'outlook.com',
  'posteo.de',
  't-online.de',
  'web.de',
  'yahoo.com',
]);

/** Lower-case, accents and punctuation gone, single spaces: "Reddit Netherlands B.V." -> "reddit netherlands b v". */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The host of a URL, or the domain of an email address, lower-case and without "www."; "" if none. */
export function hostOf(urlOrEmail: string): string {
  const text = urlOrEmail.trim().toLowerCase();
  if (!text) return '';
  if (text.includes('@') && !text.includes('/')) return text.slice(text.lastIndexOf('@') + 1).replace(/\.$/, '');
  try {
    return new URL(text.includes('://') ? text : `https://${text}`).hostname.replace(/^www\./, '').replace(/\.$/, '');
  } catch {
    return '';
  }
}

/** "a.b.example.com" -> ["a.b.example.com", "b.example.com", "example.com"] (never the bare top-level domain). */
export function domainSuffixes(host: string): string[] {
  const parts = host.split('.');
  const out: string[] = [];
  for (let i = 0; i < parts.length - 1; i++) out.push(parts.slice(i).join('.'));
  return out;
}

/** The domains a curated provider names, without "www.". */
export function curatedDomains(provider: CuratedFacts): string[] {
  return [...new Set([...provider.replyDomains.map((d) => hostOf(d)), ...provider.origins.map((o) => hostOf(o))].filter(Boolean))];
}

/** Answers "which curated providers cover this company?" for many companies at once. */
export class CuratedIndex {
  private readonly byDomain = new Map<string, string[]>();
  private readonly byEntity = new Map<string, string[]>();

  constructor(providers: Iterable<CuratedFacts>) {
    const add = (map: Map<string, string[]>, key: string, slug: string) => {
      const list = map.get(key) ?? [];
      if (!list.includes(slug)) list.push(slug);
      map.set(key, list);
    };
    for (const p of providers) {
      for (const domain of curatedDomains(p)) add(this.byDomain, domain, p.slug);
      for (const entity of [p.legalEntity, ...p.otherEntities]) add(this.byEntity, normalizeName(entity.name), p.slug);
    }
  }

  /** The curated providers that cover a company, in catalog order; [] if none does. */
  coveredBy(company: { name: string; email: string; web: string }): string[] {
    const slugs = new Set<string>(this.byEntity.get(normalizeName(company.name)) ?? []);
    const mailDomain = hostOf(company.email);
    const hosts = [company.web, SHARED_MAIL_DOMAINS.has(mailDomain) ? '' : mailDomain].filter(Boolean);
    for (const host of hosts) {
      for (const suffix of domainSuffixes(host)) for (const slug of this.byDomain.get(suffix) ?? []) slugs.add(slug);
    }
    return [...slugs];
  }
}
