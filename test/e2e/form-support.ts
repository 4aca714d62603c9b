// What the form's browser tests share: filling the form as a person would, axe-core (the real
// library, injected into the page), the 360 px overflow check, and following a submission from the
// verification mail to its requests. The local stack and Chromium come from test/support/.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { dispatched, type StoredMail, type TestStack, verificationToken, waitUntil } from '../support/local-stack.ts';

/** <repo>/test-artifacts/<name>, created. */
export function artifactDir(name: string): string {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-artifacts', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

// axe-core's check is the one every browser test uses (test/support/axe.ts).
export { seriousViolations } from '../support/axe.ts';

/** How far the page scrolls sideways (0: not at all). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Chooses the place of residence from the list and waits for the catalog grouped for it. */
export async function chooseResidence(page: Page, code: string): Promise<void> {
  await page.select('#jurisdiction', code);
  await page.waitForSelector(`#groups[data-jurisdiction="${code}"]`);
}

/** Ticks a provider in the grouped list and types the account. */
export async function pickProvider(page: Page, slug: string, identifier: string): Promise<void> {
  await page.click(`li.provider[data-slug="${slug}"] .pick`);
  await page.type(`li.provider[data-slug="${slug}"] .identifier`, identifier);
}

/** Which group of the form each provider is listed in, by slug. */
export async function groupsOnPage(page: Page): Promise<Record<string, string>> {
  return page.$$eval('#groups fieldset.group', (groups) =>
    Object.fromEntries(
      groups.flatMap((g) => Array.from(g.querySelectorAll('li.provider')).map((li) => [li.getAttribute('data-slug'), g.id.replace('group-', '')])),
    ),
  );
}

/** Clicks "send" and waits for the page to say the confirmation mail is on its way. */
export async function sendForm(page: Page): Promise<string> {
  await page.click('#send');
  await page.waitForFunction(() => !!document.getElementById('result')?.textContent);
  return page.$eval('#result', (el) => el.textContent ?? '');
}

export function verificationMail(t: TestStack, to: string): Promise<StoredMail> {
  return waitUntil(`the verification mail to ${to}`, async () =>
    (await t.mails()).find((m) => m.destination.to.includes(to) && /verify\?token=/.test(m.body.text ?? '')),
  );
}

/** Opens the mailed link, presses the button, and answers the status link the confirmation page shows. */
export async function confirmByMail(page: Page, t: TestStack, mail: StoredMail): Promise<{ id: string; token: string; href: string }> {
  await page.goto(`${t.url}/verify?token=${verificationToken(mail)}`, { waitUntil: 'networkidle0' });
  await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#confirm')]);
  const href = await page.$eval('#status-link', (a) => (a as HTMLAnchorElement).href);
  const url = new URL(href);
  return { id: url.pathname.split('/').pop()!, token: url.searchParams.get('t')!, href };
}

export interface RequestBody {
  provider: string;
  channel: string;
  status: string;
  reference: string;
  userAction: string | null;
  deepLink: string | null;
  events: { kind: string }[];
}

/** The submission's requests once every one of them has left dispatch (GET /api/submissions/{id}). */
export function dispatchedRequests(t: TestStack, id: string, token: string, count: number): Promise<RequestBody[]> {
  return waitUntil(
    `${count} requests dispatched`,
    async () => {
      const { body } = await t.api(`/api/submissions/${id}?t=${encodeURIComponent(token)}`);
      const requests = (body as { requests: RequestBody[] }).requests;
      return requests.length === count && requests.every(dispatched) ? requests : undefined;
    },
    60_000,
  );
}
