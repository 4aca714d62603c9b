// Every mail the person gets, taken from the SES emulator after a real flow (submit, verify, a
// hand-over, a confirmation, a refusal that brings the complaint draft, deletion), in English and in
// German: each is multipart with a plain-text and an HTML part, and each HTML part, opened in
// Chromium at 360 px, has no serious or critical axe-core violation and does not scroll sideways.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../functions/core/model.ts';
import { render } from '../../functions/core/templates.ts';
import { DESKTOP, PHONE, pageWidth, seriousViolations } from '../support/axe.ts';
import { dispatched, person, postJson, type StoredMail, verificationToken, waitUntil, type TestStack } from '../support/local-stack.ts';
import { composeReply, deliver, dkimKey, mailDomainRecords, signMail, writeZone } from '../support/mail.ts';
import { useStackAndBrowser } from '../support/stack-and-browser.ts';

// An hour of the clock per second: a digest collects its changes for an hour, here for a second.
const SPEED = 3600;
const redditKey = dkimKey('s2025');
const REFUSED =
  'Dear Sir or Madam,\n\nWe have carefully considered your objection under Article 21(1) GDPR. We rely on our legitimate interests in developing and improving our services, and having balanced those interests against your rights we consider that we have compelling legitimate grounds for the processing which override your interests. We will therefore continue to process the public content of your profile for this purpose.\n\nReddit Privacy Team';

let t: TestStack;
let browser: Browser;
let zoneDir: string;

useStackAndBrowser(
  (stack, b) => {
    t = stack;
    browser = b;
  },
  () => {
    zoneDir = mkdtempSync(join(tmpdir(), 'optout-zone-'));
    const zone = writeZone(join(zoneDir, 'zone.json'), mailDomainRecords('reddit.com', redditKey, 'v=spf1 ip4:127.0.0.1 -all'));
    return { clockSpeed: SPEED, env: { OPTOUT_DNS_ZONE: zone } };
  },
);
afterAll(() => {
  if (zoneDir) rmSync(zoneDir, { recursive: true, force: true });
});

interface Person {
  id: string;
  token: string;
  email: string;
  lang: Language;
}

/** Mails to the person (letters to companies go To the company, the person in Cc). */
async function mailsTo(email: string): Promise<StoredMail[]> {
  return (await t.mails()).filter((m) => m.destination.to.includes(email));
}

function subject(kind: string, lang: Language, vars: object = {}): string {
  return render(`emails/${kind}.${lang}.subject.hbs`, vars).trim();
}

async function api(p: Person, path: string, init?: RequestInit) {
  return t.api(`/api/submissions/${p.id}${path}${path.includes('?') ? '&' : '?'}t=${encodeURIComponent(p.token)}`, init);
}

/** Submits Reddit (a letter) and Facebook (handed to the person), and confirms the address. */
async function submit(email: string, jurisdiction: string, lang: Language): Promise<Person> {
  const input = person({
    email,
    jurisdiction,
    lang,
    accounts: [
      { provider: 'reddit', identifier: 'reddit_me' },
      { provider: 'facebook', identifier: 'fb.me' },
    ],
  });
  const created = await t.api('/api/submissions', postJson(input));
  expect(created.status).toBe(202);
  const mail = await waitUntil(`verification mail to ${email}`, async () => (await mailsTo(email)).find((m) => m.subject === subject('verify', lang)));
  const verified = await t.api(`/api/verify?token=${verificationToken(mail)}`);
  expect(verified.status).toBe(200);
  const statusUrl = new URL((verified.body as { statusUrl: string }).statusUrl);
  const p = { id: (created.body as { id: string }).id, token: statusUrl.searchParams.get('t')!, email, lang };
  await waitUntil('both requests dispatched', async () => {
    const { requests } = (await api(p, '')).body as { requests: { status: string; channel?: string; events?: { kind: string }[] }[] };
    return requests.length === 2 && requests.every(dispatched);
  });
  return p;
}

async function requestId(p: Person, provider: string): Promise<string> {
  const { requests } = (await api(p, '')).body as { requests: { id: string; provider: string }[] };
  return requests.find((r) => r.provider === provider)!.id;
}

async function deleteEverything(p: Person): Promise<void> {
  expect((await api(p, '', { method: 'DELETE' })).status).toBe(204);
}

/** Every mail to the person, once the flow is done: verification, summary, hand-over, digest(s), deletion. */
const collected: { lang: Language; kind: string; mail: StoredMail }[] = [];

function keep(lang: Language, kind: string, mail: StoredMail | undefined) {
  expect(mail, `${kind} mail in ${lang}`).toBeDefined();
  collected.push({ lang, kind, mail: mail! });
}

describe('the mails of a real flow', () => {
  beforeAll(async () => {
    // English: the letter to Reddit is refused, so the complaint draft arrives, attached to a prompt mail.
    const en = await submit('mails.en@example.org', 'FR', 'en');
    const letter = await waitUntil('the letter to Reddit', async () =>
      (await t.mails()).find((m) => m.destination.to.includes('redditdatarequests@reddit.com') && m.destination.cc.includes(en.email)),
    );
    const replyTo = letter.replyTo[0]!;
    const raw = await signMail(
      await composeReply({ from: 'Reddit Privacy <privacy@reddit.com>', to: replyTo, subject: 'Re: your objection', text: REFUSED }),
      'reddit.com',
      redditKey,
    );
    await deliver(t.stack.smtpPort, raw, { from: 'privacy@reddit.com', to: [replyTo], helo: 'mail.reddit.com' });
    const withDraft = await waitUntil(
      'the complaint draft',
      async () => (await mailsTo(en.email)).find((m) => m.attachments.some((a) => a.filename?.startsWith('complaint-'))),
      30_000,
    );
    await deleteEverything(en);
    const deletedEn = await waitUntil('the deletion mail', async () => (await mailsTo(en.email)).find((m) => m.subject === subject('deleted', 'en')));

    // German: the person confirms Reddit themselves; the change comes in the day's digest.
    const de = await submit('mails.de@example.org', 'DE-BE', 'de');
    expect((await api(de, `/requests/${await requestId(de, 'reddit')}/confirm`, { method: 'POST' })).status).toBe(200);
    const digest = await waitUntil(
      'the digest',
      async () => (await mailsTo(de.email)).find((m) => m.subject === subject('digest', 'de', { count: 1 })),
      30_000,
    );
    await deleteEverything(de);
    const deletedDe = await waitUntil('the deletion mail', async () => (await mailsTo(de.email)).find((m) => m.subject === subject('deleted', 'de')));

    for (const [p, deleted] of [
      [en, deletedEn],
      [de, deletedDe],
    ] as const) {
      const all = await mailsTo(p.email);
      keep(
        p.lang,
        'verify',
        all.find((m) => m.subject === subject('verify', p.lang)),
      );
      keep(
        p.lang,
        'summary',
        all.find((m) => m.subject === subject('summary', p.lang, { count: 2 })),
      );
      // Facebook's form is the person's to fill in: mailed at once.
      keep(
        p.lang,
        'needs you',
        all.find((m) => m.subject.startsWith('Facebook')),
      );
      keep(p.lang, 'deleted', deleted);
    }
    keep('en', 'complaint draft', withDraft);
    keep('de', 'digest', digest);
  });

  it('sends every kind as text plus HTML, with the same links', () => {
    expect(collected.map((c) => `${c.lang} ${c.kind}`).sort()).toEqual([
      'de deleted',
      'de digest',
      'de needs you',
      'de summary',
      'de verify',
      'en complaint draft',
      'en deleted',
      'en needs you',
      'en summary',
      'en verify',
    ]);
    for (const { lang, kind, mail } of collected) {
      const what = `${lang} ${kind}`;
      expect(mail.body.text?.trim().length, what).toBeGreaterThan(50);
      expect(mail.body.html, what).toContain(`<html lang="${lang}">`);
      const links = [...(mail.body.text ?? '').matchAll(/https?:\/\/[^\s<>"]+?(?=[.,;:!?)\]"]*(?:\s|$))/g)].map((m) => m[0]);
      const hrefs = [...(mail.body.html ?? '').matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&#x3D;/g, '='));
      for (const link of links) expect(hrefs, `${what}: ${link}`).toContain(link);
    }
    // The complaint draft is attached, and the mail that carries it says so in its heading.
    const draft = collected.find((c) => c.kind === 'complaint draft')!.mail;
    expect(draft.body.html).toContain('<h1>Your complaint draft is ready</h1>');
  });

  it('opens each HTML part in Chromium: no serious or critical axe-core violation, no sideways scrolling at 360 px', async () => {
    for (const { lang, kind, mail } of collected) {
      // A fresh page for each: a mail is opened on its own, under no page's Content-Security-Policy.
      const page = await browser.newPage();
      try {
        for (const viewport of [PHONE, DESKTOP]) {
          await page.setViewport(viewport);
          await page.setContent(mail.body.html!, { waitUntil: 'load' });
          expect(await seriousViolations(page), `${lang} ${kind} at ${viewport.width} px`).toEqual([]);
          const { scrollWidth, clientWidth } = await pageWidth(page);
          expect(scrollWidth, `${lang} ${kind} at ${viewport.width} px`).toBeLessThanOrEqual(clientWidth);
        }
        // Readable without images and without remote content: it has none.
        expect(await page.$$eval('img, link[rel=stylesheet], script, table', (els) => els.length)).toBe(0);
        expect(await page.$eval('h1', (h) => h.textContent?.trim().length)).toBeGreaterThan(5);
      } finally {
        await page.close();
      }
    }
  });
});
