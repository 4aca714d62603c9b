// A person in a real browser (Chromium from @sparticuz/chromium, driven by puppeteer-core): fills the
// form with five accounts, follows the verification link from the mailbox, reads the status page.
import type { Browser } from 'puppeteer-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../functions/browser/launch.ts';
import { startTestStack, verificationToken, waitUntil, type TestStack } from '../support/local-stack.ts';

let t: TestStack;
let browser: Browser;

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestStack(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const ACCOUNTS = [
  ['reddit', 'erika_m'],
  ['pinterest', 'erika.pins'],
  ['discord', 'erika#4242'],
  ['facebook', 'erika.mustermann'],
  ['linkedin', 'erika-mustermann'],
] as const;

describe('the web form', () => {
  it('takes five accounts, verifies the address, and shows one request per account', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.url}/`, { waitUntil: 'networkidle0' });
    await page.type('#name', 'Erika Mustermann');
    await page.type('#email', 'erika@example.org');
    await page.type('#jurisdiction', 'DE-BE');
    for (let i = 1; i < ACCOUNTS.length; i++) await page.click('#add-account');
    const rows = await page.$$('#accounts .account');
    expect(rows).toHaveLength(5);
    for (const [i, [provider, identifier]] of ACCOUNTS.entries()) {
      await rows[i]!.$eval('select[name=provider]', (el, value) => {
        (el as HTMLSelectElement).value = value;
      }, provider);
      await (await rows[i]!.$('input[name=identifier]'))!.type(identifier);
    }
    // Two of the guided grounds and a text of their own: the objection letters state them.
    await page.click('#grounds input[value=photos-of-others]');
    await page.click('#grounds input[value=safety]');
    await page.type('#grounds-text', 'Someone who stalks me follows my posts.');
    await page.type('#signature', 'Erika Mustermann');
    await page.click('#consent');
    await page.click('#send');
    await page.waitForFunction(() => document.getElementById('result')?.textContent?.includes('we sent you an email'), { timeout: 10_000 });

    const mail = await waitUntil('verification mail', async () => (await t.mails()).find((m) => m.destination.to.includes('erika@example.org')));
    await page.goto(`${t.url}/verify?token=${verificationToken(mail)}`, { waitUntil: 'networkidle0' });
    // Opening the link alone (as a mail scanner would) confirms nothing.
    await new Promise((r) => setTimeout(r, 500));
    expect((await t.mails()).filter((m) => m.destination.cc.includes('erika@example.org'))).toEqual([]);
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#confirm')]);
    const statusHref = await page.$eval('#status-link', (a) => (a as HTMLAnchorElement).href);

    const rowsOnPage = await waitUntil('every request dispatched on the status page', async () => {
      await page.goto(statusHref, { waitUntil: 'networkidle0' });
      const found = await page.$$eval('tr.request', (trs) =>
        trs.map((tr) => ({ provider: tr.getAttribute('data-provider'), status: tr.getAttribute('data-status'), channel: tr.getAttribute('data-channel') })),
      );
      return found.length === 5 && found.every((r) => r.status !== 'queued') ? found : undefined;
    });
    const byProvider = Object.fromEntries(rowsOnPage.map((r) => [r.provider, r]));
    expect(byProvider.reddit).toEqual({ provider: 'reddit', status: 'sent', channel: 'email' });
    expect(byProvider.pinterest).toEqual({ provider: 'pinterest', status: 'sent', channel: 'email' });
    expect(byProvider.discord).toEqual({ provider: 'discord', status: 'sent', channel: 'email' });
    expect(byProvider.facebook).toEqual({ provider: 'facebook', status: 'needs_user_action', channel: 'webform' });
    expect(byProvider.linkedin).toEqual({ provider: 'linkedin', status: 'needs_user_action', channel: 'settings' });
    // The hand-over tells the person what to do and links to the place.
    const action = await page.$eval('tr[data-provider=facebook] .user-action', (el) => el.textContent ?? '');
    expect(action).toMatch(/form/i);
    // The grounds chosen in the form are in the letter Reddit received.
    const letter = (await t.mails()).find((m) => m.destination.to.includes('redditdatarequests@reddit.com'));
    expect(letter?.body.text).toContain(
      [
        'My grounds relate to my particular situation:',
        '- My content includes photos of my children or of other people.',
      ].join('\n'),
    );
    expect(letter?.body.text).toContain('- I have been harassed or threatened, or have reason to fear it.');
    expect(letter?.body.text).toContain('In my own words:\nSomeone who stalks me follows my posts.');
  });

  it('shows each field error next to the form when the input is wrong', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.url}/`, { waitUntil: 'networkidle0' });
    await page.type('#email', 'not an address');
    await page.click('#send');
    await page.waitForSelector('#errors li', { timeout: 10_000 });
    const errors = await page.$$eval('#errors li', (items) => items.map((li) => li.textContent));
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/^email: /), expect.stringMatching(/^consent: /), expect.stringMatching(/^name: /)]));
  });

  it('speaks German when asked, and the person then gets German mail even outside Germany', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.url}/`, { waitUntil: 'networkidle0' });
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#other-language')]);
    expect(await page.$eval('html', (el) => el.lang)).toBe('de');
    expect(await page.$eval('#send', (el) => el.textContent)).toBe('Anfragen senden');
    await page.type('#name', 'Jana Novak');
    await page.type('#email', 'jana@example.org');
    await page.type('#jurisdiction', 'CZ');
    await page.$eval('#accounts .account select[name=provider]', (el) => {
      (el as HTMLSelectElement).value = 'reddit';
    });
    await page.type('#accounts .account input[name=identifier]', 'jana_n');
    await page.type('#signature', 'Jana Novak');
    await page.click('#consent');
    await page.click('#send');
    await page.waitForFunction(() => document.getElementById('result')?.textContent?.startsWith('Fast geschafft'), { timeout: 10_000 });
    const mail = await waitUntil('verification mail', async () => (await t.mails()).find((m) => m.destination.to.includes('jana@example.org')));
    expect(mail.body.text).toMatch(/bestätigen/);
  });

  it("signs the authorization on the form, and a Californian's letter to the provider carries it as a PDF naming the person, the business and the requests", async () => {
    const page = await browser.newPage();
    await page.goto(`${t.url}/`, { waitUntil: 'networkidle0' });
    await page.type('#name', 'Sam Łukasiewicz Rivera');
    await page.type('#email', 'sam.ca@example.com');
    await page.type('#jurisdiction', 'US-CA');
    await page.select('#accounts .account select[name=provider]', 'reddit');
    await page.type('#accounts .account input[name=identifier]', 'samr_ca');
    // The authorization is shown above the signature field, with the chosen service filled in.
    expect(await page.$eval('#authorization-text', (el) => el.textContent)).toMatch(/authorize Optout Autopilot \(optout@autopilot\.localhost\) to act as my authorized agent/);
    expect(await page.$$eval('#authorization-businesses li', (items) => items.map((li) => li.textContent))).toEqual(['Reddit']);
    // A signature that is not the name is refused, naming the field.
    await page.type('#signature', 'Sam Rivera');
    await page.click('#consent');
    await page.click('#send');
    await page.waitForSelector('#errors li', { timeout: 10_000 });
    expect(await page.$$eval('#errors li', (items) => items.map((li) => li.textContent))).toEqual([
      'signature: must be your full name as given in name (type it as your signature)',
    ]);
    await page.$eval('#signature', (el) => {
      (el as HTMLInputElement).value = '';
    });
    await page.type('#signature', 'sam łukasiewicz rivera');
    await page.click('#send');
    await page.waitForFunction(() => document.getElementById('result')?.textContent?.includes('we sent you an email'), { timeout: 10_000 });

    const mail = await waitUntil('verification mail', async () => (await t.mails()).find((m) => m.destination.to.includes('sam.ca@example.com')));
    await page.goto(`${t.url}/verify?token=${verificationToken(mail)}`, { waitUntil: 'networkidle0' });
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#confirm')]);

    const letter = await waitUntil('the letter to Reddit', async () =>
      (await t.mails()).find((m) => m.destination.to.includes('redditdatarequests@reddit.com') && m.destination.cc.includes('sam.ca@example.com')),
    );
    const reference = /ref (OA-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(letter.subject)![1]!;
    expect(letter.body.text).toContain(
      `My signed authorization is attached to this email as authorization-${reference}.pdf (11 CCR § 7026 and 11 CCR § 7063).`,
    );
    const pdfs = letter.attachments.filter((a) => a.contentType === 'application/pdf');
    expect(pdfs.map((a) => a.filename)).toEqual([`authorization-${reference}.pdf`]);
    const pdf = new Uint8Array(Buffer.from(pdfs[0]!.content!, 'base64'));
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    // The person (as named and as signed), the business the letter goes to, and the requests.
    expect(flat).toContain('I, Sam Łukasiewicz Rivera (sam.ca@example.com), authorize Optout Autopilot');
    expect(flat).toContain('sam łukasiewicz rivera');
    expect(flat).toContain('Reddit, Inc. (Reddit)');
    expect(flat).toContain('to opt out of the sale and sharing of my personal information (Cal. Civ. Code § 1798.120)');
    expect(flat).toContain('to limit the use and disclosure of my sensitive personal information (Cal. Civ. Code § 1798.121)');
    // The email-verification trail: confirmed with the button on the page (a POST).
    expect(flat).toMatch(/Email address confirmed: sam\.ca@example\.com, by the link mailed to it at .* UTC, confirmed at .* UTC \(POST \/verify\)/);
  });
});
