// The page guard: only the provider's origins, Sec-GPC on every request, overrides only outside production.
import type { Browser } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runPlaybook } from '../../functions/browser/engine.ts';
import { closeGuardedPage, launchBrowser, openGuardedPage } from '../../functions/browser/launch.ts';
import { type FixtureSites, startFixtureSites } from '../support/fixture-sites.ts';
import { catalogPlaybook, runOnFixture } from './support.ts';

let browser: Browser;
let sites: FixtureSites;

beforeAll(async () => {
  sites = await startFixtureSites();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await sites?.close();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const PINTEREST = ['https://www.pinterest.com'];

describe('a guarded page running the Pinterest playbook', () => {
  it('sends Sec-GPC: 1 on every request and exposes navigator.globalPrivacyControl', async () => {
    vi.stubEnv('OPTOUT_ALLOW_ORIGIN_OVERRIDE', '1');
    sites.setMode('pinterest', 'normal');
    const from = sites.requests.length;
    const { result } = await runOnFixture(browser, sites, 'pinterest', catalogPlaybook('pinterest', 'genai-training'));
    expect(result.outcome).toBe('done');
    const seen = sites.requests.slice(from);
    // Pages, the shared script and stylesheet, the state API (GET and POST), after a reload too.
    expect(seen.length).toBeGreaterThanOrEqual(8);
    expect(seen.map((r) => r.method)).toContain('POST');
    expect(seen.filter((r) => r.headers['sec-gpc'] !== '1').map((r) => `${r.method} ${r.path}`)).toEqual([]);
    const stateReads = seen.filter((r) => r.method === 'GET' && r.path.startsWith('/_fixture/state'));
    expect(stateReads.length).toBeGreaterThanOrEqual(2);
    for (const r of stateReads) expect(r.path).toBe('/_fixture/state?gpc=true');
  });

  it('blocks and lists requests to other origins; the third party never sees one', async () => {
    vi.stubEnv('OPTOUT_ALLOW_ORIGIN_OVERRIDE', '1');
    sites.setMode('pinterest', 'normal');
    const { result } = await runOnFixture(browser, sites, 'pinterest', catalogPlaybook('pinterest', 'genai-training'));
    expect(result.outcome).toBe('done');
    expect(result.blockedRequests).toContain('http://tracker.invalid/pixel.gif');
    expect(result.blockedRequests).toContain(`${sites.thirdPartyOrigin}/beacon.js`);
    expect(sites.thirdPartyHits).toEqual([]);
  });

  it("blocks another provider's origin and its fixture port, even though the override map lists them", async () => {
    vi.stubEnv('OPTOUT_ALLOW_ORIGIN_OVERRIDE', '1');
    const page = await openGuardedPage(browser, { allowedOrigins: PINTEREST, originOverride: sites.origins });
    try {
      const linkedinLocal = sites.origins['https://www.linkedin.com']!;
      const before = sites.requests.filter((r) => r.provider === 'linkedin').length;
      await expect(page.goto('https://www.linkedin.com/feed/')).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/);
      await page.goto('https://www.pinterest.com/login/', { waitUntil: 'networkidle0' });
      const fetched = await page.evaluate(
        `fetch(${JSON.stringify(`${linkedinLocal}/mypreferences/d/settings/data-for-ai-improvement`)}).then(() => 'loaded', () => 'refused')`,
      );
      expect(fetched).toBe('refused');
      const runResult = await runPlaybook(
        page,
        { ...catalogPlaybook('pinterest', 'genai-training'), steps: [{ action: 'screenshot', label: 'x' }] },
        { values: {}, cookies: [] },
      );
      expect(runResult.blockedRequests).toContain('https://www.linkedin.com/feed/');
      expect(runResult.blockedRequests).toContain(`${linkedinLocal}/mypreferences/d/settings/data-for-ai-improvement`);
      expect(sites.requests.filter((r) => r.provider === 'linkedin').length).toBe(before);
    } finally {
      await closeGuardedPage(page);
    }
  });

  it('refuses a session cookie for another domain without revealing its value', async () => {
    vi.stubEnv('OPTOUT_ALLOW_ORIGIN_OVERRIDE', '1');
    const page = await openGuardedPage(browser, { allowedOrigins: PINTEREST, originOverride: sites.origins });
    try {
      const result = await runPlaybook(page, catalogPlaybook('pinterest', 'genai-training'), {
        values: {},
        cookies: [{ name: 'SID', value: 'secret-google-session', domain: '.google.com' }],
      });
      expect(result.outcome).toBe('failed');
      expect(result.reason).toContain('"SID" is for .google.com, outside the allowed origins https://www.pinterest.com');
      expect(result.reason).not.toContain('secret-google-session');
    } finally {
      await closeGuardedPage(page);
    }
  });

  it('clears the session cookies when the page is closed', async () => {
    vi.stubEnv('OPTOUT_ALLOW_ORIGIN_OVERRIDE', '1');
    sites.setMode('pinterest', 'normal');
    await runOnFixture(browser, sites, 'pinterest', catalogPlaybook('pinterest', 'genai-training'));
    expect(await browser.defaultBrowserContext().cookies()).toEqual([]);
  });
});

describe('origin override', () => {
  it('is refused without OPTOUT_ALLOW_ORIGIN_OVERRIDE=1', async () => {
    vi.stubEnv('OPTOUT_ALLOW_ORIGIN_OVERRIDE', '');
    await expect(openGuardedPage(browser, { allowedOrigins: PINTEREST, originOverride: sites.origins })).rejects.toThrow(
      /originOverride is refused: it needs OPTOUT_ALLOW_ORIGIN_OVERRIDE=1 and NODE_ENV other than production/,
    );
  });

  it('is refused in production even with the flag set', async () => {
    vi.stubEnv('OPTOUT_ALLOW_ORIGIN_OVERRIDE', '1');
    vi.stubEnv('NODE_ENV', 'production');
    await expect(openGuardedPage(browser, { allowedOrigins: PINTEREST, originOverride: sites.origins })).rejects.toThrow(/refused/);
  });

  it('is not needed to open a page, and an empty allow-list is an error', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const page = await openGuardedPage(browser, { allowedOrigins: PINTEREST });
    await closeGuardedPage(page);
    await expect(openGuardedPage(browser, { allowedOrigins: [] })).rejects.toThrow(/at least one allowed origin/);
  });

  it('runPlaybook refuses a page that is not guarded', async () => {
    const page = await browser.newPage();
    try {
      await expect(runPlaybook(page, catalogPlaybook('x', 'grok-training'), { values: {}, cookies: [] })).rejects.toThrow(/openGuardedPage/);
    } finally {
      await page.close();
    }
  });
});
