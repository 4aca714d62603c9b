// The HTTP API and pages, independent of where they run: the local server (infra/local/http-server.ts)
// and API Gateway (http-lambda.ts) both translate to HttpRequest and call handleHttp.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, TEMPLATES_DIR } from '../core/templates.ts';
import { getEvidence } from '../adapters/evidence.ts';
import { Conflict, NotFound, TooManyRequests, ValidationError } from '../app/errors.ts';
import { createHash } from 'node:crypto';
import { checkVerifyToken, getStatus, personAction, submit, verify, type SubmissionView } from '../app/submissions.ts';
import { sessionUse, uploadSession } from '../app/session-upload.ts';
import { searchCompanies } from '../app/company-search.ts';
import { previewSubmission, providerPlans, withPlans } from '../app/preview.ts';
import { formPage, formPost } from './form-page.ts';
import { errorPage } from './error-page.ts';
import { erasePersonalData, exportPersonalData } from '../app/personal-data.ts';
import { renderStatusPage } from '../app/status-page.ts';
import { fill, pageText, pickLanguage } from '../core/page-text.ts';
import { retryAfterSeconds } from '../app/limits.ts';
import { config } from '../adapters/config.ts';
import { getProvider } from '../core/providers/catalog.ts';

export interface HttpRequest {
  method: string;
  path: string;
  query: Record<string, string | undefined>;
  headers: Record<string, string | undefined>;
  body?: string;
  /** The body's bytes were not UTF-8 (see decodeBody): the request is answered 400 and never read. */
  bodyNotUtf8?: boolean;
  /** The URL's length as the client sent it (path and query, undecoded), where the adapter knows it. */
  urlLength?: number;
  /** The caller's network address (API Gateway's sourceIp; locally the socket's), for the abuse limits. */
  clientAddress?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
  isBase64?: boolean;
}

// Every dynamic response may carry personal data or a token (status pages, links in pages): no cache
// may keep it. Static files carry neither and may be cached.
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** Bodies larger than this are refused before parsing. */
export const MAX_BODY_BYTES = 256 * 1024;
/** Longer URLs (path and query) are refused with 414: no link of ours comes near it. */
export const MAX_URL_CHARS = 4096;

function json(status: number, body: unknown): HttpResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS }, body: JSON.stringify(body) };
}

function html(status: number, body: string): HttpResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS }, body };
}

function tooMany(error: TooManyRequests): HttpResponse {
  const seconds = retryAfterSeconds(error.retryAt);
  const response = json(429, { error: error.message, retryAt: error.retryAt.toISOString() });
  return { ...response, headers: { ...response.headers, 'retry-after': String(seconds) } };
}

/** POST bodies of the API must be JSON: a cross-site page cannot send that without a CORS preflight. */
function requireJson(req: HttpRequest): void {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new UnsupportedMediaType(`send the body as application/json (got ${type || 'no content-type'})`);
}

class UnsupportedMediaType extends Error {}

function redirect(location: string): HttpResponse {
  return { status: 303, headers: { location, ...SECURITY_HEADERS }, body: '' };
}

function parseJson(body: string | undefined): unknown {
  if (!body) throw new ValidationError('request body is missing', [{ path: '(body)', message: 'is missing: send a JSON object' }]);
  try {
    return JSON.parse(body);
  } catch {
    throw new ValidationError('request body is not valid JSON', [{ path: '(body)', message: 'is not valid JSON' }]);
  }
}

const STATIC_FILES: Record<string, string> = {
  '/static/form.js': 'application/javascript; charset=utf-8',
  '/static/status.js': 'application/javascript; charset=utf-8',
  '/static/status.css': 'text/css; charset=utf-8',
  '/static/style.css': 'text/css; charset=utf-8',
};
const STATIC_HEADERS = { 'cache-control': 'max-age=300', 'x-content-type-options': 'nosniff' };

/**
 * A request body's bytes as text, for both adapters. Bytes that are not UTF-8 are refused, not
 * replaced by U+FFFD: a name would otherwise be stored and mailed with the damage in it.
 */
export function decodeBody(bytes: Uint8Array): Pick<HttpRequest, 'body' | 'bodyNotUtf8'> {
  if (bytes.length === 0) return {};
  try {
    return { body: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { bodyNotUtf8: true };
  }
}

/**
 * Whether a form-urlencoded body's percent-escapes (%C3%A9) decode to UTF-8: URLSearchParams would
 * put U+FFFD in silently. Each run of escapes stands alone: the text around it is UTF-8 already.
 */
function formIsUtf8(body: string): boolean {
  for (const [run] of body.matchAll(/(?:%[0-9a-f]{2})+/gi)) {
    const bytes = Uint8Array.from(run.slice(1).split('%'), (hex) => Number.parseInt(hex, 16));
    if (decodeBody(bytes).bodyNotUtf8) return false;
  }
  return true;
}

const NOT_UTF8 = 'the body is not valid UTF-8';

type Route = {
  method: string;
  pattern: RegExp;
  run: (req: HttpRequest, params: string[]) => Promise<HttpResponse>;
  /** A GET that changes something (it confirms): a HEAD, which any client may send to look, must not run it. */
  noHead?: true;
};

const ID = '([\\w-]{8,64})';
const RID = '(r\\d{1,4})';

const routes: Route[] = [
  { method: 'GET', pattern: /^\/$/, run: async (req) => html(200, formPage(pickLanguage(req.query.lang, req.headers['accept-language']))) },
  {
    method: 'GET',
    pattern: /^\/api\/providers$/,
    // With ?jurisdiction= (and lang), each provider's planned action (app/preview.ts).
    run: async (req) => json(200, providerPlans(req.query)),
  },
  {
    // The form's search over the curated catalog and the long tail (app/company-search.ts).
    method: 'GET',
    pattern: /^\/api\/companies$/,
    run: async (req) => {
      const found = searchCompanies(req.query);
      // With ?jurisdiction=, each hit's planned action, as in GET /api/providers.
      return json(200, { ...found, companies: withPlans(found.companies, req.query) });
    },
  },
  {
    // The letters as they will go out, and the authorization to sign: nothing is sent or stored (app/preview.ts).
    method: 'POST',
    pattern: /^\/api\/preview$/,
    run: async (req) => {
      requireJson(req);
      return json(200, await previewSubmission(parseJson(req.body), req.clientAddress));
    },
  },
  {
    // The form without JavaScript: a plain urlencoded post, answered with a page (handlers/form-page.ts).
    method: 'POST',
    pattern: /^\/submit$/,
    run: async (req) => {
      const result = await formPost(req.body, req.headers, req.clientAddress);
      if (result.status === 303) return redirect(result.location);
      const response = html(result.status, result.page);
      return 'retryAfterSeconds' in result && result.retryAfterSeconds
        ? { ...response, headers: { ...response.headers, 'retry-after': String(result.retryAfterSeconds) } }
        : response;
    },
  },
  { method: 'GET', pattern: /^\/submit$/, run: async () => redirect('/') },
  {
    method: 'POST',
    pattern: /^\/api\/submissions$/,
    run: async (req) => {
      requireJson(req);
      return json(202, await submit(parseJson(req.body), req.clientAddress, req.headers['user-agent']));
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/verify$/,
    noHead: true,
    run: async (req) => json(200, await verify(req.query.token, 'GET /api/verify', { clientAddress: req.clientAddress, userAgent: req.headers['user-agent'] })),
  },
  {
    // The emailed link only shows a button: mail scanners that open links must not confirm for the person.
    method: 'GET',
    pattern: /^\/verify$/,
    run: async (req) => {
      const submission = await checkVerifyToken(req.query.token);
      const t = pageText(submission.lang);
      return html(
        200,
        render('pages/verify.html', {
          lang: submission.lang,
          t,
          token: req.query.token,
          heading: fill(t.verifyHeading, { count: submission.accounts.length }),
          body: fill(t.verifyBody, { email: submission.email }),
          // Whoever opens the link sees what they confirm: the name the letters are signed with and the
          // accounts (a stranger may have typed this address in), and that ignoring it is safe.
          what: fill(t.verifyWhat, { name: submission.name }),
          accounts: submission.accounts.map((a) => ({ provider: getProvider(a.provider).name, identifier: a.identifier })),
          notYou: fill(t.verifyNotYou, { hours: String(config().unverifiedHours) }),
        }),
      );
    },
  },
  {
    method: 'POST',
    pattern: /^\/verify$/,
    run: async (req) => {
      const token = new URLSearchParams(req.body ?? '').get('token') ?? undefined;
      const { statusUrl, lang } = await verify(token, 'POST /verify', { clientAddress: req.clientAddress, userAgent: req.headers['user-agent'] });
      return html(200, render('pages/verified.html', { lang, t: pageText(lang), statusUrl }));
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/api/submissions/${ID}$`),
    run: async (req, [id]) => json(200, publicView(await getStatus(id!, req.query.t), req.query.t!)),
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/status/${ID}$`),
    run: async (req, [id]) => html(200, statusPage(await getStatus(id!, req.query.t), req.query.t!)),
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/api/submissions/${ID}/requests/${RID}/(confirm|cancel)$`),
    run: async (req, [id, rid, action]) => {
      await personAction(id!, req.query.t, rid!, action as 'confirm' | 'cancel');
      return json(200, publicView(await getStatus(id!, req.query.t), req.query.t!));
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/status/${ID}/requests/${RID}/(confirm|cancel)$`),
    run: async (req, [id, rid, action]) => {
      await personAction(id!, req.query.t, rid!, action as 'confirm' | 'cancel');
      return redirect(`/status/${id}?t=${encodeURIComponent(req.query.t ?? '')}`);
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/api/submissions/${ID}/sessions$`),
    run: async (req, [id]) => {
      requireJson(req);
      return json(201, await uploadSession(id!, req.query.t, parseJson(req.body)));
    },
  },
  {
    // Evidence is addressed by a digest of its key. The key itself comes from the authorized
    // submission's own events; nothing from the URL ever reaches a file path or an S3 key.
    method: 'GET',
    pattern: new RegExp(`^/evidence/${ID}/([0-9a-f]{32})$`),
    run: async (req, [id, ref]) => {
      const view = await getStatus(id!, req.query.t); // authorizes
      const evidenceKey = view.requests.flatMap((r) => r.events.flatMap((e) => e.evidence)).find((k) => evidenceRef(k) === ref);
      if (!evidenceKey) throw new NotFound('evidence not found');
      const body = await getEvidence(evidenceKey).catch(() => {
        throw new NotFound('evidence not found');
      });
      const name = evidenceKey.split('/').pop()!;
      const inline = name.endsWith('.png');
      return {
        status: 200,
        headers: {
          ...SECURITY_HEADERS,
          'content-type': inline ? 'image/png' : name.endsWith('.pdf') ? 'application/pdf' : 'message/rfc822',
          'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${name.replace(/[^\w.-]/g, '_')}"`,
        },
        body,
      };
    },
  },
  {
    // Everything held about the person, as one zip (functions/app/personal-data.ts).
    method: 'GET',
    pattern: new RegExp(`^/api/submissions/${ID}/export$`),
    run: async (req, [id]) => {
      const { filename, zip } = await exportPersonalData(id!, req.query.t);
      return {
        status: 200,
        headers: {
          ...SECURITY_HEADERS,
          'content-type': 'application/zip',
          'content-disposition': `attachment; filename="${filename}"`,
          'cache-control': 'no-store',
        },
        body: zip,
      };
    },
  },
  {
    // Deletes everything about the person; a second call answers 404 like any unknown id.
    method: 'DELETE',
    pattern: new RegExp(`^/api/submissions/${ID}$`),
    run: async (req, [id]) => {
      await erasePersonalData(id!, req.query.t);
      return { status: 204, headers: { ...SECURITY_HEADERS }, body: '' };
    },
  },
  {
    // The status page's "delete everything": a page that asks first, then a POST with the box ticked (no script needed).
    method: 'GET',
    pattern: new RegExp(`^/status/${ID}/delete$`),
    run: async (req, [id]) => {
      const { lang } = await getStatus(id!, req.query.t); // authorizes
      return html(200, render('pages/delete-confirm.html', { lang, t: pageText(lang), id, token: encodeURIComponent(req.query.t!), missing: false }));
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/status/${ID}/delete$`),
    run: async (req, [id]) => {
      const { lang } = await getStatus(id!, req.query.t); // authorizes
      if (new URLSearchParams(req.body ?? '').get('confirm') !== 'yes') {
        return html(400, render('pages/delete-confirm.html', { lang, t: pageText(lang), id, token: encodeURIComponent(req.query.t!), missing: true }));
      }
      await erasePersonalData(id!, req.query.t);
      return html(200, render('pages/deleted.html', { lang, t: pageText(lang) }));
    },
  },
];

/** The language of a page: the one the link or the posting page names (?lang=), else the browser's (the form's chooser). */
function pageLanguage(req: HttpRequest) {
  return pickLanguage(req.query.lang, req.headers['accept-language']);
}

/**
 * 405, with the Allow header RFC 9110 requires: the methods the path takes (HEAD wherever GET is).
 * A page answers with a page, the API and static files with JSON.
 */
function notAllowed(req: HttpRequest, matching: Pick<Route, 'method' | 'noHead'>[], asPage: boolean): HttpResponse {
  // Every GET also takes HEAD, but for a GET that changes something (Route.noHead).
  const allow = [...new Set(matching.flatMap((r) => (r.method === 'GET' && !r.noHead ? ['GET', 'HEAD'] : [r.method])))].join(', ');
  const message = `method ${req.method} not allowed on ${req.path}; it takes ${allow}`;
  const response = asPage ? html(405, errorPage(pageLanguage(req), { kind: 'conflict', error: new Conflict(message) })) : json(405, { error: message });
  return { ...response, headers: { ...response.headers, allow } };
}

export async function handleHttp(req: HttpRequest): Promise<HttpResponse> {
  // HEAD is GET without the body (RFC 9110, 9.3.2): the same status and headers.
  if (req.method !== 'HEAD') return answer(req, req.method);
  const response = await answer(req, 'GET');
  return { ...response, headers: { ...response.headers, 'content-length': String(Buffer.byteLength(response.body)) }, body: '' };
}

/** The answer to `req`, routed as `method` (GET for a HEAD). */
async function answer(req: HttpRequest, method: string): Promise<HttpResponse> {
  // The URL as sent: a decoded, de-duplicated query would be shorter than what the client sent.
  const urlLength = req.urlLength ?? req.path.length + Object.entries(req.query).reduce((n, [k, v]) => n + k.length + (v?.length ?? 0) + 2, 0);
  const wantsHtml = !req.path.startsWith('/api/');
  // A page's request the server cannot read gets a page that says so; the API's, JSON.
  const unreadable = (status: number, body: { error: string; issues?: unknown }) =>
    wantsHtml && !req.path.startsWith('/static/')
      ? html(status, errorPage(pageLanguage(req), { kind: 'bad-request', reason: body.error }))
      : json(status, body);
  if (urlLength > MAX_URL_CHARS) return unreadable(414, { error: `the URL is longer than ${MAX_URL_CHARS} characters` });
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (req.bodyNotUtf8 || (type === 'application/x-www-form-urlencoded' && req.body && !formIsUtf8(req.body))) {
    return unreadable(400, { error: NOT_UTF8, issues: [{ path: '(body)', message: 'is not valid UTF-8: send the text encoded as UTF-8' }] });
  }
  const staticType = STATIC_FILES[req.path];
  if (staticType) {
    if (method !== 'GET') return notAllowed(req, [{ method: 'GET' }], false);
    return {
      status: 200,
      headers: { 'content-type': staticType, ...STATIC_HEADERS },
      body: readFileSync(join(TEMPLATES_DIR, 'pages', req.path.slice('/static/'.length))),
    };
  }
  try {
    if (req.body && Buffer.byteLength(req.body) > MAX_BODY_BYTES) {
      return unreadable(413, { error: `request body is larger than ${MAX_BODY_BYTES} bytes` });
    }
    const allowed: Route[] = [];
    for (const route of routes) {
      const match = route.pattern.exec(req.path);
      if (!match) continue;
      if (route.method !== method || (req.method === 'HEAD' && route.noHead)) {
        allowed.push(route);
        continue;
      }
      return await route.run(req, match.slice(1));
    }
    if (allowed.length > 0) return notAllowed(req, allowed, wantsHtml);
    return wantsHtml ? html(404, errorPage(pageLanguage(req), { kind: 'no-page' })) : json(404, { error: 'not found' });
  } catch (error) {
    if (error instanceof ValidationError) return json(400, { error: error.message, issues: error.issues });
    if (error instanceof UnsupportedMediaType) return json(415, { error: error.message });
    if (error instanceof TooManyRequests) return tooMany(error);
    // A malformed percent-encoding or similar, wherever it is decoded: the caller's input, not our fault.
    if (error instanceof URIError) return json(400, { error: `the request is malformed: ${error.message}` });
    if (error instanceof NotFound) {
      return wantsHtml ? html(404, errorPage(pageLanguage(req), { kind: 'not-found', error })) : json(404, { error: error.message });
    }
    if (error instanceof Conflict) {
      return wantsHtml ? html(409, errorPage(pageLanguage(req), { kind: 'conflict', error })) : json(409, { error: error.message });
    }
    console.error(JSON.stringify({ level: 'error', msg: 'http handler failed', path: req.path, error: (error as Error).message }));
    return json(500, { error: 'internal error; nothing was changed that you need to repeat, try again later' });
  }
}

/** The JSON shape of GET /api/submissions/{id}: no name, no email (the link may be forwarded). */
function publicView(view: SubmissionView, token: string) {
  return {
    id: view.id,
    status: view.status,
    requests: view.requests.map((r) => ({
      id: r.id,
      provider: r.provider,
      identifier: r.identifier,
      channel: r.channel,
      basis: r.basis,
      status: r.status,
      reference: r.reference,
      dueAt: r.dueAt,
      userAction: r.userAction,
      deepLink: r.deepLink,
      // What a session would do here ('first-try', 'recheck' or null): the extension offers a hand-over for 'first-try'.
      sessionUse: sessionUse(r, view.jurisdiction),
      events: r.events.map((e) => ({ ...e, links: e.evidence.map((k) => evidenceLink(view.id, k, token)) })),
    })),
  };
}

/** The public name of a piece of evidence: a digest of its key, so the key never travels in a URL. */
function evidenceRef(evidenceKey: string): string {
  return createHash('sha256').update(evidenceKey).digest('hex').slice(0, 32);
}

function evidenceLink(id: string, evidenceKey: string, token: string): { name: string; href: string } {
  return { name: evidenceKey.split('/').pop()!, href: `/evidence/${id}/${evidenceRef(evidenceKey)}?t=${encodeURIComponent(token)}` };
}

function statusPage(view: SubmissionView, token: string): string {
  return renderStatusPage(view, token, evidenceLink);
}
