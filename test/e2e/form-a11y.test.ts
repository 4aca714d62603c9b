// Accessibility and layout of the form and the confirmation page, as tests: axe-core (the real
// library) finds no serious or critical violation in English and German, on the page as it loads and
// in every state the form reaches (grouped catalog, preview, errors, and without JavaScript), and no
// page scrolls sideways on a 360 px wide phone.
import type { Browser, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { person, postJson, verificationToken, type TestStack } from '../support/local-stack.ts';
import { chooseResidence, horizontalOverflow, pickProvider, seriousViolations, verificationMail } from './form-support.ts';
import { useStackAndBrowser } from '../support/stack-and-browser.ts';

let t: TestStack;
let browser: Browser;

useStackAndBrowser((stack, b) => {
  t = stack;
  browser = b;
});

const LANGS = ['en', 'de'] as const;
const WIDTHS = [360, 1280] as const;

/** The form filled in as far as the preview, with a letter, a hand-over and a long-tail company. */
async function formWithPreview(page: Page, lang: string): Promise<void> {
  await page.goto(`${t.url}/?lang=${lang}`, { waitUntil: 'networkidle0' });
  await page.type('#name', 'Erika Mustermann-Lüdenscheid');
  await page.type('#email', 'erika.mustermann-luedenscheid@example.org');
  await chooseResidence(page, 'DE-NW');
  await pickProvider(page, 'reddit', 'erika_with_a_rather_long_username_1987');
  await pickProvider(page, 'linkedin', 'erika-mustermann');
  await pickProvider(page, 'tiktok', 'erika.m');
  await page.click('li.provider[data-slug=linkedin] details.session summary');
  await page.type('#company-search', '23andme.com');
  await (await page.waitForSelector('#company-results button[data-slug="dn:23andme"]'))!.click();
  await page.keyboard.type('erika@example.org');
  await page.click('#preview-button');
  await page.waitForSelector('#preview:not([hidden]) details[data-provider=reddit]');
}

/** The form after a send with everything wrong: errors next to the fields and in the summary. */
async function formWithErrors(page: Page, lang: string): Promise<void> {
  await page.goto(`${t.url}/?lang=${lang}`, { waitUntil: 'networkidle0' });
  await page.type('#email', 'not an address');
  await chooseResidence(page, 'FR');
  await page.click('li.provider[data-slug=reddit] .pick');
  await page.click('#send');
  await page.waitForSelector('#error-summary:not([hidden]) #errors li');
}

async function verifyPage(page: Page, lang: string): Promise<void> {
  const email = `a11y.${lang}.${Date.now()}@example.org`;
  const submitted = await t.api('/api/submissions', postJson(person({ email, lang })));
  expect(submitted.status).toBe(202);
  await page.goto(`${t.url}/verify?token=${verificationToken(await verificationMail(t, email))}`, { waitUntil: 'networkidle0' });
}

describe('the check itself', () => {
  it('finds a critical violation where there is one: a field without a label', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.url}/?lang=en`, { waitUntil: 'networkidle0' });
    await page.$eval('#name', (input) => {
      document.querySelector('label[for=name]')?.remove();
      input.removeAttribute('aria-describedby');
    });
    expect((await seriousViolations(page)).map((v) => [v.id, v.nodes])).toContainEqual(['label', ['#name']]);
  });
});

describe.each(LANGS)('in %s', (lang) => {
  it('axe-core finds no serious or critical violation on the form, as it loads, with the preview open, and with errors', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.url}/?lang=${lang}`, { waitUntil: 'networkidle0' });
    expect(await page.$eval('html', (h) => h.lang)).toBe(lang);
    expect(await seriousViolations(page)).toEqual([]);
    await formWithPreview(page, lang);
    expect(await seriousViolations(page)).toEqual([]);
    await formWithErrors(page, lang);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('axe-core finds no serious or critical violation on the form without JavaScript, errors included', async () => {
    const page = await browser.newPage();
    // Each page loads with scripts off, so form.js never runs; they are switched on only for axe-core to run in the page as loaded.
    const withoutScripts = async (load: () => Promise<unknown>) => {
      await page.setJavaScriptEnabled(false);
      await load();
      await page.setJavaScriptEnabled(true);
    };
    await withoutScripts(() => page.goto(`${t.url}/?lang=${lang}`, { waitUntil: 'networkidle0' }));
    expect(await page.$eval('#basic-account', (d) => (d as HTMLElement).hidden)).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await withoutScripts(() => Promise.all([page.waitForNavigation(), page.click('#send')]));
    expect(await page.$$('#errors li')).not.toHaveLength(0);
    expect(await page.$eval('#basic-account', (d) => (d as HTMLElement).hidden)).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('axe-core finds no serious or critical violation on the confirmation page, nor on the page after it', async () => {
    const page = await browser.newPage();
    await verifyPage(page, lang);
    expect(await page.$eval('html', (h) => h.lang)).toBe(lang);
    expect(await seriousViolations(page)).toEqual([]);
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#confirm')]);
    expect(await page.$('#status-link')).not.toBeNull();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it.each(WIDTHS)('nothing scrolls sideways at %i px: the form in each state, and the confirmation page', async (width) => {
    const page = await browser.newPage();
    await page.setViewport({ width, height: 800 });
    await page.goto(`${t.url}/?lang=${lang}`, { waitUntil: 'networkidle0' });
    expect(await horizontalOverflow(page)).toBe(0);
    await formWithPreview(page, lang);
    // Every letter unfolded, the longest lines included.
    await page.$$eval('#preview details', (all) => {
      for (const d of all) (d as HTMLDetailsElement).open = true;
    });
    expect(await horizontalOverflow(page)).toBe(0);
    await formWithErrors(page, lang);
    expect(await horizontalOverflow(page)).toBe(0);
    await verifyPage(page, lang);
    expect(await horizontalOverflow(page)).toBe(0);
  });
});

describe('the error page', () => {
  it('in French, as a bad verification link shows it: axe-core finds no serious or critical violation, and nothing scrolls sideways at 360 px', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 360, height: 800 });
    const response = await page.goto(`${t.url}/verify?token=abc.def&lang=fr`, { waitUntil: 'networkidle0' });
    expect(response!.status()).toBe(404);
    expect(await page.$eval('html', (h) => h.lang)).toBe('fr');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBe(0);
  });
});
