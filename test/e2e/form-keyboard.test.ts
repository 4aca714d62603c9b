// The whole form with the keyboard alone: Tab to move, typing, Space to tick, Enter to press; never
// a click. From the empty form to the confirmation mail, and from the mailed link to the status page.
import type { Browser, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { verificationToken, type TestStack } from '../support/local-stack.ts';
import { verificationMail } from './form-support.ts';
import { useStackAndBrowser } from '../support/stack-and-browser.ts';

let t: TestStack;
let browser: Browser;

useStackAndBrowser((stack, b) => {
  t = stack;
  browser = b;
});

/** Presses Tab (Shift+Tab with `back`) until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(page: Page, selector: string, { back = false, max = 150 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (back) await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    if (back) await page.keyboard.up('Shift');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${max} presses of Tab never reached ${selector}`);
}

function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}` : '';
  });
}

describe('the form with the keyboard alone', () => {
  it('is completed with Tab, typing, Space and Enter: residence, search, a ticked service, preview, signature, consent, send, confirm', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.url}/?lang=en`, { waitUntil: 'networkidle0' });

    await tabTo(page, '#name');
    await page.keyboard.type('Kim Keyboard');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('input#email');
    await page.keyboard.type('kim.keys@example.org');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('select#jurisdiction');
    // Typing a name in a list chooses it, as in any select.
    const grouped = page.waitForSelector('#groups[data-jurisdiction="DE-BE"]');
    await page.keyboard.type('Berlin');
    await grouped;
    expect(await page.$eval('#jurisdiction', (s) => (s as HTMLSelectElement).value)).toBe('DE-BE');

    // The search: type, Tab to the result, Enter. The account field is next.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('input#company-search');
    await page.keyboard.type('reddit');
    await page.waitForSelector('#company-results button[data-slug=reddit]');
    await tabTo(page, '#company-results button[data-slug=reddit]');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.closest('li.provider')?.getAttribute('data-slug'))).toBe('reddit');
    await page.keyboard.type('kim_keys');

    // A service ticked in its group with Space; its account field opens right after it.
    await tabTo(page, 'li.provider[data-slug=linkedin] .pick');
    await page.keyboard.press('Space');
    expect(await page.$eval('li.provider[data-slug=linkedin] .pick', (b) => (b as HTMLInputElement).checked)).toBe(true);
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('identifier') && document.activeElement.closest('li')?.getAttribute('data-slug')),
    ).toBe('linkedin');
    await page.keyboard.type('kim-keys');

    // A reason, ticked with Space.
    await tabTo(page, '#grounds input[value=safety]');
    await page.keyboard.press('Space');

    // The preview, with Enter; the focus moves to it.
    await tabTo(page, '#preview-button');
    const previewed = page.waitForSelector('#preview:not([hidden]) details[data-provider=reddit]');
    await page.keyboard.press('Enter');
    await previewed;
    expect(await focused(page)).toBe('section#preview');
    expect(await page.$$eval('#preview-accounts > *', (items) => items.map((i) => i.getAttribute('data-provider')))).toEqual(['reddit', 'linkedin']);

    await tabTo(page, '#signature');
    await page.keyboard.type('Kim Keyboard');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('input#consent');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button#send');
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/submissions'));
    await page.keyboard.press('Enter');
    expect((await answered).status()).toBe(202);
    await page.waitForFunction(() => document.getElementById('result')?.textContent?.includes('we sent you an email'));
    expect(await focused(page)).toBe('div#result');

    // The mailed link, then the button and the status link, with the keyboard too.
    const mail = await verificationMail(t, 'kim.keys@example.org');
    await page.goto(`${t.url}/verify?token=${verificationToken(mail)}`, { waitUntil: 'networkidle0' });
    await tabTo(page, '#confirm');
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.keyboard.press('Enter')]);
    await tabTo(page, '#status-link');
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toMatch(/^\/status\//);
  });

  it('reaches every error from the summary with the keyboard', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.url}/?lang=de`, { waitUntil: 'networkidle0' });
    await tabTo(page, '#send');
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/submissions'));
    await page.keyboard.press('Enter');
    expect((await answered).status()).toBe(400);
    await page.waitForSelector('#error-summary:not([hidden]) #errors li');
    expect(await focused(page)).toBe('div#error-summary');
    // Tab to the first link in the summary, Enter: the field itself has the focus.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#name');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('input#name');
    expect(await page.$eval('#name', (i) => i.getAttribute('aria-describedby'))).toBe('name-error');
  });
});
