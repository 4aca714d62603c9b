// A person in a real browser (Chromium from @sparticuz/chromium, driven by puppeteer-core) uses the
// form with JavaScript on: the place of residence from a list, the catalog grouped by what the
// workflow will do there, the preview of each letter, the signature, and the errors next to their
// fields; then follows the verification mail and finds the workflow doing what the form said.
import type { Browser } from 'puppeteer-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { postJson, waitUntil, type TestStack } from '../support/local-stack.ts';
import {
  chooseResidence,
  confirmByMail,
  dispatchedRequests,
  groupsOnPage,
  horizontalOverflow,
  pickProvider,
  sendForm,
  verificationMail,
} from './form-support.ts';
import { useStackAndBrowser } from '../support/stack-and-browser.ts';

let t: TestStack;
let browser: Browser;

useStackAndBrowser((stack, b) => {
  t = stack;
  browser = b;
});

const ACCOUNTS = [
  ['reddit', 'erika_m'],
  ['pinterest', 'erika.pins'],
  ['discord', 'erika#4242'],
  ['facebook', 'erika.mustermann'],
  ['linkedin', 'erika-mustermann'],
] as const;

interface PlannedProvider {
  slug: string;
  plan: { action: string; channel: string; instructions?: string; deepLink?: string };
}

describe('the place of residence', () => {
  it('is chosen from a list in the page language: the German Länder and the US states, never plain DE or US', async () => {
    const page = await browser.newPage();
    for (const [lang, bavaria, france, california] of [
      ['en', 'Bavaria', 'France', 'California'],
      ['de', 'Bayern', 'Frankreich', 'Kalifornien'],
    ] as const) {
      await page.goto(`${t.url}/?lang=${lang}`, { waitUntil: 'networkidle0' });
      const options = await page.$$eval('#jurisdiction option', (items) => items.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
      const names = Object.fromEntries(options);
      expect(names['DE-BY']).toBe(bavaria);
      expect(names.FR).toBe(france);
      expect(names['US-CA']).toBe(california);
      expect(names.DE).toBeUndefined();
      expect(names.US).toBeUndefined();
      // 16 Länder, 50 states and DC, and every other country of ISO 3166-1.
      expect(options.filter(([code]) => code?.startsWith('DE-'))).toHaveLength(16);
      expect(options.filter(([code]) => code?.startsWith('US-'))).toHaveLength(51);
      expect(options.length).toBeGreaterThan(300);
      expect(await page.$eval('#jurisdiction', (s) => s.getAttribute('aria-describedby'))).toBe('jurisdiction-hint');
    }
  });

  it('refuses plain DE in the API naming the Länder, and an unknown code naming the parameter', async () => {
    const de = await t.api('/api/providers?jurisdiction=DE');
    expect(de.status).toBe(400);
    expect(JSON.stringify(de.body)).toMatch(/"path":"jurisdiction","message":"name your Land: DE-BW \(Baden-Württemberg\)/);
    const unknown = await t.api('/api/providers?jurisdiction=QQ');
    expect(unknown.status).toBe(400);
    expect((unknown.body as { issues: { path: string }[] }).issues[0]!.path).toBe('jurisdiction');
    const lang = await t.api('/api/providers?jurisdiction=FR&lang=xx');
    expect(lang.status).toBe(400);
    expect((lang.body as { issues: { path: string }[] }).issues[0]!.path).toBe('lang');
    const include = await t.api('/api/providers?include=dn:no-such-company-anywhere');
    expect(include.status).toBe(400);
    expect((include.body as { issues: { path: string }[] }).issues[0]!.path).toBe('include.0');
  });
});

describe('the catalog on the form', () => {
  it('groups the providers by what the workflow does where the person lives, and the workflow then does exactly that', async () => {
    const { body } = await t.api('/api/providers?jurisdiction=DE-BE&lang=en');
    const plans = Object.fromEntries((body as { providers: PlannedProvider[] }).providers.map((p) => [p.slug, p.plan]));
    expect(plans.reddit).toMatchObject({ action: 'letter', channel: 'email', to: 'redditdatarequests@reddit.com' });
    expect(plans.linkedin).toMatchObject({ action: 'session', channel: 'settings', withSession: 'settings' });
    expect(plans.facebook).toMatchObject({ action: 'session', channel: 'webform' });
    expect(plans.tiktok).toMatchObject({ action: 'yourself', channel: 'webform', deepLink: expect.stringMatching(/^https:\/\/www\.tiktok\.com\//) });
    // Another jurisdiction, another plan: in California Facebook's form is not open, and the person is told where to go.
    const ca = (await t.api('/api/providers?jurisdiction=US-CA&lang=en')).body as { providers: PlannedProvider[] };
    expect(ca.providers.find((p) => p.slug === 'facebook')!.plan.action).toBe('yourself');

    const page = await browser.newPage();
    await page.goto(`${t.url}/?lang=en`, { waitUntil: 'networkidle0' });
    // Before the person says where they live, one list; then the three groups, each from the server's plan.
    expect(await page.$$eval('#groups fieldset.group', (g) => g.map((f) => f.id))).toEqual(['group-all']);
    await page.type('#name', 'Erika Mustermann');
    await page.type('#email', 'erika@example.org');
    await chooseResidence(page, 'DE-BE');
    expect(await page.$$eval('#groups fieldset.group legend', (l) => l.map((x) => x.textContent))).toEqual([
      'We send a letter',
      'We can switch the setting for you, with your session',
      'You fill in a form or switch it yourself; we show you exactly where',
    ]);
    const groups = await groupsOnPage(page);
    for (const [slug, plan] of Object.entries(plans)) expect(groups[slug], slug).toBe(plan.action);

    for (const [provider, identifier] of ACCOUNTS) await pickProvider(page, provider, identifier);
    // A hand-over shows what to do and where, in the words the status page will use.
    const facebookRow = 'li.provider[data-slug=facebook]';
    const instructions = await page.$eval(`${facebookRow} .instructions`, (p) => p.textContent);
    expect(instructions).toBe(plans.facebook!.instructions);
    expect(await page.$eval(`${facebookRow} .deep-link`, (a) => (a as HTMLAnchorElement).href)).toBe(plans.facebook!.deepLink);
    expect(await page.$eval(`${facebookRow} .identifier`, (i) => i.getAttribute('aria-describedby'))).toBe(
      await page.$eval(`${facebookRow} .instructions`, (p) => p.id),
    );
    // The cookie file stays a fallback, folded away, only where a browser could use it.
    expect(await page.$eval(`${facebookRow} details.session`, (d) => (d as HTMLDetailsElement).open || (d as HTMLElement).hidden)).toBe(false);
    expect(await page.$eval('li.provider[data-slug=reddit] details.session', (d) => (d as HTMLElement).hidden)).toBe(true);
    expect(await page.$$eval('#authorization-businesses li', (items) => items.map((li) => li.textContent))).toEqual([
      'Reddit',
      'Pinterest',
      'Discord',
      'Facebook (Meta)',
      'LinkedIn',
    ]);
    // Two of the guided grounds and a text of their own: the objection letters state them.
    await page.click('#grounds input[value=photos-of-others]');
    await page.click('#grounds input[value=safety]');
    await page.type('#grounds-text', 'Someone who stalks me follows my posts.');
    await page.type('#signature', 'Erika Mustermann');
    await page.click('#consent');
    expect(await sendForm(page)).toMatch(/we sent you an email/);

    const { id, token } = await confirmByMail(page, t, await verificationMail(t, 'erika@example.org'));
    const requests = await dispatchedRequests(t, id, token, ACCOUNTS.length);
    const byProvider = Object.fromEntries(requests.map((r) => [r.provider, r]));
    expect(byProvider.reddit).toMatchObject({ status: 'sent', channel: 'email' });
    expect(byProvider.pinterest).toMatchObject({ status: 'sent', channel: 'email' });
    expect(byProvider.discord).toMatchObject({ status: 'sent', channel: 'email' });
    expect(byProvider.facebook).toMatchObject({ status: 'needs_user_action', channel: 'webform', deepLink: plans.facebook!.deepLink });
    expect(byProvider.linkedin).toMatchObject({ status: 'needs_user_action', channel: 'settings', deepLink: plans.linkedin!.deepLink });
    // The hand-over says what the form said it would.
    expect(byProvider.facebook!.userAction).toBe(plans.facebook!.instructions);
    // The grounds chosen in the form are in the letter Reddit received.
    const letter = (await t.mails()).find((m) => m.destination.to.includes('redditdatarequests@reddit.com'));
    expect(letter?.body.text).toContain(
      ['My grounds relate to my particular situation:', '- My content includes photos of my children or of other people.'].join('\n'),
    );
    expect(letter?.body.text).toContain('- I have been harassed or threatened, or have reason to fear it.');
    expect(letter?.body.text).toContain('In my own words:\nSomeone who stalks me follows my posts.');
  });

  it('finds any company by search, adds it to the group of what will happen, and names it in the authorization', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.url}/?lang=en`, { waitUntil: 'networkidle0' });
    await chooseResidence(page, 'DE-BE');
    await page.type('#company-search', '23andme.com');
    const result = await page.waitForSelector('#company-results button[data-slug="dn:23andme"]');
    expect(await result!.evaluate((b) => b.textContent)).toBe('23andMe, Inc. (23andme.com, US) – We send a letter');
    await result!.click();
    // Its row, ticked, in the letter group; the account field has the focus.
    expect(await page.$eval('#group-letter li.provider[data-slug="dn:23andme"] .pick', (b) => (b as HTMLInputElement).checked)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.closest('li.provider')?.getAttribute('data-slug'))).toBe('dn:23andme');
    expect(await page.$eval('#search-status', (p) => p.textContent)).toBe('23andMe, Inc. is on your list.');
    expect(await page.$$eval('#authorization-businesses li', (items) => items.map((li) => li.textContent))).toEqual(['23andMe, Inc.']);
    // A curated provider found by search is ticked in its own group, not added twice.
    await page.type('#company-search', 'linkedin');
    await (await page.waitForSelector('#company-results button[data-slug="linkedin"]'))!.click();
    expect(await page.$$eval('li.provider[data-slug="linkedin"]', (rows) => rows.map((r) => r.closest('fieldset')!.id))).toEqual(['group-session']);
    // Moving elsewhere regroups the list, the added company included, and keeps what was ticked.
    await chooseResidence(page, 'US-CA');
    expect(await page.$eval('li.provider[data-slug="dn:23andme"] .pick', (b) => (b as HTMLInputElement).checked)).toBe(true);
    expect(await page.$eval('li.provider[data-slug="dn:23andme"]', (r) => r.closest('fieldset')!.id)).toBe('group-letter');
    // A query nothing matches says so.
    await page.type('#company-search', 'qxzvwq');
    await page.waitForFunction(() => document.querySelector('#company-results li')?.textContent?.startsWith('No company found'));
  });
});

describe('the preview', () => {
  it('shows each letter exactly as it goes out and the authorization to sign, and sends and stores nothing', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.url}/?lang=en`, { waitUntil: 'networkidle0' });
    await page.type('#name', 'Petra Vorschau');
    await page.type('#email', 'petra@example.org');
    await chooseResidence(page, 'DE-HH');
    await pickProvider(page, 'reddit', 'petra_v');
    await pickProvider(page, 'tiktok', 'petra.v');
    await page.click('#grounds input[value=creative-work]');
    const mailsBefore = (await t.mails()).length;
    const [answer] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/preview')), page.click('#preview-button')]);
    expect(answer.status()).toBe(200);
    await page.waitForSelector('#preview:not([hidden]) details[data-provider=reddit]');
    const preview = await page.$eval('details[data-provider=reddit]', (d) => ({
      open: (d as HTMLDetailsElement).open,
      summary: d.querySelector('summary')!.textContent,
      facts: Array.from(d.querySelectorAll('dd')).map((dd) => dd.textContent),
      text: d.querySelector('pre')!.textContent!,
    }));
    expect(preview.open).toBe(true);
    expect(preview.summary).toBe('Reddit: letter to redditdatarequests@reddit.com');
    expect(preview.facts.slice(0, 2)).toEqual(['redditdatarequests@reddit.com', 'petra@example.org']);
    expect(preview.text).toContain('My content includes my own creative or professional work.');
    // TikTok is the person's to do: the preview says where.
    expect(await page.$eval('[data-provider=tiktok]', (d) => d.getAttribute('data-action'))).toBe('yourself');
    const authorization = await page.$eval('#preview-authorization-text', (p) => p.textContent!);
    expect(authorization).toContain('I, Petra Vorschau (petra@example.org), authorize Optout Autopilot');
    expect(await page.$eval('#preview-authorization', (d) => d.textContent)).toContain('Not signed yet');
    // Focus moved to the preview, for a screen reader to read it next.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('preview');
    expect((await t.mails()).length).toBe(mailsBefore);

    await page.type('#signature', 'Petra Vorschau');
    await page.click('#consent');
    expect(await sendForm(page)).toMatch(/we sent you an email/);
    const { id, token } = await confirmByMail(page, t, await verificationMail(t, 'petra@example.org'));
    const requests = await dispatchedRequests(t, id, token, 2);
    const reference = requests.find((r) => r.provider === 'reddit')!.reference;
    const letter = await waitUntil('the letter to Reddit', async () =>
      (await t.mails()).find((m) => m.destination.to.includes('redditdatarequests@reddit.com') && m.destination.cc.includes('petra@example.org')),
    );
    // Word for word what the preview showed, with the reference it got when sent.
    expect(letter.body.text?.trim()).toBe(preview.text.replaceAll('OA-XXXX-XXXX', reference).trim());
    expect(letter.subject).toBe(preview.facts[2]!.replace('OA-XXXX-XXXX', reference));
    // The PDF attached is the authorization the preview showed, whole, now signed (the PDF sets list dashes as bullets).
    const pdf = letter.attachments.find((a) => a.contentType === 'application/pdf')!;
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(Buffer.from(pdf.content!, 'base64'))), { mergePages: true });
    const flat = (s: string) => s.replaceAll('•', '-').replace(/\s+/g, ' ').trim();
    expect(flat(text)).toContain(flat(authorization));
    expect(flat(text)).toContain('Signed electronically by typing the full name: Petra Vorschau');
  });

  it('refuses bad input with the same 400 as a submission, and takes signature and consent only once given', async () => {
    const bad = { name: 'Erika\u202EMustermann', email: 'erika@', jurisdiction: 'DE', accounts: [{ provider: 'nope', identifier: '' }], extra: 1 };
    const preview = await t.api('/api/preview', postJson(bad));
    const submission = await t.api('/api/submissions', postJson({ ...bad, consent: true, signature: 'Erika Mustermann' }));
    expect(preview.status).toBe(400);
    expect(submission.status).toBe(400);
    expect(preview.body).toEqual(submission.body);
    const unsigned = await t.api(
      '/api/preview',
      postJson({ name: 'Erika Mustermann', email: 'erika@example.org', jurisdiction: 'FR', accounts: [{ provider: 'reddit', identifier: 'e' }] }),
    );
    expect(unsigned.status).toBe(200);
    const wrongSignature = await t.api(
      '/api/preview',
      postJson({
        name: 'Erika Mustermann',
        email: 'erika@example.org',
        jurisdiction: 'FR',
        accounts: [{ provider: 'reddit', identifier: 'e' }],
        signature: 'Somebody Else',
      }),
    );
    expect(wrongSignature.body).toEqual({
      error: 'invalid submission',
      issues: [{ path: 'signature', message: 'must be your full name as given in name (type it as your signature)' }],
    });
    const form = await t.api('/api/preview', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=x' });
    expect(form.status).toBe(415);
  });
});

describe('errors', () => {
  it('are shown next to their fields, tied to them with aria-describedby, and listed in page order with links', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.url}/?lang=en`, { waitUntil: 'networkidle0' });
    await page.type('#email', 'not an address');
    await chooseResidence(page, 'FR');
    await page.click('li.provider[data-slug=reddit] .pick'); // ticked, but no account typed
    await page.click('#send');
    await page.waitForSelector('#error-summary:not([hidden]) #errors li');
    const links = await page.$$eval('#errors li a', (items) => items.map((a) => a.getAttribute('href')));
    const identifierId = await page.$eval('li.provider[data-slug=reddit] .identifier', (i) => i.id);
    expect(links).toEqual(['#name', '#email', `#${identifierId}`, '#signature', '#consent']);
    for (const id of ['name', 'email', identifierId, 'signature', 'consent']) {
      const tie = await page.$eval(`#${id}`, (el) => ({ invalid: el.getAttribute('aria-invalid'), describedBy: el.getAttribute('aria-describedby') }));
      expect(tie.invalid, id).toBe('true');
      expect(tie.describedBy?.split(' '), id).toContain(`${id}-error`);
      expect(await page.$eval(`#${id}-error`, (p) => p.textContent), id).toBeTruthy();
    }
    expect(await page.$eval('#email-error', (p) => p.textContent)).toBe('Type your email address, like name@example.org.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    // Corrected and sent again: the old errors go.
    await page.type('#name', 'Erika Mustermann');
    await page.click('#email', { count: 3 });
    await page.type('#email', 'erika.errors@example.org');
    await page.type(`#${identifierId}`, 'erika_m');
    await page.type('#signature', 'Erika Mustermann');
    await page.click('#consent');
    expect(await sendForm(page)).toMatch(/we sent you an email/);
    expect(await page.$$('.field-error')).toHaveLength(0);
  });
});

describe('languages', () => {
  it('speaks German when asked, and the person then gets German mail even outside Germany', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.url}/`, { waitUntil: 'networkidle0' });
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#languages a[hreflang=de]')]);
    expect(await page.$eval('html', (el) => el.lang)).toBe('de');
    expect(await page.$eval('#send', (el) => el.textContent)).toBe('Anfragen senden');
    await page.type('#name', 'Jana Novak');
    await page.type('#email', 'jana@example.org');
    await chooseResidence(page, 'CZ');
    expect(await page.$eval('#group-letter legend', (l) => l.textContent)).toBe('Wir schicken einen Brief');
    await pickProvider(page, 'reddit', 'jana_n');
    await page.type('#signature', 'Jana Novak');
    await page.click('#consent');
    expect(await sendForm(page)).toMatch(/^Fast geschafft/);
    const mail = await verificationMail(t, 'jana@example.org');
    expect(mail.body.text).toMatch(/bestätigen/);
  });

  it('offers all seven languages, each in its own name with the current one marked, and "Français" gives the French form', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 360, height: 800 });
    await page.goto(`${t.url}/?lang=en`, { waitUntil: 'networkidle0' });
    const entries = () => page.$$eval('nav#languages a', (links) => links.map((a) => [a.textContent, a.getAttribute('lang'), a.getAttribute('aria-current')]));
    expect(await entries()).toEqual([
      ['English', 'en', 'page'],
      ['Deutsch', 'de', null],
      ['Français', 'fr', null],
      ['Español', 'es', null],
      ['Italiano', 'it', null],
      ['Nederlands', 'nl', null],
      ['Polski', 'pl', null],
    ]);
    expect(await page.$eval('nav#languages', (nav) => nav.getAttribute('aria-label'))).toBe('Language');
    expect(await horizontalOverflow(page)).toBe(0);
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#languages a[hreflang=fr]')]);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('fr');
    expect(await page.$eval('html', (el) => el.lang)).toBe('fr');
    expect(await page.$eval('#send', (el) => el.textContent)).toBe('Envoyer mes demandes');
    expect(await page.$eval('nav#languages', (nav) => nav.getAttribute('aria-label'))).toBe('Langue');
    expect((await entries()).filter(([, , current]) => current === 'page')).toEqual([['Français', 'fr', 'page']]);
    expect(await horizontalOverflow(page)).toBe(0);
  });
});

describe('the signed authorization', () => {
  it("is signed on the form, and a Californian's letter to the provider carries it as a PDF naming the person, the business and the requests", async () => {
    const page = await browser.newPage();
    await page.goto(`${t.url}/?lang=en`, { waitUntil: 'networkidle0' });
    await page.type('#name', 'Sam Łukasiewicz Rivera');
    await page.type('#email', 'sam.ca@example.com');
    await chooseResidence(page, 'US-CA');
    await pickProvider(page, 'reddit', 'samr_ca');
    // The authorization is shown above the signature field, with the chosen service filled in.
    expect(await page.$eval('#authorization-text', (el) => el.textContent)).toMatch(
      /authorize Optout Autopilot \(optout@autopilot\.localhost\) to act as my authorized agent/,
    );
    expect(await page.$$eval('#authorization-businesses li', (items) => items.map((li) => li.textContent))).toEqual(['Reddit']);
    // A signature that is not the name is refused, naming the field.
    await page.type('#signature', 'Sam Rivera');
    await page.click('#consent');
    await page.click('#send');
    await page.waitForSelector('#signature-error');
    expect(await page.$$eval('#errors li', (items) => items.map((li) => li.textContent))).toEqual([
      'Type your full name exactly as above, as your signature. (must be your full name as given in name (type it as your signature))',
    ]);
    await page.click('#signature', { count: 3 });
    await page.type('#signature', 'sam łukasiewicz rivera');
    expect(await sendForm(page)).toMatch(/we sent you an email/);

    await confirmByMail(page, t, await verificationMail(t, 'sam.ca@example.com'));
    const letter = await waitUntil('the letter to Reddit', async () =>
      (await t.mails()).find((m) => m.destination.to.includes('redditdatarequests@reddit.com') && m.destination.cc.includes('sam.ca@example.com')),
    );
    const reference = /ref (OA-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(letter.subject)![1]!;
    expect(letter.body.text).toContain(
      `My signed authorization is attached to this email as authorization-${reference}.pdf (11 CCR § 7026 and 11 CCR § 7063).`,
    );
    const pdfs = letter.attachments.filter((a) => a.contentType === 'application/pdf');
    expect(pdfs.map((a) => a.filename)).toEqual([`authorization-${reference}.pdf`]);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(Buffer.from(pdfs[0]!.content!, 'base64'))), { mergePages: true });
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
