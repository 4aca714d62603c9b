// Local stand-ins for the providers' settings pages and web forms (test/fixtures/sites/<provider>/),
// one node:http server per provider origin on 127.0.0.1, plus a "third party" server the browser must
// never reach. Every request is recorded with its headers, so tests can check what the browser sent.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { CookieParam } from 'puppeteer-core';
import { SLOW_SAVE_MS, type Variant, type VariantSite, variantConfig, variantPage } from './fixture-variants.ts';

export type FixtureMode =
  | 'normal'
  | 'captcha'
  | 'two_factor'
  | 'expired_session'
  | 'renamed_control'
  | 'already_off'
  /** Controls render 2.5 s later than usual. */
  | 'slow'
  /** The server refuses to save a toggle; the page keeps showing the old state. */
  | 'not_saved';

interface SiteConfig {
  name: string;
  origins: string[];
  session: { cookie: string; domain: string };
  login: { origin: number; path: string; heading: string };
  captchaText: string;
  twoFactorText: string;
  challengePath?: string;
  twoFactorPath?: string;
  delayMs: number;
  cookieBanner: { text: string; buttons: string[] } | null;
  settings: Record<string, boolean>;
  confirmOff?: { title: string; text: string; confirm: string; cancel: string };
  renamed: [string, string][];
  pages: { origin: number; path: string; file: string; session?: boolean; state?: boolean }[];
  /** Texts for the generated pages of issue 15's differences (fixture-variants.ts). */
  variant?: VariantSite;
}

export interface RecordedRequest {
  provider: string;
  /** The provider origin this server stands in for (or the third-party origin). */
  origin: string;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export interface Submission {
  provider: string;
  form: string;
  fields: Record<string, string>;
}

/** An answer the browser gave on a fixture consent dialog (the hard pages record every press). */
export interface Consent {
  provider: string;
  session: string;
  answer: string;
}

export interface FixtureSites {
  /** Provider origin (https://www.pinterest.com) -> local origin (http://127.0.0.1:PORT). */
  origins: Record<string, string>;
  /** An origin that is not any provider's; pages embed a script from it, which must be blocked. */
  thirdPartyOrigin: string;
  providers: string[];
  setMode(provider: string, mode: FixtureMode): void;
  /** Serves the provider's settings page as this variant (null: its own page again). */
  setVariant(provider: string, variant: Variant | null): void;
  /** A fresh logged-in session for the provider, as a cookie for the provider's real domain. */
  newSession(provider: string): CookieParam;
  /** The toggles the server holds for a session (what a read-back must agree with). */
  settings(provider: string, sessionValue: string): Record<string, boolean> | undefined;
  submissions(provider: string): Submission[];
  /** Consent given on the hard pages' dialogs, per session (what the engine must never do). */
  consents(provider: string, sessionValue: string): string[];
  requests: RecordedRequest[];
  thirdPartyHits: RecordedRequest[];
  close(): Promise<void>;
}

const SITES_DIR = new URL('../fixtures/sites/', import.meta.url);

function readSite(slug: string): SiteConfig {
  return JSON.parse(readFileSync(new URL(`${slug}/site.json`, SITES_DIR), 'utf8')) as SiteConfig;
}

function readText(relative: string): string {
  return readFileSync(new URL(relative, SITES_DIR), 'utf8');
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFixtureSites(): Promise<FixtureSites> {
  const providers = readdirSync(SITES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'common')
    .map((d) => d.name)
    .sort();
  const sites = new Map(providers.map((slug) => [slug, readSite(slug)]));
  const modes = new Map<string, FixtureMode>(providers.map((p) => [p, 'normal']));
  const variants = new Map<string, Variant>();
  const sessions = new Map<string, Map<string, Record<string, boolean>>>(providers.map((p) => [p, new Map()]));
  const submissions: Submission[] = [];
  const consents: Consent[] = [];
  const requests: RecordedRequest[] = [];
  const thirdPartyHits: RecordedRequest[] = [];
  const servers: Server[] = [];
  const origins: Record<string, string> = {};
  const common = {
    js: readText('common/site.js'),
    css: readText('common/site.css'),
    login: readText('common/login.html'),
    challenge: readText('common/challenge.html'),
    twoFactor: readText('common/two-factor.html'),
  };

  const thirdParty = createServer((req, res) => {
    thirdPartyHits.push({ provider: 'third-party', origin: 'third-party', method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers });
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end('/* tracking beacon */');
  });
  servers.push(thirdParty);
  const thirdPartyOrigin = await listen(thirdParty);

  function handler(slug: string, site: SiteConfig, originIndex: number) {
    const providerOrigin = site.origins[originIndex]!;
    const local = (index: number) => origins[site.origins[index]!]!;

    const page = (html: string, res: ServerResponse, state: boolean, override: Record<string, unknown> = {}) => {
      const mode = modes.get(slug);
      const config = {
        delayMs: site.delayMs + (mode === 'slow' ? 2500 : 0),
        cookieBanner: site.cookieBanner,
        confirmOff: site.confirmOff ?? null,
        needsState: state,
        ...override,
      };
      const head =
        '<link rel="stylesheet" href="/_fixture/site.css">' +
        `<script>window.FIXTURE = ${JSON.stringify(config)};</script>` +
        '<script src="/_fixture/site.js" defer></script>';
      const tracker = `<img src="http://tracker.invalid/pixel.gif" alt="" width="1" height="1"><script src="${thirdPartyOrigin}/beacon.js" async></script>`;
      let body = html
        .replaceAll('{{HEAD}}', head)
        .replaceAll('{{TRACKER}}', tracker)
        .replaceAll('{{SITE}}', site.name)
        .replaceAll('{{LOGIN_HEADING}}', site.login.heading)
        .replaceAll('{{CAPTCHA_TEXT}}', site.captchaText)
        .replaceAll('{{TWO_FACTOR_TEXT}}', site.twoFactorText);
      if (mode === 'renamed_control') {
        for (const [from, to] of site.renamed) body = body.replaceAll(from, to);
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(body);
    };

    const sessionState = (req: IncomingMessage) => {
      if (modes.get(slug) === 'expired_session') return undefined;
      const value = parseCookies(req.headers.cookie)[site.session.cookie];
      return value ? sessions.get(slug)!.get(value) : undefined;
    };

    return async (req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', 'http://fixture');
      requests.push({ provider: slug, origin: providerOrigin, method: req.method ?? 'GET', path: url.pathname + url.search, headers: req.headers });
      const send = (status: number, type: string, body: string) => {
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(body);
      };
      const mode = modes.get(slug);

      if (url.pathname === '/_fixture/site.js') return send(200, 'text/javascript', common.js);
      if (url.pathname === '/_fixture/site.css') return send(200, 'text/css', common.css);
      if (url.pathname === '/_fixture/hard.js') return send(200, 'text/javascript', readText('common/hard/hard.js'));
      if (url.pathname === '/_fixture/consent' && req.method === 'POST') {
        const session = parseCookies(req.headers.cookie)[site.session.cookie] ?? '';
        consents.push({ provider: slug, session, answer: await readBody(req) });
        return send(200, 'application/json', '{"ok":true}');
      }
      if (url.pathname === '/_fixture/state') {
        const state = sessionState(req);
        if (!state) return send(401, 'application/json', '{"error":"not logged in"}');
        // Hard pages: ?delay=ms answers late; a POST with ?keep=no says 201 Created but stores nothing.
        const delay = Number(url.searchParams.get('delay') ?? 0);
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        if (req.method === 'POST' && url.searchParams.get('keep') === 'no') {
          await readBody(req);
          return send(201, 'application/json', JSON.stringify(state));
        }
        if (req.method === 'POST') {
          const { key, value } = JSON.parse(await readBody(req)) as { key: string; value: boolean };
          const features = variants.get(slug)?.features ?? [];
          if (mode === 'not_saved' || features.includes('failing-save')) return send(503, 'application/json', '{"error":"try again later"}');
          if (features.includes('slow-save')) {
            // A reload before the answer aborts the request, and the change is lost, as on a real site.
            let gone = false;
            res.on('close', () => {
              if (!res.writableEnded) gone = true;
            });
            await new Promise((resolve) => setTimeout(resolve, SLOW_SAVE_MS));
            if (gone) return;
          }
          if (!(key in state) || typeof value !== 'boolean') return send(400, 'application/json', '{"error":"bad setting"}');
          state[key] = value;
        }
        return send(200, 'application/json', JSON.stringify(state));
      }
      if (url.pathname === '/_fixture/form' && req.method === 'POST') {
        if (!sessionState(req)) return send(401, 'application/json', '{"error":"not logged in"}');
        const { form, fields } = JSON.parse(await readBody(req)) as { form: string; fields: Record<string, string> };
        submissions.push({ provider: slug, form, fields });
        return send(200, 'application/json', '{"ok":true}');
      }
      if (originIndex === site.login.origin && url.pathname === site.login.path) return page(common.login, res, false);
      if (url.pathname === (site.challengePath ?? '/challenge/')) return page(common.challenge, res, false);
      if (url.pathname === (site.twoFactorPath ?? '/two-factor/')) return page(common.twoFactor, res, false);
      const hard = /^\/_fixture\/hard\/([\w-]+)$/.exec(url.pathname);
      if (hard) {
        // Hard pages (common/hard/<name>.html): self-contained, logged in, state from /_fixture/state.
        if (!sessionState(req)) return send(401, 'text/html', '<h1>Log in to see more</h1>');
        let html: string;
        try {
          html = readText(`common/hard/${hard[1]}.html`);
        } catch {
          return send(404, 'text/html', '<h1>Page not found</h1>');
        }
        return send(200, 'text/html; charset=utf-8', html);
      }

      const variant = variants.get(slug);
      const generated = variant && site.variant && originIndex === 0 ? variantPage(site.variant, variant, url.pathname) : null;
      const route = generated
        ? { origin: 0, path: url.pathname, file: '', session: true, state: generated.state }
        : site.pages.find((p) => p.origin === originIndex && p.path === url.pathname);
      if (!route) return send(404, 'text/html', '<h1>Page not found</h1>');
      if (route.session) {
        const next = encodeURIComponent(`${providerOrigin}${url.pathname}${url.search}`);
        const redirect = (to: string) => {
          res.writeHead(302, { location: to, 'cache-control': 'no-store' });
          res.end();
        };
        if (!sessionState(req)) return redirect(`${local(site.login.origin)}${site.login.path}?next=${next}`);
        if (mode === 'captcha') return redirect(`${local(originIndex)}${site.challengePath ?? '/challenge/'}?next=${next}`);
        if (mode === 'two_factor') return redirect(`${local(originIndex)}${site.twoFactorPath ?? '/two-factor/'}?next=${next}`);
      }
      if (generated && variant && site.variant) {
        return page(generated.html, res, generated.state, variantConfig(site.variant, variant, generated.frame));
      }
      return page(readText(`${slug}/${route.file}`), res, route.state === true);
    };
  }

  for (const [slug, site] of sites) {
    for (const [index, origin] of site.origins.entries()) {
      const server = createServer();
      servers.push(server);
      origins[origin] = await listen(server);
      const handle = handler(slug, site, index);
      server.on('request', (req, res) => {
        handle(req, res).catch((err: Error) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(err.message);
        });
      });
    }
  }

  const siteOf = (provider: string) => {
    const site = sites.get(provider);
    if (!site) throw new Error(`no fixture site "${provider}" (have: ${providers.join(', ')})`);
    return site;
  };

  return {
    origins,
    thirdPartyOrigin,
    providers,
    requests,
    thirdPartyHits,
    setMode(provider, mode) {
      siteOf(provider);
      modes.set(provider, mode);
    },
    setVariant(provider, variant) {
      if (!siteOf(provider).variant) throw new Error(`fixture site "${provider}" has no variant texts`);
      if (variant) variants.set(provider, variant);
      else variants.delete(provider);
    },
    newSession(provider) {
      const site = siteOf(provider);
      const value = `fixture-${randomBytes(12).toString('hex')}`;
      const off = modes.get(provider) === 'already_off';
      const state = Object.fromEntries(Object.entries(site.settings).map(([k, v]) => [k, off ? false : v]));
      sessions.get(provider)!.set(value, state);
      return { name: site.session.cookie, value, domain: site.session.domain, path: '/', secure: true, httpOnly: true };
    },
    settings(provider, sessionValue) {
      const state = sessions.get(provider)?.get(sessionValue);
      return state ? { ...state } : undefined;
    },
    submissions(provider) {
      return submissions.filter((s) => s.provider === provider);
    },
    consents(provider, sessionValue) {
      return consents.filter((c) => c.provider === provider && c.session === sessionValue).map((c) => c.answer);
    },
    async close() {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      );
    },
  };
}
