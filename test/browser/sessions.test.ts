// Parsing exported cookie files into the session the engine uses.
import { PassThrough } from 'node:stream';
import type { Browser, Cookie } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser } from '../../functions/browser/launch.ts';
import { CookieFileError, cookiesForOrigins, parseCookieExport } from '../../functions/browser/cookies.ts';
import { captureSessionInteractively, loginUrlOf } from '../../cli/login.ts';
import { getProvider } from '../../functions/core/providers/catalog.ts';
import { startFixtureSites } from '../support/fixture-sites.ts';

const ORIGINS = ['https://www.pinterest.com', 'https://help.pinterest.com'];
const NOW = new Date('2025-06-01T00:00:00Z');
const LATER = Date.parse('2026-01-01T00:00:00Z') / 1000;
const EARLIER = Date.parse('2025-01-01T00:00:00Z') / 1000;

describe('parseCookieExport: JSON from cookie-export extensions', () => {
  const exported = [
    {
      domain: '.pinterest.com',
      expirationDate: LATER,
      hostOnly: false,
      httpOnly: true,
      name: '_pinterest_sess',
      path: '/',
      sameSite: 'no_restriction',
      secure: true,
      session: false,
      storeId: '0',
      value: 'sess-value',
    },
    {
      domain: 'www.pinterest.com',
      hostOnly: true,
      httpOnly: false,
      name: 'csrftoken',
      path: '/',
      sameSite: 'lax',
      secure: true,
      session: true,
      value: 'csrf-value',
    },
    { domain: '.google.com', expirationDate: LATER, name: 'SID', path: '/', value: 'google-value' },
    { domain: '.pinterest.com', expirationDate: EARLIER, name: 'old', path: '/', value: 'stale' },
  ];

  it("keeps the unexpired cookies for the provider's origins, in puppeteer's shape", () => {
    expect(parseCookieExport(JSON.stringify(exported), ORIGINS, NOW)).toEqual([
      { name: '_pinterest_sess', value: 'sess-value', domain: '.pinterest.com', path: '/', secure: true, httpOnly: true, sameSite: 'None', expires: LATER },
      { name: 'csrftoken', value: 'csrf-value', domain: 'www.pinterest.com', path: '/', secure: true, httpOnly: false, sameSite: 'Lax' },
    ]);
  });

  it('accepts the { "cookies": [...] } wrapper and puppeteer-style "expires"', () => {
    const wrapped = { cookies: [{ name: 'a', value: 'b', domain: '.pinterest.com', expires: LATER }] };
    expect(parseCookieExport(JSON.stringify(wrapped), ORIGINS, NOW)).toEqual([
      { name: 'a', value: 'b', domain: '.pinterest.com', path: '/', secure: false, httpOnly: false, expires: LATER },
    ]);
  });

  it('names what is wrong, never a cookie value', () => {
    const bad = (text: string) => () => parseCookieExport(text, ORIGINS, NOW);
    expect(bad('[{"name": "x", "domain": ".pinterest.com"}]')).toThrow('cookie 1 has no "value" text field');
    expect(bad('[{"name": "x", "value": "hush", "domain": ".pinterest.com", "sameSite": "sometimes"}]')).toThrow(
      'cookie 1 ("x") has an unknown sameSite "sometimes"',
    );
    expect(bad('[{"name": "x", "value": "v", "domain": ".pinterest.com", "expirationDate": "soon"}]')).toThrow('non-numeric expiry');
    expect(bad('{"name": "x"}')).toThrow('must be an array of cookie objects');
    expect(bad('[{"name": ')).toThrow(/does not parse/);
    expect(bad('   ')).toThrow('the cookie file is empty');
    expect(bad('[]')).toThrow('holds no cookies');
    expect(bad(JSON.stringify([exported[2]]))).toThrow(
      'the cookie file has no cookies for www.pinterest.com, help.pinterest.com (it has cookies for: google.com)',
    );
    expect(bad(JSON.stringify([exported[3]]))).toThrow('all 1 cookies for www.pinterest.com, help.pinterest.com have expired');
    try {
      bad(JSON.stringify([{ ...exported[0], sameSite: 'weird' }]))();
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(CookieFileError);
      expect((err as Error).message).not.toContain('sess-value');
    }
  });
});

describe('parseCookieExport: Netscape cookies.txt', () => {
  const file = [
    '# Netscape HTTP Cookie File',
    '# This is a generated file! Do not edit.',
    '',
    `#HttpOnly_.pinterest.com\tTRUE\t/\tTRUE\t${LATER}\t_pinterest_sess\tsess-value`,
    `www.pinterest.com\tFALSE\t/\tTRUE\t0\tcsrftoken\tcsrf-value`,
    `.example.org\tTRUE\t/\tFALSE\t${LATER}\tother\tx`,
  ].join('\n');

  it('reads httpOnly, host-only, session cookies and drops other domains', () => {
    expect(parseCookieExport(file, ORIGINS, NOW)).toEqual([
      { name: '_pinterest_sess', value: 'sess-value', domain: '.pinterest.com', path: '/', secure: true, httpOnly: true, expires: LATER },
      { name: 'csrftoken', value: 'csrf-value', domain: 'www.pinterest.com', path: '/', secure: true, httpOnly: false },
    ]);
  });

  it('names the line and the field that is wrong', () => {
    expect(() => parseCookieExport('.pinterest.com\tTRUE\t/\tTRUE\tsess\tv', ORIGINS, NOW)).toThrow(
      'line 1: expected 7 tab-separated fields (domain, subdomains, path, secure, expiry, name, value), found 6',
    );
    expect(() => parseCookieExport('# c\n.pinterest.com\tYES\t/\tTRUE\t0\tn\tv', ORIGINS, NOW)).toThrow(
      'line 2: the include-subdomains field must be TRUE or FALSE, found "YES"',
    );
    expect(() => parseCookieExport('.pinterest.com\tTRUE\t/\tTRUE\tnever\tn\tv', ORIGINS, NOW)).toThrow(
      'line 1: the expiry field must be a number, found "never"',
    );
  });
});

describe('cookies captured from a browser', () => {
  it("keep only the provider's cookies, like a parsed file", () => {
    const base = { path: '/', size: 1, secure: true, httpOnly: true, session: false, expires: LATER, sameSite: 'Lax' } as const;
    const jar: Cookie[] = [
      { ...base, name: 'li_at', value: 'v1', domain: '.linkedin.com' },
      { ...base, name: 'JSESSIONID', value: 'v2', domain: 'www.linkedin.com', session: true, expires: -1 },
      { ...base, name: 'NID', value: 'v3', domain: '.google.com' },
    ];
    expect(cookiesForOrigins(jar, ['https://www.linkedin.com'])).toEqual([
      { name: 'li_at', value: 'v1', domain: '.linkedin.com', path: '/', secure: true, httpOnly: true, sameSite: 'Lax', expires: LATER },
      { name: 'JSESSIONID', value: 'v2', domain: 'www.linkedin.com', path: '/', secure: true, httpOnly: true, sameSite: 'Lax' },
    ]);
  });

  it('the login page is the first playbook deep link', () => {
    expect(loginUrlOf(getProvider('linkedin'))).toBe('https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement');
  });
});

describe('captureSessionInteractively (headless stand-in for the visible window)', () => {
  it("returns the provider's cookies once the person presses Enter, and closes the browser", async () => {
    const sites = await startFixtureSites();
    const input = new PassThrough();
    const output = new PassThrough();
    let browser: Browser | undefined;
    try {
      const launch = async () => {
        browser = await launchBrowser();
        return browser;
      };
      const captured = captureSessionInteractively(getProvider('linkedin'), {
        input,
        output,
        launch,
        startUrl: `${sites.origins['https://www.linkedin.com']}/uas/login`,
      });
      // "The person logs in": the site sets its cookies (and some other site sets one too), then Enter.
      const prompt = await new Promise<string>((resolve) => output.once('data', (d: Buffer) => resolve(d.toString())));
      expect(prompt).toBe('Log in to LinkedIn in the browser window, then press Enter here (or close the window).\n');
      await browser!.setCookie(
        { name: 'li_at', value: 'v1', domain: '.linkedin.com', path: '/', secure: true, httpOnly: true },
        { name: 'NID', value: 'v2', domain: '.google.com', path: '/' },
      );
      input.write('\n');
      const cookies = await captured;
      expect(cookies).toEqual([{ name: 'li_at', value: 'v1', domain: '.linkedin.com', path: '/', secure: true, httpOnly: true }]);
      expect(browser!.connected).toBe(false);
    } finally {
      if (browser?.connected) await browser.close();
      await sites.close();
    }
  });
});
