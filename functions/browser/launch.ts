// Starts Chromium (from @sparticuz/chromium, the same binary on Lambda and on Debian) and opens pages
// that may only talk to the provider's own origins, always with Global Privacy Control switched on.
import { existsSync } from 'node:fs';
import chromium from '@sparticuz/chromium';
import puppeteer, { type Browser, type CookieData, type CookieParam, type HTTPRequest, type Page } from 'puppeteer-core';
import { hostSettings } from '../adapters/config.ts';

/** Flags that keep the browser from calling home (there is no network besides the provider anyway). */
const QUIET_ARGS = ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
/** chromium.args relaxes the same-origin policy for scraping; we browse with a person's session, so keep it. */
const UNSAFE_ARGS = new Set(['--disable-web-security', '--allow-running-insecure-content']);
/** Where a desktop Chrome usually lives; a visible window needs one (the packaged binary is headless only). */
const DESKTOP_CHROME = ['/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

const MAX_BLOCKED = 200;

/**
 * Launches the browser once per task run. Headless uses the packaged Chromium; headless false (for
 * `optout login`) needs a desktop Chrome: OPTOUT_CHROME_PATH or a usual install location.
 */
export async function launchBrowser(opts: { headless?: boolean } = {}): Promise<Browser> {
  if (opts.headless === false) {
    const executablePath = hostSettings().chromePath ?? DESKTOP_CHROME.find((p) => existsSync(p));
    if (!executablePath) {
      throw new Error(
        'A visible browser needs a desktop Chrome or Chromium: set OPTOUT_CHROME_PATH to its executable ' +
          `(none found at ${DESKTOP_CHROME.join(', ')}). The packaged Chromium can only run headless.`,
      );
    }
    return puppeteer.launch({ executablePath, headless: false, defaultViewport: null, args: QUIET_ARGS });
  }
  const args = [...chromium.args.filter((a) => !UNSAFE_ARGS.has(a)), ...QUIET_ARGS];
  return puppeteer.launch({
    executablePath: await chromium.executablePath(),
    args,
    headless: 'shell',
    defaultViewport: { width: 1280, height: 900 },
  });
}

export interface GuardOptions {
  /** The provider's origins (`https://www.pinterest.com`); requests anywhere else are blocked. */
  allowedOrigins: string[];
  /** Tests only: provider origin -> local fixture origin. Refused in production. */
  originOverride?: Record<string, string>;
}

/** What the engine needs to know about a guarded page. */
export interface Guard {
  /** Requests that were blocked because they went to another origin (URLs without query strings). */
  blockedRequests: string[];
  /** Sets session cookies, refusing any for a host outside the allowed origins. */
  setCookies(cookies: CookieParam[]): Promise<void>;
  /** Maps a page URL back to the provider's origin (identity unless an override is active). */
  providerUrl(url: string): string;
}

const guards = new WeakMap<Page, Guard>();

/** The guard of a page opened by openGuardedPage, or undefined for any other page. */
export function guardOf(page: Page): Guard | undefined {
  return guards.get(page);
}

/** True when origin overrides may be used: never in production, and only when asked for explicitly. */
function originOverrideAllowed(): boolean {
  const { allowOriginOverride, nodeEnv } = hostSettings();
  return allowOriginOverride && nodeEnv !== 'production';
}

function originOf(url: string, what: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${what} "${url}" is not a URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`${what} "${url}" must be an http(s) origin`);
  }
  return parsed.origin;
}

/** A URL without its query and fragment, so a blocked-request list never carries tokens. */
function withoutQuery(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url.slice(0, 200);
  }
}

function hostMatches(host: string, cookieDomain: string): boolean {
  const domain = cookieDomain.replace(/^\./, '').toLowerCase();
  return host === domain || host.endsWith(`.${domain}`);
}

/**
 * Opens a page in the browser's default context (the packaged Chromium runs single-process, where
 * extra contexts crash it), after clearing every cookie: one guarded page at a time per browser.
 */
export async function openGuardedPage(browser: Browser, opts: GuardOptions): Promise<Page> {
  if (opts.allowedOrigins.length === 0) throw new Error('openGuardedPage needs at least one allowed origin');
  const override = new Map<string, string>();
  if (opts.originOverride && Object.keys(opts.originOverride).length > 0) {
    if (!originOverrideAllowed()) {
      throw new Error('originOverride is refused: it needs OPTOUT_ALLOW_ORIGIN_OVERRIDE=1 and NODE_ENV other than production');
    }
  }
  const providerOrigins = new Set(opts.allowedOrigins.map((o) => originOf(o, 'allowed origin')));
  for (const [from, to] of Object.entries(opts.originOverride ?? {})) {
    // Entries for other providers' origins are ignored: they must stay blocked.
    const origin = originOf(from, 'override origin');
    if (providerOrigins.has(origin)) override.set(origin, originOf(to, 'override target'));
  }
  const allowed = new Set([...providerOrigins, ...override.values()]);
  const reverse = new Map([...override].map(([from, to]) => [to, from]));

  const context = browser.defaultBrowserContext();
  await context.deleteCookie(...(await context.cookies()));

  const page = await browser.newPage();
  const blockedRequests: string[] = [];
  await page.setExtraHTTPHeaders({ 'Sec-GPC': '1' });
  // A string, not a function: the test runner's transpiler can add helpers a page does not have.
  await page.evaluateOnNewDocument("Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });");
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    void handleRequest(request).catch(() => {
      // The page may have navigated away while this request was paused; nothing to resolve then.
    });
  });

  async function handleRequest(request: HTTPRequest): Promise<void> {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('about:') || url.startsWith('blob:')) {
      await request.continue();
      return;
    }
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      origin = 'null';
    }
    const target = override.get(origin);
    if (target) {
      const local = target + url.slice(origin.length);
      // Navigations are redirected, so the page (and its cookies) live on the fixture origin.
      if (request.isNavigationRequest()) {
        await request.respond({ status: 302, headers: { location: local } });
      } else {
        await request.continue({ url: local });
      }
      return;
    }
    if (allowed.has(origin)) {
      await request.continue();
      return;
    }
    if (blockedRequests.length < MAX_BLOCKED) blockedRequests.push(withoutQuery(url));
    await request.abort('blockedbyclient');
  }

  const guard: Guard = {
    blockedRequests,
    async setCookies(cookies) {
      const hosts = [...providerOrigins].map((o) => new URL(o).hostname);
      const data: CookieData[] = cookies.map((c) => {
        const domain = c.domain ?? (c.url ? new URL(c.url).hostname : undefined);
        if (!domain) throw new Error(`cookie "${c.name}" has neither domain nor url`);
        if (!hosts.some((h) => hostMatches(h, domain))) {
          throw new Error(`cookie "${c.name}" is for ${domain}, outside the allowed origins ${[...providerOrigins].join(', ')}`);
        }
        const mapped = [...override].find(([from]) => hostMatches(new URL(from).hostname, domain));
        if (mapped) {
          // The cookie moves to the fixture host; loopback counts as a secure context, so "secure" stays.
          const { url: _url, ...rest } = c;
          return { ...rest, domain: new URL(mapped[1]).hostname, path: c.path ?? '/' };
        }
        const { url: _url, ...rest } = c;
        return { ...rest, domain, path: c.path ?? '/' };
      });
      if (data.length > 0) await context.setCookie(...data);
    },
    providerUrl(url) {
      for (const [local, provider] of reverse) {
        if (url.startsWith(local)) return provider + url.slice(local.length);
      }
      return url;
    },
  };
  guards.set(page, guard);
  return page;
}

/** Closes a guarded page and clears the cookies it used, so the next run starts without a session. */
export async function closeGuardedPage(page: Page): Promise<void> {
  const context = page.browserContext();
  guards.delete(page);
  if (!page.isClosed()) await page.close();
  await context.deleteCookie(...(await context.cookies()));
}
