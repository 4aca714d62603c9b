// The companion extension (extension/) in a real Chromium, against the fixture sites and the local
// stack: a person logged in to LinkedIn in their own browser opens the status page of a request that
// was handed to them, hands the session over in one click, and the browser channel then switches the
// setting off. What left the browser is recorded (extension-browser.ts) and checked: LinkedIn's cookies,
// to this deployment's status API, and nothing of another site, nor the password.
// The person's browser reaches https://www.linkedin.com and friends through provider-front.ts, so the
// extension under test is the very build a person installs (status pages on 127.0.0.1, the catalog's
// host permissions). The stack's own browser reaches the fixture servers through the origin override.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension, type BuiltExtension } from '../../extension/build.ts';
import { getProvider } from '../../functions/core/providers/catalog.ts';
import { ensureExtensionChromium, type ExtensionBrowser, launchWithExtension } from '../support/extension-browser.ts';
import { type FixtureSites, startFixtureSites } from '../support/fixture-sites.ts';
import { person, postJson, startTestStack, type TestStack, verificationToken, waitUntil } from '../support/local-stack.ts';
import { OTHER_SITE, type ProviderFront, startProviderFront } from '../support/provider-front.ts';

let sites: FixtureSites;
let front: ProviderFront;
let t: TestStack;
let built: BuiltExtension;
/** The person's own browser, with the extension. */
let own: ExtensionBrowser;
let buildDir: string;

beforeAll(async () => {
  // Installing Chromium (when missing, as root) takes about 10 s plus apt-get update: its own timeout.
  const executablePath = ensureExtensionChromium();
  buildDir = mkdtempSync(join(tmpdir(), 'optout-extension-'));
  built = buildExtension({ outDir: buildDir });
  sites = await startFixtureSites();
  front = await startProviderFront(sites, ['linkedin', 'pinterest']);
  [t, own] = await Promise.all([
    startTestStack({
      browserJobsIntervalMs: 200,
      env: { OPTOUT_ALLOW_ORIGIN_OVERRIDE: '1', OPTOUT_ORIGIN_OVERRIDE: JSON.stringify(sites.origins) },
    }),
    launchWithExtension({ executablePath, extensionDir: built.outDir, args: front.chromiumArgs }),
  ]);
}, 16 * 60_000);

afterAll(async () => {
  await own?.close();
  await t?.stop();
  await front?.close();
  await sites?.close();
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
});

interface RequestView {
  provider: string;
  status: string;
  sessionUse: string | null;
}

async function submitAndVerify(email: string, accounts: { provider: string; identifier: string }[]) {
  const created = await t.api('/api/submissions', postJson(person({ email, accounts })));
  expect(created.status).toBe(202);
  const mail = await waitUntil('verification mail', async () => (await t.mails()).find((m) => m.destination.to.includes(email)));
  const { statusUrl } = (await t.api(`/api/verify?token=${verificationToken(mail)}`)).body as { statusUrl: string };
  const url = new URL(statusUrl);
  const id = url.pathname.split('/').pop()!;
  const api = `/api/submissions/${id}?t=${encodeURIComponent(url.searchParams.get('t')!)}`;
  const requests = async () => ((await t.api(api)).body as { requests: RequestView[] }).requests;
  return { statusUrl, id, token: url.searchParams.get('t')!, requests };
}

/**
 * The person logs in on the (fixture) site in their own browser, as they would on the real one: open
 * a page (the login page unless given), which sends them to log in, and come back to it.
 */
async function logIn(page: Page, provider: string, password: string, start = front.loginUrl(provider)) {
  await page.goto(start, { waitUntil: 'domcontentloaded' });
  await page.type('#email', 'erika@example.org');
  await page.type('#password', password);
  await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.keyboard.press('Enter')]);
  return front.logins.findLast((l) => l.provider === provider)!;
}

async function openStatusPage(page: Page, statusUrl: string, state: 'offered' | 'none') {
  await page.goto(statusUrl, { waitUntil: 'domcontentloaded' });
  // The content script marks the page once it has decided (after asking the status API).
  await page.waitForSelector(`html[data-optout-handover="${state}"]`, { timeout: 10_000 });
}

async function handOver(page: Page) {
  await page.click('#optout-handover button[data-action=open]');
  await page.waitForSelector('#optout-handover-dialog[open]');
  await page.click('#optout-handover-dialog button[data-action=send]');
  await page.waitForSelector('#optout-handover[data-state=done]', { timeout: 15_000 });
  return page.$$eval('#optout-handover .optout-handover-results li', (items) =>
    items.map((li) => ({ provider: li.getAttribute('data-provider'), result: li.getAttribute('data-result'), text: li.textContent ?? '' })),
  );
}

describe('handing a session over with the extension', () => {
  it('hands over the LinkedIn session in one click, and the browser then switches the setting off', async () => {
    // Prepare: LinkedIn has no privacy address and no session was given, so the request is handed
    // to the person; Reddit gets a letter and needs no session.
    const { statusUrl, id, token, requests } = await submitAndVerify('handover@example.org', [
      { provider: 'linkedin', identifier: 'erika-m' },
      { provider: 'reddit', identifier: 'erika_m' },
    ]);
    await waitUntil('the LinkedIn hand-over', async () => (await requests()).find((r) => r.provider === 'linkedin')?.status === 'needs_user_action');
    expect((await requests()).map((r) => [r.provider, r.sessionUse])).toEqual(
      expect.arrayContaining([
        ['linkedin', 'first-try'],
        ['reddit', null],
      ]),
    );
    const page = await own.browser.newPage();

    // Not logged in yet: the extension says so and sends nothing.
    await openStatusPage(page, statusUrl, 'offered');
    expect(await page.$eval('#optout-handover button[data-action=open]', (b) => b.textContent)).toBe('Meine Sitzung für LinkedIn übergeben…');
    expect(await handOver(page)).toEqual([
      { provider: 'linkedin', result: 'no-cookies', text: expect.stringContaining('keine Cookies für https://www.linkedin.com') },
    ]);
    expect(own.sent).toEqual([]);

    // The person logs in to LinkedIn, to Pinterest (not part of this submission) and to their webmail.
    const settingsPage = getProvider('linkedin').playbooks['genai-training']!.deepLink;
    const linkedin = await logIn(page, 'linkedin', 'correct horse battery staple', settingsPage);
    expect(page.url()).toBe(settingsPage);
    await page.waitForSelector('[data-setting=genai][aria-checked=true]');
    const pinterest = await logIn(page, 'pinterest', 'another secret');
    await page.goto(OTHER_SITE);
    expect((await own.browser.cookies()).map((c) => c.name)).toEqual(expect.arrayContaining(['li_at', '_pinterest_sess', 'webmail_session']));

    // Act: open the status page again, open the dialog, and send.
    await openStatusPage(page, statusUrl, 'offered');
    await page.click('#optout-handover button[data-action=open]');
    await page.waitForSelector('#optout-handover-dialog[open]');
    const dialog = await page.$eval('#optout-handover-dialog', (d) => ({
      providers: Array.from(d.querySelectorAll('li[data-provider]')).map((li) => li.getAttribute('data-provider')),
      origins: Array.from(d.querySelectorAll('.optout-handover-origin')).map((c) => c.textContent),
      destination: d.querySelector('.optout-handover-destination')?.textContent,
      text: d.textContent ?? '',
    }));
    expect(dialog.providers).toEqual(['linkedin']);
    expect(dialog.origins).toEqual(['https://www.linkedin.com']);
    // Where it goes, without the token (the page's own address holds it).
    expect(dialog.destination).toBe(`${t.url}/api/submissions/${id}/sessions`);
    expect(dialog.text).toContain('kein Passwort, keine andere Website');
    // A script on the page cannot press "Send" for the person: the dialog stays open, nothing is sent.
    await page.$eval('#optout-handover-dialog button[data-action=send]', (b) => (b as HTMLButtonElement).click());
    expect(await page.$eval('#optout-handover-dialog', (d) => (d as HTMLDialogElement).open)).toBe(true);
    await page.click('#optout-handover-dialog button[data-action=send]');
    await page.waitForSelector('#optout-handover[data-state=done]', { timeout: 15_000 });
    const results = await page.$$eval('#optout-handover .optout-handover-results li', (items) =>
      items.map((li) => ({ provider: li.getAttribute('data-provider'), result: li.getAttribute('data-result'), text: li.textContent ?? '' })),
    );
    expect(results).toEqual([
      { provider: 'linkedin', result: 'sent', text: expect.stringMatching(/^LinkedIn: (1 Cookie|\d+ Cookies) übergeben \(.*li_at.*\)/) },
    ]);

    // Assess: exactly one request left the extension, to this deployment's session API, holding
    // LinkedIn's cookies and nothing of Pinterest, the webmail or the password.
    expect(own.sent.map((r) => [r.method, r.url])).toEqual([['POST', `${t.url}/api/submissions/${id}/sessions?t=${encodeURIComponent(token)}`]]);
    const body = own.sent[0]!.body!;
    const sentBody = JSON.parse(body) as { provider: string; keep: boolean; cookies: { name: string; value: string; domain: string }[] };
    expect(sentBody).toMatchObject({ provider: 'linkedin', keep: false });
    expect(sentBody.cookies.find((c) => c.name === 'li_at')).toMatchObject({ value: linkedin.session, domain: '.linkedin.com' });
    for (const cookie of sentBody.cookies) expect(cookie.domain).toMatch(/(^|\.)linkedin\.com$/);
    for (const secret of [pinterest.session, front.otherCookieValue, linkedin.password, pinterest.password]) expect(body).not.toContain(secret);

    // The browser job picks the session up and switches the toggle off on the site itself.
    await waitUntil(
      'the LinkedIn request to be confirmed',
      async () => (await requests()).find((r) => r.provider === 'linkedin')?.status === 'confirmed',
      60_000,
    );
    expect(sites.settings('linkedin', linkedin.session)).toMatchObject({ genai: false, decoy: true });
    // Pinterest's session was never used: its setting is as the person left it.
    expect(sites.settings('pinterest', pinterest.session)).toMatchObject({ genai: true });
    await page.close();
  });

  it('cannot read the cookies of a site outside the catalog, even when asked directly', async () => {
    const worker = await own.worker();
    const page = await own.browser.newPage();
    await page.goto(OTHER_SITE);
    await page.close();
    // The browser holds the webmail cookie ...
    expect((await own.browser.cookies()).find((c) => c.name === 'webmail_session')?.value).toBe(front.otherCookieValue);
    // ... and Chrome answers the extension without it: the manifest gives no permission for that host.
    const seen = await worker.evaluate(async (other: string) => {
      const api = (globalThis as unknown as { chrome: { cookies: { getAll(q: object): Promise<{ name: string; domain: string }[]> } } }).chrome.cookies;
      return { other: await api.getAll({ url: `${other}/` }), all: (await api.getAll({})).map((c) => c.domain) };
    }, OTHER_SITE);
    expect(seen.other).toEqual([]);
    expect(seen.all).not.toContain('mail.example.org');
    const permitted = built.manifest.host_permissions.map((p) => new URL(p.replace('/*', '/')).hostname);
    for (const domain of seen.all) expect(permitted).toContain(domain.replace(/^\./, ''));
  });

  it('fits a phone screen (360 px) with its box and dialog, and Cancel sends nothing', async () => {
    const { statusUrl, requests } = await submitAndVerify('phone@example.org', [{ provider: 'linkedin', identifier: 'erika-m' }]);
    await waitUntil('the LinkedIn hand-over', async () => (await requests())[0]?.status === 'needs_user_action');
    const sentBefore = own.sent.length;
    const page = await own.browser.newPage();
    await page.setViewport({ width: 360, height: 740 });
    await openStatusPage(page, statusUrl, 'offered');
    const fits = (selector: string) =>
      page.$eval(selector, (el) => {
        const box = el.getBoundingClientRect();
        return { left: box.left >= 0, right: box.right <= window.innerWidth, noScroll: el.scrollWidth <= el.clientWidth };
      });
    expect(await fits('#optout-handover')).toEqual({ left: true, right: true, noScroll: true });
    await page.click('#optout-handover button[data-action=open]');
    await page.waitForSelector('#optout-handover-dialog[open]');
    expect(await fits('#optout-handover-dialog')).toEqual({ left: true, right: true, noScroll: true });
    await page.click('#optout-handover-dialog button[data-action=cancel]');
    expect(await page.$eval('#optout-handover-dialog', (d) => (d as HTMLDialogElement).open)).toBe(false);
    expect(await page.$eval('#optout-handover', (p) => p.getAttribute('data-state'))).toBe('offered');
    expect(own.sent.length).toBe(sentBefore);
    await page.close();
  });

  it('offers nothing on a status page whose requests need no session', async () => {
    const { statusUrl } = await submitAndVerify('letters-only@example.org', [{ provider: 'reddit', identifier: 'erika_m' }]);
    const page = await own.browser.newPage();
    await openStatusPage(page, statusUrl, 'none');
    expect(await page.$('#optout-handover')).toBeNull();
    await page.close();
  });
});

describe('the session API with a cookie list (what the extension sends)', () => {
  let sessions: string;
  const cookie = (over: Record<string, unknown> = {}) => ({
    name: 'li_at',
    value: 'v',
    domain: '.linkedin.com',
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'lax',
    session: true,
    ...over,
  });

  beforeAll(async () => {
    const { id, token } = await submitAndVerify('list-api@example.org', [{ provider: 'linkedin', identifier: 'erika-m' }]);
    sessions = `/api/submissions/${id}/sessions?t=${encodeURIComponent(token)}`;
  });

  it('accepts a list of cookie objects and keeps only those of the provider', async () => {
    const answer = await t.api(sessions, postJson({ provider: 'linkedin', cookies: [cookie(), cookie({ name: 'sid', domain: '.example.com' })] }));
    expect(answer).toMatchObject({ status: 201, body: { provider: 'linkedin', cookies: 1, keep: false } });
  });

  it('refuses a bad list with 400 naming the field and why, like a bad cookie file', async () => {
    const refused = async (cookies: unknown) => {
      const answer = await t.api(sessions, postJson({ provider: 'linkedin', cookies }));
      expect(answer.status).toBe(400);
      return (answer.body as { error: string; issues: { path: string; message: string }[] }).issues;
    };
    expect(await refused([cookie({ domain: '.example.com' })])).toEqual([
      { path: 'cookies', message: expect.stringMatching(/no cookies for www\.linkedin\.com/) },
    ]);
    expect(await refused([{ value: 'v', domain: '.linkedin.com' }])).toEqual([{ path: 'cookies', message: 'cookie 1 has no "name" text field' }]);
    expect(await refused([])).toEqual([{ path: 'cookies', message: 'the cookie file holds no cookies' }]);
    expect(await refused(42)).toEqual([{ path: 'cookies', message: 'must be a text (an exported cookie file) or a list of cookie objects' }]);
    // The same size limit as a file: the list written as JSON may be 200,000 characters at most.
    expect(await refused([cookie({ value: 'x'.repeat(200_000) })])).toEqual([{ path: 'cookies', message: 'is too large (200000 characters at most)' }]);
  });
});
