// The status page as a person sees it, in Chromium (puppeteer-core + @sparticuz/chromium): one card
// per request with its progress line, what happens next and one primary action, and a summary at the
// top, for a submission whose requests are in several states, each reached through the real system
// (a letter waiting, a reply received over SMTP, a request confirmed, one cancelled, two handed to
// the person). In English and in German: no serious or critical axe-core violation, and no sideways
// scrolling on a 360 px phone; the primary action works with the keyboard alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, pageWidth, seriousViolations } from '../support/axe.ts';
import { dispatched, person, postJson, verificationToken, waitUntil, type TestStack } from '../support/local-stack.ts';
import { composeReply, deliver, dkimKey, mailDomainRecords, signMail, writeZone } from '../support/mail.ts';
import { useStackAndBrowser } from '../support/stack-and-browser.ts';

const redditKey = dkimKey('s2025');
const ACKNOWLEDGED =
  'Dear Ms Martin,\n\nThank you for contacting us. We have received your request and will respond as soon as possible.\n\nReddit Privacy Team';

interface RequestView {
  id: string;
  provider: string;
  channel: string;
  status: string;
  reference: string;
  dueAt: string | null;
  deepLink: string | null;
  sessionUse?: string | null;
  events: { at: string; kind: string }[];
}
interface Submitted {
  id: string;
  token: string;
  statusUrl: string;
  email: string;
}

let t: TestStack;
let browser: Browser;
let zoneDir: string;

/** Runs `use` on a fresh tab of the shared browser, and closes the tab whatever happens. */
async function onNewPage(use: (page: Page) => Promise<void>): Promise<void> {
  const page = await browser.newPage();
  try {
    await use(page);
  } finally {
    await page.close();
  }
}

useStackAndBrowser(
  (stack, b) => {
    t = stack;
    browser = b;
  },
  () => {
    zoneDir = mkdtempSync(join(tmpdir(), 'optout-zone-'));
    // Reddit's DKIM key and an SPF record that allows this machine: its reply authenticates.
    return { env: { OPTOUT_DNS_ZONE: writeZone(join(zoneDir, 'zone.json'), mailDomainRecords('reddit.com', redditKey, 'v=spf1 ip4:127.0.0.1 -all')) } };
  },
);
afterAll(() => {
  if (zoneDir) rmSync(zoneDir, { recursive: true, force: true });
});

async function requests(s: Submitted): Promise<RequestView[]> {
  const { status, body } = await t.api(`/api/submissions/${s.id}?t=${encodeURIComponent(s.token)}`);
  expect(status).toBe(200);
  return (body as { requests: RequestView[] }).requests;
}

async function submitAndVerify(overrides: Record<string, unknown>, accounts: { provider: string; identifier: string }[]): Promise<Submitted> {
  const input = person({ ...overrides, accounts });
  const created = await t.api('/api/submissions', postJson(input));
  expect(created.status).toBe(202);
  const email = input.email as string;
  const mail = await waitUntil(`verification mail to ${email}`, async () => (await t.mails()).find((m) => m.destination.to.includes(email)));
  const verified = await t.api(`/api/verify?token=${verificationToken(mail)}`);
  expect(verified.status).toBe(200);
  const statusUrl = (verified.body as { statusUrl: string }).statusUrl;
  const s = { id: (created.body as { id: string }).id, token: new URL(statusUrl).searchParams.get('t')!, statusUrl, email };
  await waitUntil('every request dispatched', async () => {
    const found = await requests(s);
    return found.length === accounts.length && found.every(dispatched);
  });
  return s;
}

async function act(s: Submitted, requestId: string, action: 'confirm' | 'cancel'): Promise<void> {
  const done = await t.api(`/api/submissions/${s.id}/requests/${requestId}/${action}?t=${encodeURIComponent(s.token)}`, { method: 'POST' });
  expect(done.status).toBe(200);
}

/** Reddit's privacy team answers the letter from its own, authenticated, domain. */
async function redditAcknowledges(s: Submitted): Promise<void> {
  const letter = await waitUntil('the letter to Reddit', async () =>
    (await t.mails()).find((m) => m.destination.to.includes('redditdatarequests@reddit.com') && m.destination.cc.includes(s.email)),
  );
  const replyTo = letter.replyTo[0]!;
  const raw = await signMail(
    await composeReply({ from: 'Reddit Privacy <privacy@reddit.com>', to: replyTo, subject: 'Re: your request', text: ACKNOWLEDGED }),
    'reddit.com',
    redditKey,
  );
  await deliver(t.stack.smtpPort, raw, { from: 'privacy@reddit.com', to: [replyTo], helo: 'mail.reddit.com' });
  await waitUntil('the acknowledgement on record', async () => (await requests(s)).find((r) => r.provider === 'reddit')?.status === 'acknowledged');
}

interface CardOnPage {
  provider: string;
  status: string;
  heading: string;
  steps: { step: string; state: string; text: string; datetime: string | null }[];
  next: string;
  primary: { tag: string; text: string; href: string | null; session: boolean }[];
  secondary: string[];
}

async function cardsOn(page: Page): Promise<Record<string, CardOnPage>> {
  const cards = await page.$$eval('article.request-card', (articles) =>
    articles.map((a) => ({
      provider: a.getAttribute('data-provider') ?? '',
      status: a.getAttribute('data-status') ?? '',
      heading: a.querySelector('h2')?.textContent?.trim() ?? '',
      steps: Array.from(a.querySelectorAll('ol.progress > li')).map((li) => ({
        step: li.getAttribute('data-step') ?? '',
        state: li.getAttribute('data-state') ?? '',
        text: (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
        datetime: li.querySelector('time')?.getAttribute('datetime') ?? null,
      })),
      next: (a.querySelector('.next')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      primary: Array.from(a.querySelectorAll('.primary-action')).map((el) => ({
        tag: el.tagName.toLowerCase(),
        text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
        href: el.getAttribute('href'),
        session: el.classList.contains('session'),
      })),
      secondary: Array.from(a.querySelectorAll('.secondary-actions .button')).map((el) => (el.textContent ?? '').trim()),
    })),
  );
  return Object.fromEntries(cards.map((c) => [c.provider, c]));
}

async function summaryOn(page: Page): Promise<Record<string, { count: number; text: string }>> {
  const items = await page.$$eval('section.summary li', (lis) =>
    lis.map((li) => ({ group: li.getAttribute('data-group') ?? '', count: Number(li.getAttribute('data-count')), text: (li.textContent ?? '').trim() })),
  );
  return Object.fromEntries(items.map(({ group, ...rest }) => [group, rest]));
}

/** axe-core and the phone width, at both sizes; the page is reloaded at each size. */
async function checkLayoutAndAccessibility(page: Page, url: string): Promise<void> {
  for (const viewport of [PHONE, DESKTOP]) {
    await page.setViewport(viewport);
    await page.goto(url, { waitUntil: 'networkidle0' });
    expect(await seriousViolations(page), `axe at ${viewport.width} px`).toEqual([]);
    const { scrollWidth, clientWidth } = await pageWidth(page);
    expect(scrollWidth, `page width at ${viewport.width} px`).toBeLessThanOrEqual(clientWidth);
  }
  // The history is folded away; open, with its evidence, it fits the phone too.
  await page.setViewport(PHONE);
  await page.goto(url, { waitUntil: 'networkidle0' });
  await page.$$eval('details', (all) => {
    for (const d of all) d.open = true;
  });
  expect(await seriousViolations(page), 'axe with every fold open').toEqual([]);
  const { scrollWidth, clientWidth } = await pageWidth(page);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

describe('the status page in English, with requests in five states', () => {
  let s: Submitted;
  let byProvider: Record<string, RequestView>;

  beforeAll(async () => {
    // Camille lives in France and reads English.
    s = await submitAndVerify({ name: 'Camille Martin', email: 'camille.status@example.org', jurisdiction: 'FR', lang: 'en', signature: 'Camille Martin' }, [
      { provider: 'reddit', identifier: 'camille_r' },
      { provider: 'pinterest', identifier: 'camille.pins' },
      { provider: 'quora', identifier: 'Camille-Martin' },
      { provider: 'facebook', identifier: 'camille.martin' },
      { provider: 'linkedin', identifier: 'camille-martin' },
    ]);
    const ids = Object.fromEntries((await requests(s)).map((r) => [r.provider, r.id]));
    await redditAcknowledges(s);
    await act(s, ids.quora!, 'confirm');
    await act(s, ids.pinterest!, 'cancel');
    byProvider = Object.fromEntries((await requests(s)).map((r) => [r.provider, r]));
    expect(Object.fromEntries(Object.values(byProvider).map((r) => [r.provider, r.status]))).toEqual({
      reddit: 'acknowledged',
      pinterest: 'cancelled',
      quora: 'confirmed',
      facebook: 'needs_user_action',
      linkedin: 'needs_user_action',
    });
  });

  it('is clean for axe-core and fits a 360 px phone without sideways scrolling', () =>
    onNewPage(async (page) => {
      await checkLayoutAndAccessibility(page, s.statusUrl);
    }));

  it('counts the requests at the top and shows one card per request, with its progress, what comes next and one primary action', () =>
    onNewPage(async (page) => {
      await page.setViewport(PHONE);
      await page.goto(s.statusUrl, { waitUntil: 'networkidle0' });
      expect(await summaryOn(page)).toEqual({
        needsYou: { count: 2, text: '2 need you' },
        waiting: { count: 1, text: '1 sent and waiting' },
        confirmed: { count: 1, text: '1 confirmed' },
        cancelled: { count: 1, text: '1 cancelled' },
      });
      const cards = await cardsOn(page);
      expect(Object.keys(cards).sort()).toEqual(['facebook', 'linkedin', 'pinterest', 'quora', 'reddit']);

      // A letter out: sent (with its day), the due date, and the follow-up planned with its days.
      const reddit = cards.reddit!;
      const request = byProvider.reddit!;
      const sentDay = request.events.find((e) => e.kind === 'sent')!.at.slice(0, 10);
      expect(reddit.heading).toBe('Reddit');
      expect(reddit.steps.map((st) => [st.step, st.state])).toEqual([
        ['sent', 'done'],
        ['due', 'planned'],
        ['reminder', 'planned'],
        ['finalNotice', 'planned'],
        ['complaint', 'planned'],
      ]);
      expect(reddit.steps[0]).toMatchObject({ datetime: sentDay, text: expect.stringMatching(/^Letter sent on /) });
      expect(reddit.steps[1]).toMatchObject({ datetime: request.dueAt, text: expect.stringMatching(/^Answer due by /) });
      const [reminder, finalNotice, complaint] = reddit.steps.slice(2).map((st) => st.datetime!);
      expect(reminder! > request.dueAt!).toBe(true);
      // The grace periods: 14 days to the final notice, 7 more to the complaint draft.
      expect((Date.parse(finalNotice!) - Date.parse(reminder!)) / 86_400_000).toBe(14);
      expect((Date.parse(complaint!) - Date.parse(finalNotice!)) / 86_400_000).toBe(7);
      expect(reddit.next).toMatch(/^Next: If Reddit does not answer by .+, we send a reminder on .+\.$/);
      expect(reddit.primary).toEqual([{ tag: 'form', text: 'Mark as confirmed', href: null, session: false }]);
      expect(reddit.secondary).toEqual(['Cancel']);

      // Confirmed and cancelled: the outcome with its day, the steps no longer needed, no action.
      expect(cards.quora!.steps.filter((st) => st.state === 'done').map((st) => st.step)).toEqual(['sent', 'confirmed']);
      expect(cards.quora!.steps.filter((st) => st.state === 'skipped').map((st) => st.text)).toEqual([
        expect.stringMatching(/^Answer due by /),
        'Reminder: not needed',
        'Final notice: not needed',
        'Complaint: not needed',
      ]);
      expect(cards.quora!.next).toBe('Next: Done: nothing more to do.');
      expect(cards.quora!.primary).toEqual([]);
      expect(cards.pinterest!.steps.find((st) => st.step === 'cancelled')?.state).toBe('done');
      expect(cards.pinterest!.primary).toEqual([]);
      expect(cards.pinterest!.secondary).toEqual([]);

      // Handed to the person: their turn, and the one thing to do now.
      for (const provider of ['facebook', 'linkedin']) {
        const card = cards[provider]!;
        const view = byProvider[provider]!;
        expect(card.steps.map((st) => st.step)).toContain('handedOver');
        expect(card.next).toMatch(/^Next: Your turn: /);
        expect(card.primary).toHaveLength(1);
        if (view.sessionUse === 'first-try') expect(card.primary[0]).toMatchObject({ tag: 'form', session: true });
        else expect(card.primary[0]).toMatchObject({ tag: 'a', href: view.deepLink });
        expect(card.secondary).toEqual(expect.arrayContaining(['Mark as confirmed', 'Cancel']));
      }
      // What was done, in a sentence.
      expect(await page.$eval('article[data-provider=reddit] .what', (el) => el.textContent)).toBe(
        'Sent as a letter by email to redditdatarequests@reddit.com',
      );
      expect(await page.$eval('article[data-provider=facebook] .what', (el) => el.textContent)).toBe('A form for you to fill in');
    }));

  it('keeps the history with its evidence, and the links to download and delete', () =>
    onNewPage(async (page) => {
      await page.goto(s.statusUrl, { waitUntil: 'networkidle0' });
      const evidence = await page.$$eval('article[data-provider=reddit] .history .evidence a', (links) => links.map((a) => (a as HTMLAnchorElement).href));
      expect(evidence.length).toBeGreaterThanOrEqual(2); // the letter and Reddit's reply
      const letter = await fetch(evidence[0]!);
      expect(letter.status).toBe(200);
      expect(await page.$eval('#delete-link', (a) => a.getAttribute('href'))).toBe(`/status/${s.id}/delete?t=${encodeURIComponent(s.token)}`);
      expect(await page.$eval('#export', (a) => a.getAttribute('href'))).toBe(`/api/submissions/${s.id}/export?t=${encodeURIComponent(s.token)}`);
    }));

  it('lets the person reach the primary action with the keyboard alone and use it', () =>
    onNewPage(async (page) => {
      await page.setViewport(PHONE);
      await page.goto(s.statusUrl, { waitUntil: 'networkidle0' });
      const target = 'article[data-provider=reddit] .primary-action button';
      let reached = false;
      // Tab through the page in order, as a keyboard user does; the page has fewer than 60 stops.
      for (let stop = 0; stop < 60 && !reached; stop++) {
        await page.keyboard.press('Tab');
        reached = await page.$eval(target, (button) => button === document.activeElement);
      }
      expect(reached, 'the primary button of the Reddit card takes the focus').toBe(true);
      // The focus is visible: the button draws an outline when focused from the keyboard.
      expect(await page.$eval(target, (button) => getComputedStyle(button).outlineStyle)).not.toBe('none');
      await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.keyboard.press('Enter')]);
      expect(await page.$eval('article[data-provider=reddit]', (a) => a.getAttribute('data-status'))).toBe('confirmed');
      expect((await summaryOn(page)).confirmed).toEqual({ count: 2, text: '2 confirmed' });
      expect((await requests(s)).find((r) => r.provider === 'reddit')?.status).toBe('confirmed');
    }));
});

describe('the status page in German', () => {
  let s: Submitted;

  beforeAll(async () => {
    s = await submitAndVerify({ email: 'erika.status@example.org', jurisdiction: 'DE-BE' }, [
      { provider: 'reddit', identifier: 'erika_m' },
      { provider: 'discord', identifier: 'erika#4242' },
      { provider: 'facebook', identifier: 'erika.mustermann' },
    ]);
    const ids = Object.fromEntries((await requests(s)).map((r) => [r.provider, r.id]));
    await act(s, ids.discord!, 'confirm');
  });

  it('is clean for axe-core and fits a 360 px phone without sideways scrolling', () =>
    onNewPage(async (page) => {
      await checkLayoutAndAccessibility(page, s.statusUrl);
    }));

  it('speaks German: the summary, the progress line and the actions', () =>
    onNewPage(async (page) => {
      await page.goto(s.statusUrl, { waitUntil: 'networkidle0' });
      expect(await page.$eval('html', (el) => el.lang)).toBe('de');
      expect(await summaryOn(page)).toEqual({
        needsYou: { count: 1, text: '1 braucht Sie' },
        waiting: { count: 1, text: '1 gesendet, wartet' },
        confirmed: { count: 1, text: '1 bestätigt' },
      });
      const cards = await cardsOn(page);
      expect(cards.reddit!.steps[0]!.text).toMatch(/^Brief gesendet am \d{1,2}\. [A-Za-zä.]+ \d{4}$/);
      expect(cards.reddit!.next).toMatch(/^Als Nächstes: Antwortet Reddit nicht bis .+, senden wir am .+ eine Erinnerung\.$/);
      expect(cards.reddit!.primary).toEqual([{ tag: 'form', text: 'Als erledigt markieren', href: null, session: false }]);
      expect(cards.discord!.steps.find((st) => st.step === 'confirmed')?.text).toMatch(/^Bestätigt am /);
      expect(cards.facebook!.next).toMatch(/^Als Nächstes: Sie sind dran: /);
    }));
});
