// The settings channel end to end: a person gives their Pinterest session through the form, the
// workflow switches the GenAI toggle off on the (fixture) site in real Chromium, reads it back, and
// the status page shows the request confirmed with screenshots. Without a session: the letter.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../functions/browser/launch.ts';
import { startFixtureSites, type FixtureSites } from '../support/fixture-sites.ts';
import { dispatched, person, postJson, startTestStack, verificationToken, waitUntil, type TestStack } from '../support/local-stack.ts';

let sites: FixtureSites;
let t: TestStack;
let browser: Browser;
const workflowEvents: string[] = [];
const logged: string[] = [];
const originalWrite = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };

beforeAll(async () => {
  sites = await startFixtureSites();
  // Capture everything the system logs while it handles the session.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    logged.push(String(chunk));
    return originalWrite.out(chunk, ...rest);
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    logged.push(String(chunk));
    return originalWrite.err(chunk, ...rest);
  }) as typeof process.stderr.write;
  [t, browser] = await Promise.all([
    startTestStack({
      env: { OPTOUT_ALLOW_ORIGIN_OVERRIDE: '1', OPTOUT_ORIGIN_OVERRIDE: JSON.stringify(sites.origins) },
      onWorkflowEvent: (entry) => workflowEvents.push(JSON.stringify(entry)),
    }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  process.stdout.write = originalWrite.out;
  process.stderr.write = originalWrite.err;
  await browser?.close();
  await t?.stop();
  await sites?.close();
});

interface StatusBody {
  requests: {
    provider: string;
    channel: string;
    status: string;
    userAction: string | null;
    deepLink: string | null;
    events: { kind: string; detail: string; evidence: string[] }[];
  }[];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('a Pinterest session given through the form', () => {
  let cookieValue = '';
  let statusUrl = '';

  it('switches the GenAI toggle off, reads it back, and shows the request confirmed with screenshots', async () => {
    const cookie = sites.newSession('pinterest');
    cookieValue = cookie.value;
    const cookieFile = join(t.dataDir, '..', `pinterest-cookies-${Date.now()}.json`);
    writeFileSync(cookieFile, JSON.stringify([cookie]));

    const page = await browser.newPage();
    await page.goto(`${t.url}/`, { waitUntil: 'networkidle0' });
    await page.type('#name', 'Erika Mustermann');
    await page.type('#email', 'erika.pins@example.org');
    await page.select('#jurisdiction', 'DE-BE');
    await page.waitForSelector('#groups[data-jurisdiction="DE-BE"]');
    await page.click('li.provider[data-slug=pinterest] .pick');
    await page.type('li.provider[data-slug=pinterest] .identifier', 'erika.pins');
    // The cookie file is the form's folded-away fallback (the status page is where sessions are handed over).
    await page.click('li.provider[data-slug=pinterest] details.session summary');
    const upload = await page.$('li.provider[data-slug=pinterest] input.session-file');
    await (upload as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(cookieFile);
    await page.type('#signature', 'Erika Mustermann');
    await page.click('#consent');
    await page.click('#send');
    await page.waitForFunction(() => document.getElementById('result')?.textContent?.includes('we sent you an email'), { timeout: 10_000 });

    const mail = await waitUntil('verification mail', async () => (await t.mails()).find((m) => m.destination.to.includes('erika.pins@example.org')));
    const verified = await t.api(`/api/verify?token=${verificationToken(mail)}`);
    statusUrl = (verified.body as { statusUrl: string }).statusUrl;
    const apiUrl = statusUrl.replace('/status/', '/api/submissions/');
    const status = await waitUntil(
      'the Pinterest request to settle',
      async () => {
        const view = (await (await fetch(apiUrl)).json()) as StatusBody;
        return view.requests[0] && dispatched(view.requests[0]) ? view : undefined;
      },
      60_000,
    );
    const request = status.requests[0]!;
    expect(request).toMatchObject({ provider: 'pinterest', channel: 'settings', status: 'confirmed' });
    const confirmation = request.events.find((e) => e.kind === 'confirmed')!;
    expect(confirmation.evidence.length).toBeGreaterThanOrEqual(2);
    // What the site itself now holds for this session: the toggle is off.
    expect(Object.values(sites.settings('pinterest', cookieValue) ?? { missing: true })).toContain(false);

    await page.goto(statusUrl, { waitUntil: 'networkidle0' });
    expect(await page.$eval('article.request-card[data-provider=pinterest]', (card) => card.getAttribute('data-status'))).toBe('confirmed');
    const shot = await page.$eval('article.request-card[data-provider=pinterest] .evidence img', (img) => (img as HTMLImageElement).src);
    const image = await fetch(shot);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await image.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  it('never puts the session cookie in workflow state, logs, the table or the data folder in clear text', async () => {
    expect(cookieValue.length).toBeGreaterThan(10);
    expect(workflowEvents.length).toBeGreaterThan(0);
    expect(workflowEvents.join('\n')).not.toContain(cookieValue);
    expect(logged.join('')).not.toContain(cookieValue);
    const { Items } = await t.stack.runtime.table.send(new ScanCommand({ TableName: 'optout' }));
    expect(JSON.stringify(Items)).not.toContain(cookieValue);
    for (const file of filesUnder(t.dataDir)) {
      expect(readFileSync(file).includes(Buffer.from(cookieValue)), file).toBe(false);
    }
  });
});

describe('without a session', () => {
  it('falls back to the letter where the provider has an address, and hands over where it has none', async () => {
    const created = await t.api(
      '/api/submissions',
      postJson(
        person({
          email: 'nosession@example.org',
          accounts: [
            { provider: 'pinterest', identifier: 'erika.pins' },
            { provider: 'linkedin', identifier: 'erika-m' },
          ],
        }),
      ),
    );
    expect(created.status).toBe(202);
    const mail = await waitUntil('verification mail', async () => (await t.mails()).find((m) => m.destination.to.includes('nosession@example.org')));
    const verified = await t.api(`/api/verify?token=${verificationToken(mail)}`);
    const apiUrl = (verified.body as { statusUrl: string }).statusUrl.replace('/status/', '/api/submissions/');
    const status = await waitUntil('both requests dispatched', async () => {
      const view = (await (await fetch(apiUrl)).json()) as StatusBody;
      return view.requests.length === 2 && view.requests.every(dispatched) ? view : undefined;
    });
    const byProvider = Object.fromEntries(status.requests.map((r) => [r.provider, r]));
    expect(byProvider.pinterest).toMatchObject({ channel: 'email', status: 'sent' });
    expect(byProvider.linkedin).toMatchObject({ status: 'needs_user_action' });
  });
});

describe('a session given later on the status page', () => {
  it("takes an exported cookie file through the page, in the person's language, and names what is wrong with a bad one", async () => {
    const email = 'page-upload@example.org';
    const created = await t.api('/api/submissions', postJson(person({ email, accounts: [{ provider: 'linkedin', identifier: 'erika-m' }] })));
    expect(created.status).toBe(202);
    const mail = await waitUntil('verification mail', async () => (await t.mails()).find((m) => m.destination.to.includes(email)));
    const { statusUrl } = (await t.api(`/api/verify?token=${verificationToken(mail)}`)).body as { statusUrl: string };
    await waitUntil('hand-over', async () => {
      const view = (await (await fetch(statusUrl.replace('/status/', '/api/submissions/'))).json()) as StatusBody;
      return view.requests[0]?.status === 'needs_user_action';
    });

    const page = await browser.newPage();
    try {
      await page.goto(statusUrl, { waitUntil: 'networkidle0' });
      const form = 'article.request-card[data-provider=linkedin] form.session';
      // A person in Germany: the page speaks German.
      expect(await page.$eval(`${form} button`, (b) => b.textContent)).toBe('Sitzung hochladen');
      const upload = async (content: string) => {
        const file = join(t.dataDir, '..', `linkedin-cookies-${Date.now()}.json`);
        writeFileSync(file, content);
        await page.$eval(`${form} .session-result`, (el) => {
          el.textContent = '';
        });
        const input = await page.$(`${form} input[name=cookies]`);
        await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
        await page.click(`${form} button`);
        await page.waitForFunction((sel) => (document.querySelector(sel)?.textContent ?? '').length > 0, {}, `${form} .session-result`);
        return page.$eval(`${form} .session-result`, (el) => el.textContent ?? '');
      };
      // Cookies of another site: refused, and the message says which field and why.
      expect(await upload(JSON.stringify([{ name: 'sid', value: 'x', domain: '.example.com' }]))).toMatch(/^cookies: .*linkedin/i);
      expect(await upload(JSON.stringify([sites.newSession('linkedin')]))).toBe('Sitzung gespeichert (1 Cookies). Wir verwenden sie innerhalb einer Stunde.');
    } finally {
      await page.close();
    }
  });
});

describe('a session that the browser cannot use', () => {
  async function runWith(mode: 'renamed_control' | 'captcha', email: string) {
    sites.setMode('pinterest', mode);
    try {
      const session = JSON.stringify([sites.newSession('pinterest')]);
      const created = await t.api('/api/submissions', postJson(person({ email, accounts: [{ provider: 'pinterest', identifier: 'erika.pins', session }] })));
      expect(created.status).toBe(202);
      const mail = await waitUntil('verification mail', async () => (await t.mails()).find((m) => m.destination.to.includes(email)));
      const verified = await t.api(`/api/verify?token=${verificationToken(mail)}`);
      const apiUrl = (verified.body as { statusUrl: string }).statusUrl.replace('/status/', '/api/submissions/');
      return await waitUntil(
        'the request to settle',
        async () => {
          const view = (await (await fetch(apiUrl)).json()) as StatusBody;
          const r = view.requests[0];
          return r && dispatched(r) ? r : undefined;
        },
        60_000,
      );
    } finally {
      sites.setMode('pinterest', 'normal');
    }
  }

  it('falls back to the letter, with the failure and its screenshot on record, when the page no longer matches', async () => {
    const request = await runWith('renamed_control', 'renamed@example.org');
    expect(request).toMatchObject({ channel: 'email', status: 'sent' });
    const kinds = request.events.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['browser_failed', 'fallback', 'sent']));
    expect(request.events.find((e) => e.kind === 'browser_failed')!.evidence.length).toBeGreaterThan(0);
    expect((await t.mails()).filter((m) => m.destination.cc.includes('renamed@example.org'))).toHaveLength(1);
  });

  it('hands over to the person with a deep link when a CAPTCHA stops it, and never reports it done', async () => {
    const request = await runWith('captcha', 'captcha@example.org');
    expect(request.status).toBe('needs_user_action');
    expect(request.events.map((e) => e.kind)).toContain('browser_stopped');
    expect(request.events.map((e) => e.kind)).not.toContain('confirmed');
    expect(request.userAction).toMatch(/captcha/i);
    expect(request.deepLink).toBe('https://www.pinterest.com/settings/privacy');
    expect(request.events.find((e) => e.kind === 'browser_stopped')!.evidence.length).toBeGreaterThan(0);
  });
});
