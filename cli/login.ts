// `optout login <provider>`: a person logs in in a visible browser and we keep the session cookies.
// Parsing of exported cookie files lives in functions/browser/cookies.ts.
import { createInterface } from 'node:readline';
import type { Browser, Cookie, CookieParam } from 'puppeteer-core';
import type { Provider } from '../functions/core/providers/schema.ts';
import { cookiesForOrigins } from '../functions/browser/cookies.ts';
import { launchBrowser } from '../functions/browser/launch.ts';

/** Where a person logs in for this provider: the first playbook's deep link (it redirects to the login page). */
export function loginUrlOf(provider: Provider): string {
  const first = Object.values(provider.playbooks)[0];
  const url = first?.deepLink ?? provider.origins[0];
  if (!url) throw new Error(`provider "${provider.slug}" has neither a playbook nor an origin to log in at`);
  return url;
}

/**
 * `optout login <provider>`: opens a visible browser at the provider, lets the person log in, and
 * returns the provider's cookies when they press Enter or close the window.
 */
export async function captureSessionInteractively(
  provider: Provider,
  opts: {
    input?: NodeJS.ReadableStream;
    output?: NodeJS.WritableStream;
    /** Tests: a headless browser instead of a visible one, and a fixture page to start at. */
    launch?: () => Promise<Browser>;
    startUrl?: string;
  } = {},
): Promise<CookieParam[]> {
  const browser = await (opts.launch ?? (() => launchBrowser({ headless: false })))();
  const output = opts.output ?? process.stdout;
  let latest: Cookie[] = [];
  // Closing the window ends the browser, after which its cookies cannot be read: keep a fresh copy.
  const snapshot = async () => {
    latest = await browser.cookies().catch(() => latest);
  };
  const timer = setInterval(() => void snapshot(), 1000);
  try {
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.setExtraHTTPHeaders({ 'Sec-GPC': '1' });
    const start = opts.startUrl ?? loginUrlOf(provider);
    // The window stays usable when the first page fails to load: the person can retry there.
    await page.goto(start, { waitUntil: 'domcontentloaded' }).catch((err: Error) => {
      output.write(`Could not open ${start} (${err.message}); open it in the window yourself.\n`);
    });
    output.write(`Log in to ${provider.name} in the browser window, then press Enter here (or close the window).\n`);
    const rl = createInterface({ input: opts.input ?? process.stdin });
    await new Promise<void>((resolve) => {
      rl.once('line', () => resolve());
      browser.once('disconnected', () => resolve());
    });
    rl.close();
    if (browser.connected) await snapshot();
  } finally {
    clearInterval(timer);
    if (browser.connected) await browser.close();
  }
  const cookies = cookiesForOrigins(latest, provider.origins);
  if (cookies.length === 0) throw new Error(`no cookies for ${provider.name} were set: did the login finish?`);
  return cookies;
}
