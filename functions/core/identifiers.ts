// What an account identifier may hold. The identifiers are the only text of the submitter's that the
// verification mail carries, and that mail goes to whatever address the submitter typed: so an
// identifier must not be a way to put a link or a lure into a stranger's mailbox. It may hold what
// identifies an account (a handle like @name, u/name or name#1234, an email address, a phone number, a
// display name with spaces, a profile address on the provider's own site), and nothing that points
// elsewhere: no web address and no domain name but the provider's own, at most 100 characters.
//
// The provider's own domains: those of its origins and reply domains, and those its identifier hint
// gives as an example ("example.atlassian.net"). A dotted name that is the whole identifier stays a
// handle ("camille.london", "fb.me"): alone it says nothing; among other words it is a domain.
import { parse } from 'tldts';

/** Identifiers longer than this are refused: no handle, address or profile URL comes near it. */
export const MAX_IDENTIFIER_CHARS = 100;

export interface IdentifierFacts {
  name: string;
  identifierHint: string;
  origins: string[];
  replyDomains: string[];
}

/** "www.linkedin.com" -> "linkedin.com"; a public suffix or something else that is no domain -> undefined. */
function registrable(host: string): string | undefined {
  return parse(host, { allowPrivateDomains: true }).domain ?? undefined;
}

function hostOf(text: string): string {
  try {
    return new URL(text.includes('://') ? text : `https://${text}`).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** The registrable domains that are the provider's own. */
export function ownDomains(provider: IdentifierFacts): string[] {
  const fromHint = (provider.identifierHint.match(/[\w.-]+\.[a-z]{2,}(?:\/\S*)?/gi) ?? []).map((example) =>
    hostOf(example.replace(/\)$/, '')).replace(/^example\./, ''),
  );
  const hosts = [...provider.origins.map(hostOf), ...provider.replyDomains.map(hostOf), ...fromHint];
  return [...new Set(hosts.map((h) => registrable(h)).filter((d): d is string => d !== undefined))];
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const EMAIL = /^[^@\s]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;
const HANDLE = /^@[\p{L}\p{N}._-]+$/u;
/** A dotted host name, perhaps with a port, and what follows it (a path, a query). */
const HOST_AND_REST = /^([\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)+)(:\d+)?([/?#].*)?$/u;

type Found = { kind: 'address' | 'domain'; text: string };

/** The first web address or domain in `identifier` that is not the provider's own. */
function foreignReference(identifier: string, own: string[]): Found | undefined {
  const isOwn = (host: string) => {
    const h = host.replace(/\.$/, '').toLowerCase();
    return own.some((d) => h === d || h.endsWith(`.${d}`));
  };
  // Full-width and ideographic dots read as dots in a mail; so do full-width letters.
  const text = identifier.normalize('NFKC').replace(/[\u3002\uFF61]/g, '.');
  const tokens = text.split(/[\s,;()<>[\]{}"'|]+/).filter(Boolean);
  for (const raw of tokens) {
    const token = raw.replace(/[.!?:]+$/, '');
    if (SCHEME.test(token) || /^www\./i.test(token) || token.includes('//')) {
      let url: URL | undefined;
      try {
        url = new URL(SCHEME.test(token) ? token : `https://${token.replace(/^\/+/, '')}`);
      } catch {
        return { kind: 'address', text: token };
      }
      if (url.username || url.password || !/^https?:$/.test(url.protocol) || !isOwn(url.hostname)) return { kind: 'address', text: token };
      continue;
    }
    if (EMAIL.test(token) || HANDLE.test(token)) continue;
    const match = HOST_AND_REST.exec(token);
    if (!match) continue;
    const [, host, port, rest] = match as unknown as [string, string, string | undefined, string | undefined];
    if (isOwn(host)) continue;
    const parsed = parse(host, { allowPrivateDomains: true });
    if (parsed.isIp) return { kind: 'address', text: token };
    // host/path or host:port is an address whatever its ending; a bare name only if it ends in a real
    // top-level domain and stands among other words.
    if (port || rest) return { kind: 'address', text: token };
    if ((parsed.isIcann || parsed.isPrivate) && tokens.length > 1) return { kind: 'domain', text: token };
  }
  return undefined;
}

/**
 * Why `identifier` is not acceptable for `provider` (a web address or a domain that is not the
 * provider's own), with what an identifier looks like; undefined if it is fine.
 */
export function identifierProblem(identifier: string, provider: IdentifierFacts): string | undefined {
  const own = ownDomains(provider);
  const found = foreignReference(identifier, own);
  if (!found) return undefined;
  const where = own.length ? `${provider.name}'s own (${own.join(', ')})` : `${provider.name}'s own`;
  return `must not contain a web address or domain other than ${where}, found "${found.text}": give the ${provider.identifierHint}`;
}
