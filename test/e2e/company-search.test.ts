// A person in a real browser finds a company that is not in the form's list by searching for it
// (GET /api/companies), picks it, and the letter goes to that company's privacy address.
import type { Browser } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { verificationToken, waitUntil, type TestStack } from '../support/local-stack.ts';
import { useStackAndBrowser } from '../support/stack-and-browser.ts';

let t: TestStack;
let browser: Browser;

useStackAndBrowser((stack, b) => {
  t = stack;
  browser = b;
});

describe("the form's company search", () => {
  it('keeps the long tail out of the page: the list holds the curated providers only', async () => {
    const html = await (await fetch(`${t.url}/`)).text();
    expect(html).not.toContain('dn:');
    expect(html.length).toBeLessThan(60_000);
  });

  it('finds a company by domain, adds it to the list, names it in the authorization, and its letter goes out', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.url}/?lang=en`, { waitUntil: 'networkidle0' });
    await page.type('#name', 'Erika Mustermann');
    await page.type('#email', 'erika.search@example.org');
    await page.select('#jurisdiction', 'DE-BE');
    await page.waitForSelector('#groups[data-jurisdiction="DE-BE"]');
    await page.type('#company-search', '23andme.com');
    const result = await page.waitForSelector('#company-results button[data-slug="dn:23andme"]', { timeout: 10_000 });
    expect(await result!.evaluate((b) => b.textContent)).toMatch(/^23andMe, Inc\. \(23andme\.com, US\) – We send a letter$/);
    await result!.click();
    const row = (await page.$('li.provider[data-slug="dn:23andme"]'))!;
    expect(await row.$eval('.pick', (b) => (b as HTMLInputElement).checked)).toBe(true);
    expect(await page.$$eval('#company-results li', (items) => items.length)).toBe(0);
    expect(await page.$$eval('#authorization-businesses li', (items) => items.map((li) => li.textContent))).toEqual(['23andMe, Inc.']);

    // A query nothing matches says so.
    await page.type('#company-search', 'qxzvwq');
    await page.waitForFunction(() => document.querySelector('#company-results li')?.textContent?.startsWith('No company found'), { timeout: 10_000 });

    await (await row.$('.identifier'))!.type('erika.search@example.org');
    await page.type('#signature', 'Erika Mustermann');
    await page.click('#consent');
    await page.click('#send');
    await page.waitForFunction(() => document.getElementById('result')?.textContent?.includes('we sent you an email'), { timeout: 10_000 });

    const mail = await waitUntil('verification mail', async () => (await t.mails()).find((m) => m.destination.to.includes('erika.search@example.org')));
    expect(mail.body.text).toContain('23andMe, Inc.: erika.search@example.org');
    const verified = await t.api(`/api/verify?token=${verificationToken(mail)}`);
    expect(verified.status).toBe(200);
    const letter = await waitUntil('the letter', async () => (await t.mails()).find((m) => m.destination.to.includes('privacy@23andme.com')));
    expect(letter.body.text).toContain('899 West Evelyn Avenue');
  });
});
