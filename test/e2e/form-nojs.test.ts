// The form in a browser with JavaScript switched off: one service from the plain list, the place of
// residence from the list, posted as a plain HTML form to /submit. The answer is a page saying the
// confirmation mail was sent (and it arrives), or the form again with each error next to its field
// and what was typed kept. The confirmation button is a plain form too, so the whole path works.
import type { Browser, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { waitUntil, type TestStack } from '../support/local-stack.ts';
import { verificationMail } from './form-support.ts';
import { useStackAndBrowser } from '../support/stack-and-browser.ts';

let t: TestStack;
let browser: Browser;

useStackAndBrowser((stack, b) => {
  t = stack;
  browser = b;
});

async function pageWithoutScripts(lang: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.goto(`${t.url}/?lang=${lang}`, { waitUntil: 'networkidle0' });
  // form.js did not run: the plain list is there, the grouped catalog is not.
  expect(await page.$eval('#basic-account', (d) => (d as HTMLElement).hidden)).toBe(false);
  expect(await page.$eval('#catalog', (d) => (d as HTMLElement).hidden)).toBe(true);
  return page;
}

describe('the form without JavaScript', () => {
  it('submits one service as a plain form post, says the mail was sent, and the mail and then the letter arrive', async () => {
    const page = await pageWithoutScripts('en');
    await page.type('#name', 'Nora Noscript');
    await page.type('#email', 'nora@example.org');
    await page.select('#jurisdiction', 'DE-HE');
    await page.select('#provider', 'reddit');
    await page.type('#identifier', 'nora_n');
    await page.click('#grounds input[value=creative-work]');
    await page.type('#grounds-text', 'My drawings are my living.\nThey are not training data.');
    await page.type('#signature', 'Nora Noscript');
    await page.click('#consent');
    const [response] = await Promise.all([page.waitForNavigation(), page.click('#send')]);
    expect(response!.request().method()).toBe('POST');
    expect(new URL(response!.url()).pathname).toBe('/submit');
    expect(response!.request().headers()['content-type']).toBe('application/x-www-form-urlencoded');
    expect(response!.status()).toBe(200);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Check your email');
    expect(await page.$eval('#result', (p) => p.textContent)).toMatch(/we sent you an email/);

    const mail = await verificationMail(t, 'nora@example.org');
    expect(mail.body.text).toContain('Reddit: nora_n');
    // The mailed link and its button work without scripts as well.
    const link = /(http\S+\/verify\?token=[\w.-]+)/.exec(mail.body.text!)![1]!;
    await page.goto(link.replace(/^https?:\/\/[^/]+/, t.url), { waitUntil: 'networkidle0' });
    await Promise.all([page.waitForNavigation(), page.click('#confirm')]);
    expect(await page.$('#status-link')).not.toBeNull();
    const letter = await waitUntil('the letter to Reddit', async () =>
      (await t.mails()).find((m) => m.destination.to.includes('redditdatarequests@reddit.com') && m.destination.cc.includes('nora@example.org')),
    );
    // The text area's line break arrived as one line break.
    expect(letter.body.text).toContain('In my own words:\nMy drawings are my living.\nThey are not training data.');
  });

  it('answers with the form again, each error next to its field, in the page language, with what was typed kept', async () => {
    const page = await pageWithoutScripts('de');
    await page.type('#name', 'Jonas Ohneskript');
    await page.type('#email', 'jonas@');
    await page.select('#jurisdiction', 'DE-SN');
    await page.type('#identifier', 'jonas_o');
    await page.type('#signature', 'Jonas Anders');
    const [response] = await Promise.all([page.waitForNavigation(), page.click('#send')]);
    expect(response!.status()).toBe(400);
    expect(await page.$eval('html', (h) => h.lang)).toBe('de');
    const errors = await page.$$eval('#errors li a', (links) => links.map((a) => [a.getAttribute('href'), a.textContent]));
    expect(errors).toEqual([
      ['#email', 'Geben Sie Ihre E-Mail-Adresse ein, etwa name@example.org.'],
      ['#provider', 'Wählen Sie mindestens einen Dienst.'],
      ['#consent', 'Setzen Sie das Häkchen, um uns mit dem Senden der Anfragen zu beauftragen.'],
    ]);
    for (const id of ['email', 'provider', 'consent']) {
      expect(await page.$eval(`#${id}`, (el) => el.getAttribute('aria-invalid')), id).toBe('true');
      expect(await page.$eval(`#${id}`, (el) => el.getAttribute('aria-describedby')?.split(' ')), id).toContain(`${id}-error`);
      expect(await page.$(`#${id}-error`), id).not.toBeNull();
    }
    // What was typed and chosen is kept.
    expect(await page.$eval('#name', (i) => (i as HTMLInputElement).value)).toBe('Jonas Ohneskript');
    expect(await page.$eval('#jurisdiction', (s) => (s as HTMLSelectElement).value)).toBe('DE-SN');
    expect(await page.$eval('#identifier', (i) => (i as HTMLInputElement).value)).toBe('jonas_o');
    // Corrected: the signature that is not the name is named next.
    await page.click('#email', { count: 3 });
    await page.type('#email', 'jonas@example.org');
    await page.select('#provider', 'pinterest');
    await page.click('#consent');
    const [second] = await Promise.all([page.waitForNavigation(), page.click('#send')]);
    expect(second!.status()).toBe(400);
    expect(await page.$eval('#signature-error', (p) => p.textContent)).toBe('Geben Sie als Unterschrift Ihren vollständigen Namen genau wie oben ein.');
    expect(await page.$eval('#errors li .detail', (s) => s.textContent)).toBe('(must be your full name as given in name (type it as your signature))');
    expect(await page.$eval('#provider', (s) => (s as HTMLSelectElement).value)).toBe('pinterest');
    expect(await page.$eval('#consent', (c) => (c as HTMLInputElement).checked)).toBe(true);
  });

  it('names the reasons, not the free text, when a posted reason is not one of the listed ones', async () => {
    // Only a crafted post can send one: the check boxes post the known values.
    const post = async (lang: string, grounds: string) => {
      const body = new URLSearchParams({ lang, name: 'Zoé Forgée', email: 'zoe@example.org', jurisdiction: 'FR', provider: 'reddit', identifier: 'zoe_f' });
      body.append('ground', 'safety');
      body.append('ground', grounds);
      body.append('groundsText', 'Mes propres mots.');
      body.append('signature', 'Zoé Forgée');
      body.append('consent', 'yes');
      const response = await fetch(`${t.url}/submit`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      return { status: response.status, html: await response.text() };
    };
    for (const [lang, message] of [
      ['fr', 'Choisissez vos raisons parmi celles proposées.'],
      ['en', 'Choose your reasons from the ones listed.'],
    ] as const) {
      const { status, html } = await post(lang, 'zzz');
      expect(status, lang).toBe(400);
      // The one error, pointing at the reasons' fieldset; the text area is not marked.
      const list = /<ul id="errors">(.*?)<\/ul>/s.exec(html)![1]!;
      expect(
        [...list.matchAll(/<li><a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]),
        lang,
      ).toEqual([['#grounds', message]]);
      expect(html, lang).toContain(`<p class="field-error" id="grounds-error">${message}</p>`);
      expect(html, lang).toContain('<fieldset id="grounds" aria-describedby="grounds-hint grounds-error">');
      expect(html, lang).not.toContain('id="grounds-text-error"');
    }
  });

  it('refuses a post made from another site, and never answers 5xx to a malformed one', async () => {
    const crossSite = await fetch(`${t.url}/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'name=Erika+Mustermann&email=victim%40example.org',
    });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.text()).toContain('This form can only be sent from its own page.');
    for (const body of ['', '%%%', `name=${'x'.repeat(300)}&ground=nonsense&lang=xx`, 'jurisdiction=DE&provider=dn:nope']) {
      const response = await fetch(`${t.url}/submit`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      expect(response.status, body).toBe(400);
      expect(await response.text(), body).toContain('id="error-summary"');
    }
    // Escapes that decode to no text at all (no browser sends them): a page saying the post was unreadable.
    const unreadable = await fetch(`${t.url}/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=%E0%A4%A&email',
    });
    expect(unreadable.status).toBe(400);
    expect(unreadable.headers.get('content-type')).toContain('text/html');
    expect(await unreadable.text()).toContain('could not read what your browser sent');
    expect((await fetch(`${t.url}/submit`, { redirect: 'manual' })).status).toBe(303);
  });
});

describe('languages without JavaScript', () => {
  it('switches between all seven languages by plain links, and the form posted with errors keeps its language and its switch', async () => {
    const page = await pageWithoutScripts('en');
    await Promise.all([page.waitForNavigation(), page.click('#languages a[hreflang=pl]')]);
    expect(await page.$eval('html', (h) => h.lang)).toBe('pl');
    expect(await page.$$eval('#languages a', (links) => links.map((a) => a.textContent))).toEqual([
      'English',
      'Deutsch',
      'Français',
      'Español',
      'Italiano',
      'Nederlands',
      'Polski',
    ]);
    await Promise.all([page.waitForNavigation(), page.click('#languages a[hreflang=fr]')]);
    const [response] = await Promise.all([page.waitForNavigation(), page.click('#send')]);
    expect(response!.status()).toBe(400);
    expect(await page.$eval('html', (h) => h.lang)).toBe('fr');
    expect(await page.$eval('#languages a[aria-current=page]', (a) => a.textContent)).toBe('Français');
    expect(await page.$eval('#languages', (nav) => nav.getAttribute('aria-label'))).toBe('Langue');
  });
});

describe('error pages', () => {
  it("speak the browser's language: a bad verification link with Accept-Language fr gives a French 404 page, the English reason kept as a reference", async () => {
    const page = await browser.newPage();
    await page.setExtraHTTPHeaders({ 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' });
    const response = await page.goto(`${t.url}/verify?token=abc.def`, { waitUntil: 'networkidle0' });
    expect(response!.status()).toBe(404);
    expect(await page.$eval('html', (h) => h.lang)).toBe('fr');
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Introuvable');
    expect(await page.$eval('#error-message', (p) => p.textContent)).toMatch(/^Ce lien de confirmation n'est pas valide\./);
    expect(await page.$eval('p.detail', (p) => [p.lang, p.textContent])).toEqual(['en', '(this verification link is not valid)']);
    expect(await page.$eval('#back-to-form', (a) => [a.getAttribute('href'), a.textContent])).toEqual(['/?lang=fr', 'Retour au formulaire']);
  });

  it('take ?lang= before the browser language, and the posting page names its language; the JSON API stays English', async () => {
    const french = { 'accept-language': 'fr' };
    const polish = await fetch(`${t.url}/verify?token=abc.def&lang=pl`, { headers: french });
    expect(polish.status).toBe(404);
    const polishPage = await polish.text();
    expect(polishPage).toContain('<html lang="pl">');
    expect(polishPage).toContain('Ten link potwierdzający jest nieprawidłowy.');
    // The confirmation page posts to /verify?lang= in the submission's language.
    const posted = await fetch(`${t.url}/verify?lang=de`, {
      method: 'POST',
      headers: { ...french, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=x.y',
    });
    expect(posted.status).toBe(404);
    expect(await posted.text()).toContain('Dieser Bestätigungslink ist ungültig.');
    const nowhere = await fetch(`${t.url}/nowhere`, { headers: { 'accept-language': 'nl-BE' } });
    expect(nowhere.status).toBe(404);
    expect(await nowhere.text()).toContain('Op dit adres staat geen pagina.');
    const crossSite = await fetch(`${t.url}/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'lang=es&name=Erika',
    });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.text()).toContain('Este formulario solo se puede enviar desde su propia página.');
    const api = await fetch(`${t.url}/api/verify?token=abc.def&lang=fr`, { headers: french });
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: 'this verification link is not valid' });
  });
});
