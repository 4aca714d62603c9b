// The fixture sites as a person's own browser sees the real ones: https://www.linkedin.com and so on,
// served by one local HTTPS server (a throwaway certificate, self-signed.ts) that Chromium reaches
// through --host-resolver-rules. Requests are passed on to the fixture servers (fixture-sites.ts),
// with their redirects mapped back to the provider's names, so cookies live on the providers' real
// domains and an extension's host permissions apply exactly as they would on the real sites.
// Two additions of its own: the login form works (a POST to the site's login page starts a fixture
// session and sets its cookie, the way the real site would), and one site outside the catalog
// (https://mail.example.org, a "webmail") sets a cookie of its own, which nothing may ever read.
import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { FixtureSites } from './fixture-sites.ts';
import { selfSignedCertificate } from './self-signed.ts';

const SITES_DIR = new URL('../fixtures/sites/', import.meta.url);
/** A site outside the catalog, whose cookie must stay where it is. */
export const OTHER_SITE = 'https://mail.example.org';
const OTHER_COOKIE = 'webmail_session';

interface SiteLogin {
  origins: string[];
  session: { cookie: string; domain: string };
  login: { origin: number; path: string };
}

export interface Login {
  provider: string;
  /** The fixture session's cookie value (what `sites.settings()` is keyed by). */
  session: string;
  /** What the person typed into the site's password field. */
  password: string;
}

export interface ProviderFront {
  /** Chromium flags: map the providers' host names (and the webmail) to this server, accept its certificate. */
  chromiumArgs: string[];
  /** `https://www.linkedin.com/uas/login` for a provider. */
  loginUrl(provider: string): string;
  logins: Login[];
  /** The webmail's cookie value, once the browser has opened OTHER_SITE. */
  otherCookieValue: string;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startProviderFront(sites: FixtureSites, providers: string[]): Promise<ProviderFront> {
  const configs = new Map(providers.map((slug) => [slug, JSON.parse(readFileSync(new URL(`${slug}/site.json`, SITES_DIR), 'utf8')) as SiteLogin]));
  /** host name -> the provider and which of its origins it is. */
  const hosts = new Map<string, { slug: string; origin: string; index: number }>();
  for (const [slug, config] of configs) {
    for (const [index, origin] of config.origins.entries()) {
      if (!origin.startsWith('https://')) throw new Error(`fixture site ${slug}: ${origin} is not https`);
      hosts.set(new URL(origin).hostname, { slug, origin, index });
    }
  }
  /** Local fixture origin -> provider origin, to map redirects back. */
  const reverse = new Map([...hosts.values()].map((h) => [sites.origins[h.origin]!, h.origin]));
  const otherHost = new URL(OTHER_SITE).hostname;
  const logins: Login[] = [];
  const otherCookieValue = `webmail-${randomBytes(12).toString('hex')}`;

  const login = async (req: IncomingMessage, res: ServerResponse, slug: string, origin: string) => {
    const form = new URLSearchParams((await readBody(req)).toString('utf8'));
    const config = configs.get(slug)!;
    const cookie = sites.newSession(slug);
    logins.push({ provider: slug, session: cookie.value, password: form.get('password') ?? '' });
    const next = new URL(req.url ?? '/', origin).searchParams.get('next');
    const target = next && config.origins.includes(new URL(next).origin) ? next : `${origin}/`;
    res.writeHead(303, {
      location: target,
      'set-cookie': `${config.session.cookie}=${cookie.value}; Domain=${config.session.domain}; Path=/; Secure; HttpOnly; SameSite=Lax`,
      'cache-control': 'no-store',
    });
    res.end();
  };

  const pass = (req: IncomingMessage, res: ServerResponse, local: string) => {
    const target = new URL(req.url ?? '/', local);
    const upstream = httpRequest(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
      const headers = { ...answer.headers };
      if (typeof headers.location === 'string') {
        for (const [from, to] of reverse) if (headers.location.startsWith(from)) headers.location = to + headers.location.slice(from.length);
      }
      res.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(res);
    });
    upstream.on('error', (error) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(error.message);
    });
    req.pipe(upstream);
  };

  const { key, cert } = selfSignedCertificate([...hosts.keys(), otherHost]);
  const server = createServer({ key, cert }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (host === otherHost) {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'set-cookie': `${OTHER_COOKIE}=${otherCookieValue}; Path=/; Secure; HttpOnly; SameSite=Lax`,
      });
      res.end('<!doctype html><html lang="en"><title>Webmail</title><h1>Your inbox</h1></html>');
      return;
    }
    const site = hosts.get(host);
    if (!site) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(`no fixture site for ${host}`);
      return;
    }
    const config = configs.get(site.slug)!;
    const path = new URL(req.url ?? '/', site.origin).pathname;
    if (req.method === 'POST' && site.index === config.login.origin && path === config.login.path) {
      login(req, res, site.slug, site.origin).catch((error: Error) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(error.message);
      });
      return;
    }
    pass(req, res, sites.origins[site.origin]!);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const mapped = [...hosts.keys(), otherHost].map((h) => `MAP ${h} 127.0.0.1:${port}`);

  return {
    chromiumArgs: [
      // Every other name fails at once: there is no network here, and nothing else may be reached.
      `--host-resolver-rules=${[...mapped, 'EXCLUDE 127.0.0.1', 'EXCLUDE localhost', 'MAP * ~NOTFOUND'].join(', ')}`,
      '--ignore-certificate-errors',
    ],
    loginUrl(provider) {
      const config = configs.get(provider);
      if (!config) throw new Error(`the front does not serve ${provider} (serves: ${providers.join(', ')})`);
      return `${config.origins[config.login.origin]}${config.login.path}`;
    },
    logins,
    otherCookieValue,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
