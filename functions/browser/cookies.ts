// Exported cookie files of a person's session: JSON as cookie-export extensions write it, or a
// Netscape cookies.txt. Only cookies that the browser would send to the provider's own origins are
// kept. Cookie values never appear in errors or logs. Pure parsing: no browser is loaded here, so the
// web handlers can use it without carrying Chromium.
import type { Cookie, CookieParam, CookieSameSite } from 'puppeteer-core';
import { parse as parseHost } from 'tldts';
import { textProblem } from '../core/text-rules.ts';

export class CookieFileError extends Error {
  override name = 'CookieFileError';
}

function hostsOf(origins: string[]): string[] {
  return origins.map((o) => new URL(o).hostname.toLowerCase());
}

/** Would a cookie for `domain` be sent to one of these hosts? */
function domainMatches(domain: string, hosts: string[]): boolean {
  const d = domain.replace(/^\./, '').toLowerCase();
  return hosts.some((h) => h === d || h.endsWith(`.${d}`));
}

const SAME_SITE: Record<string, CookieSameSite | undefined> = {
  no_restriction: 'None',
  none: 'None',
  lax: 'Lax',
  strict: 'Strict',
  unspecified: undefined,
};

/** Normalised cookie before filtering (internal). */
interface Parsed {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite?: CookieSameSite;
  /** Seconds since the epoch; undefined for a session cookie. */
  expires?: number;
}

/**
 * Refuses a cookie a browser would refuse, or that could smuggle something past it: a field with a
 * line break or control character (a CR/LF in a value would split a Cookie header), and, among the
 * cookies that would be kept for the provider's `hosts`, a domain that is a public suffix (".com",
 * ".co.uk", ".github.io"): a cookie there would go to every site under it. Cookies of other sites are
 * left to the filter. `at` names the cookie ("cookie 3", "line 7"); the value is never repeated.
 */
function checkFields(at: string, c: Pick<Parsed, 'name' | 'value' | 'domain' | 'path'>, hosts: string[]): void {
  for (const field of ['name', 'value', 'domain', 'path'] as const) {
    const problem = textProblem(c[field]);
    if (problem) throw new CookieFileError(`${at}: its ${field} ${problem}`);
  }
  if (!domainMatches(c.domain, hosts)) return;
  const parsed = parseHost(c.domain.replace(/^\./, '').toLowerCase(), { allowPrivateDomains: true });
  if (!parsed.isIp && parsed.domain === null) {
    throw new CookieFileError(`${at} ("${c.name}"): its domain "${c.domain}" is a public suffix, not a site; a browser would refuse it`);
  }
}

function toParam(c: Parsed): CookieParam {
  const domain = c.domain.replace(/^\./, '');
  const param: CookieParam = { name: c.name, value: c.value, path: c.path, secure: c.secure, httpOnly: c.httpOnly };
  // A host-only cookie keeps its exact host; a domain cookie (leading dot) covers subdomains.
  param.domain = c.hostOnly ? domain : `.${domain}`;
  if (c.sameSite) param.sameSite = c.sameSite;
  if (c.expires !== undefined) param.expires = c.expires;
  return param;
}

function parseJson(text: string, hosts: string[]): Parsed[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new CookieFileError(`the cookie file looks like JSON but does not parse: ${(err as Error).message}`);
  }
  // Some extensions wrap the list: { "cookies": [...] }.
  if (data && typeof data === 'object' && !Array.isArray(data) && Array.isArray((data as { cookies?: unknown }).cookies)) {
    data = (data as { cookies: unknown[] }).cookies;
  }
  if (!Array.isArray(data)) throw new CookieFileError('the JSON cookie file must be an array of cookie objects');
  return data.map((entry, i) => {
    const at = `cookie ${i + 1}`;
    if (!entry || typeof entry !== 'object') throw new CookieFileError(`${at} is not an object`);
    const e = entry as Record<string, unknown>;
    for (const field of ['name', 'value', 'domain'] as const) {
      if (typeof e[field] !== 'string') throw new CookieFileError(`${at} has no "${field}" text field`);
    }
    const name = e.name as string;
    if (name === '') throw new CookieFileError(`${at} has an empty "name"`);
    const domain = e.domain as string;
    checkFields(at, { name, value: e.value as string, domain, path: typeof e.path === 'string' ? e.path : '/' }, hosts);
    const expiry = e.expirationDate ?? e.expires;
    if (expiry !== undefined && typeof expiry !== 'number') throw new CookieFileError(`${at} ("${name}") has a non-numeric expiry`);
    const sameSiteRaw = typeof e.sameSite === 'string' ? e.sameSite.toLowerCase() : 'unspecified';
    if (!(sameSiteRaw in SAME_SITE)) throw new CookieFileError(`${at} ("${name}") has an unknown sameSite "${String(e.sameSite)}"`);
    return {
      name,
      value: e.value as string,
      domain,
      hostOnly: typeof e.hostOnly === 'boolean' ? e.hostOnly : !domain.startsWith('.'),
      path: typeof e.path === 'string' && e.path ? e.path : '/',
      secure: e.secure === true,
      httpOnly: e.httpOnly === true,
      sameSite: SAME_SITE[sameSiteRaw],
      // -1 and 0 mean a session cookie in the formats we read.
      expires: e.session === true || expiry === undefined || (expiry as number) <= 0 ? undefined : Math.floor(expiry as number),
    };
  });
}

function parseNetscape(text: string, hosts: string[]): Parsed[] {
  const out: Parsed[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    let line = raw;
    let httpOnly = false;
    if (line.startsWith('#HttpOnly_')) {
      httpOnly = true;
      line = line.slice('#HttpOnly_'.length);
    } else if (line.startsWith('#') || line.trim() === '') {
      continue;
    }
    const fields = line.split('\t');
    if (fields.length !== 7) {
      throw new CookieFileError(
        `line ${i + 1}: expected 7 tab-separated fields (domain, subdomains, path, secure, expiry, name, value), found ${fields.length}`,
      );
    }
    const [domain, subdomains, path, secure, expiry, name, value] = fields as [string, string, string, string, string, string, string];
    const flag = (v: string, what: string) => {
      if (v.toUpperCase() === 'TRUE') return true;
      if (v.toUpperCase() === 'FALSE') return false;
      throw new CookieFileError(`line ${i + 1}: the ${what} field must be TRUE or FALSE, found "${v}"`);
    };
    const seconds = Number(expiry);
    if (!Number.isFinite(seconds)) throw new CookieFileError(`line ${i + 1}: the expiry field must be a number, found "${expiry}"`);
    if (!name) throw new CookieFileError(`line ${i + 1}: the cookie has no name`);
    checkFields(`line ${i + 1}`, { name, value, domain, path }, hosts);
    out.push({
      name,
      value,
      domain,
      hostOnly: !flag(subdomains, 'include-subdomains'),
      path: path || '/',
      secure: flag(secure, 'secure'),
      httpOnly,
      expires: seconds > 0 ? seconds : undefined,
    });
  }
  return out;
}

/**
 * Parses an exported cookie file (a JSON array as written by cookie-export extensions, or Netscape
 * cookies.txt) and keeps the unexpired cookies for the provider's origins. Throws a CookieFileError
 * naming what is wrong, including when nothing usable is left.
 */
export function parseCookieExport(text: string, origins: string[], now: Date = new Date()): CookieParam[] {
  if (origins.length === 0) throw new CookieFileError('the provider lists no origins, so no cookie can be used for it');
  const trimmed = text.trim();
  if (trimmed === '') throw new CookieFileError('the cookie file is empty');
  const hosts = hostsOf(origins);
  const all = trimmed.startsWith('[') || trimmed.startsWith('{') ? parseJson(trimmed, hosts) : parseNetscape(text, hosts);
  if (all.length === 0) throw new CookieFileError('the cookie file holds no cookies');
  const forProvider = all.filter((c) => domainMatches(c.domain, hosts));
  if (forProvider.length === 0) {
    const seen = [...new Set(all.map((c) => c.domain.replace(/^\./, '')))].slice(0, 8).join(', ');
    throw new CookieFileError(`the cookie file has no cookies for ${hosts.join(', ')} (it has cookies for: ${seen}); export them while on the provider's site`);
  }
  const nowSeconds = now.getTime() / 1000;
  const fresh = forProvider.filter((c) => c.expires === undefined || c.expires > nowSeconds);
  if (fresh.length === 0) {
    throw new CookieFileError(`all ${forProvider.length} cookies for ${hosts.join(', ')} have expired; log in again and export a new file`);
  }
  return fresh.map(toParam);
}

/** Keeps the cookies a browser holds for the provider's origins, in the same shape as parseCookieExport. */
export function cookiesForOrigins(cookies: Cookie[], origins: string[]): CookieParam[] {
  const hosts = hostsOf(origins);
  return cookies
    .filter((c) => domainMatches(c.domain, hosts))
    .map((c) =>
      toParam({
        name: c.name,
        value: c.value,
        domain: c.domain,
        hostOnly: !c.domain.startsWith('.'),
        path: c.path,
        secure: c.secure,
        httpOnly: c.httpOnly ?? false,
        sameSite: c.sameSite,
        expires: c.session || c.expires <= 0 ? undefined : Math.floor(c.expires),
      }),
    );
}
