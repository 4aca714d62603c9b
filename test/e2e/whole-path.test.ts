// The whole path as a person takes it, on a phone (360 px) and on a desktop (1280 px), in English and
// German: the place of residence and two services chosen from the lists, a third company found by
// search, the preview, the signature, the verification mail (read from the SES emulator the local
// stack runs), its button, and the status page with one card per account. Each step is kept as a
// screenshot under test-artifacts/whole-path/ (docs/screenshots/ holds two of them for the README).
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { TestStack } from '../support/local-stack.ts';
import { artifactDir, chooseResidence, dispatchedRequests, horizontalOverflow, pickProvider, sendForm, verificationMail } from './form-support.ts';
import { useStackAndBrowser } from '../support/stack-and-browser.ts';

let t: TestStack;
let browser: Browser;

useStackAndBrowser((stack, b) => {
  t = stack;
  browser = b;
});

const PATHS = [
  { lang: 'en', width: 1280, name: 'Erika Mustermann', residence: 'DE-BE', sent: /we sent you an email/ },
  { lang: 'en', width: 360, name: 'Erika Mustermann', residence: 'DE-BE', sent: /we sent you an email/ },
  { lang: 'de', width: 1280, name: 'Jürgen Schäfer', residence: 'DE-BY', sent: /^Fast geschafft/ },
  { lang: 'de', width: 360, name: 'Jürgen Schäfer', residence: 'DE-BY', sent: /^Fast geschafft/ },
] as const;

const CHOSEN = ['reddit', 'linkedin', 'dn:23andme'];

describe('the whole path', () => {
  it.each(PATHS)(
    'in $lang at $width px: lists, search, preview, signature, mail, confirmation, status page',
    async ({ lang, width, name, residence, sent }) => {
      const dir = artifactDir('whole-path');
      const page = await browser.newPage();
      await page.setViewport({ width, height: 900 });
      const step = async (label: string, p: Page = page) => {
        // No page scrolls sideways, at either width.
        expect(await horizontalOverflow(p), label).toBe(0);
        await p.screenshot({ path: join(dir, `${lang}-${width}-${label}.png`), fullPage: true });
      };
      const email = `whole.${lang}.${width}@example.org`;

      await page.goto(`${t.url}/?lang=${lang}`, { waitUntil: 'networkidle0' });
      expect(await page.$eval('html', (h) => h.lang)).toBe(lang);
      await page.type('#name', name);
      await page.type('#email', email);
      await chooseResidence(page, residence);
      await pickProvider(page, 'reddit', 'erika_m');
      await pickProvider(page, 'linkedin', 'erika-mustermann');
      await page.type('#company-search', '23andme.com');
      await (await page.waitForSelector('#company-results button[data-slug="dn:23andme"]'))!.click();
      await page.keyboard.type(email);
      await page.click('#grounds input[value=photos-of-others]');
      await step('1-form');

      await page.click('#preview-button');
      await page.waitForSelector('#preview:not([hidden]) details[data-provider=reddit]');
      expect(await page.$$eval('#preview-accounts > *', (items) => items.map((i) => [i.getAttribute('data-provider'), i.getAttribute('data-action')]))).toEqual(
        [
          ['reddit', 'letter'],
          ['linkedin', 'session'],
          ['dn:23andme', 'letter'],
        ],
      );
      await step('2-preview');

      await page.type('#signature', name);
      await page.click('#consent');
      expect(await sendForm(page)).toMatch(sent);
      await step('3-sent');

      // The mail as it arrived, and its link as the person would follow it.
      const mail = await verificationMail(t, email);
      const link = /(http\S+\/verify\?token=[\w.-]+)/.exec(mail.body.text!)![1]!;
      await page.goto(link.replace(/^https?:\/\/[^/]+/, t.url), { waitUntil: 'networkidle0' });
      expect(await page.$eval('html', (h) => h.lang)).toBe(lang);
      await step('4-verify');
      await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#confirm')]);
      await step('5-confirmed');
      const href = await page.$eval('#status-link', (a) => (a as HTMLAnchorElement).href);
      const url = new URL(href);
      // The status page once every request has left dispatch: one card per account chosen.
      await dispatchedRequests(t, url.pathname.split('/').pop()!, url.searchParams.get('t')!, CHOSEN.length);
      await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#status-link')]);
      await page.waitForSelector('section.summary');
      await page.waitForSelector('article.request-card');
      const cards = await page.$$eval('article.request-card', (all) => all.map((c) => [c.getAttribute('data-provider'), c.getAttribute('data-status')]));
      expect(cards.map(([provider]) => provider).sort()).toEqual([...CHOSEN].sort());
      expect(Object.fromEntries(cards)).toMatchObject({ reddit: 'sent', linkedin: 'needs_user_action', 'dn:23andme': 'sent' });
      await step('6-status');
    },
  );
});
