// The deployment as an attacker or a careless user meets it, over HTTP only: two people, each with a
// verified submission and a letter on record; a corpus of bad requests across every route; one person's
// token tried on the other's submission on every route (including download and delete). Nothing may answer 5xx, and a refused request
// stores and mails nothing.
import { connect } from 'node:net';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getSubmission } from '../../functions/data/store.ts';
import { dispatched, person, postJson, startTestStack, verificationToken, waitUntil, type TestStack } from '../support/local-stack.ts';

let t: TestStack;

interface Person {
  id: string;
  token: string;
  email: string;
  /** The evidence link of the person's first letter, as their own status view gives it. */
  letterLink: string;
}

interface StatusBody {
  requests: { id: string; status: string; channel: string; events: { kind: string; evidence: string[]; links: { name: string; href: string }[] }[] }[];
}

async function submitAndVerify(email: string, provider: string): Promise<Person> {
  const created = await t.api(
    '/api/submissions',
    postJson(person({ email, jurisdiction: 'FR', lang: 'en', accounts: [{ provider, identifier: `${email.split('@')[0]}-${provider}` }] })),
  );
  expect(created.status).toBe(202);
  const { id } = created.body as { id: string };
  const mail = await waitUntil('verification mail', async () => (await t.mails()).find((m) => m.destination.to.includes(email)));
  const verified = await t.api(`/api/verify?token=${verificationToken(mail)}`);
  const token = new URL((verified.body as { statusUrl: string }).statusUrl).searchParams.get('t')!;
  const view = await waitUntil('letter sent', async () => {
    const { body } = await t.api(`/api/submissions/${id}?t=${token}`);
    const view = body as StatusBody;
    return view.requests.length > 0 && view.requests.every(dispatched) ? view : undefined;
  });
  // The summary mail is the workflow's last step before the follow-up waits (weeks at this clock).
  await waitUntil('summary mail', async () => (await t.mails()).find((m) => m.destination.to.includes(email) && /on their way/.test(m.subject)));
  const sent = view.requests[0]!.events.find((e) => e.kind === 'sent')!;
  return { id, token, email, letterLink: sent.links[0]!.href };
}

async function tableItems(): Promise<string[]> {
  const { Items } = await t.stack.runtime.table.send(new ScanCommand({ TableName: 'optout', ConsistentRead: true }));
  return (Items ?? []).map((item) => JSON.stringify(item)).sort();
}

/** The table once two scans in a row agree: the workflows are in their weeks-long waits. */
async function quietTable(): Promise<string[]> {
  let last = await tableItems();
  return waitUntil('a quiet table', async () => {
    const now = await tableItems();
    const same = JSON.stringify(now) === JSON.stringify(last);
    last = now;
    return same ? now : undefined;
  });
}

let erika: Person;
let victor: Person;

beforeAll(async () => {
  t = await startTestStack();
  erika = await submitAndVerify('erika@example.org', 'reddit');
  victor = await submitAndVerify('victor@example.net', 'pinterest');
});
afterAll(async () => {
  await t?.stop();
});

const json = (body: unknown, type = 'application/json'): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': type },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const submission = (overrides: Record<string, unknown>) => json(person({ jurisdiction: 'FR', ...overrides }));
const account = (overrides: Record<string, unknown>) => submission({ accounts: [{ provider: 'reddit', identifier: 'erika', ...overrides }] });

interface BadRequest {
  what: string;
  path: string | (() => string);
  init?: RequestInit;
  /** Bytes sent as they are over a socket, for requests fetch() cannot make (no Host, CONNECT); `path` only names it. */
  raw?: string;
  status: number;
  /** What the answer must name: a field path or words of the error. */
  names: RegExp;
  /** The answer's kind where it matters: a page for a person, JSON for the API. */
  type?: 'html' | 'json';
}

/** A raw request's answer, read until the server closes the connection. */
function sendRaw(raw: string): Promise<Response> {
  const { hostname, port } = new URL(t.url);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () => socket.write(raw));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = new Headers(lines.map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()] as [string, string]));
      resolve(new Response(rest.join('\r\n\r\n'), { status: Number(statusLine.split(' ')[1] ?? 0) || 599, headers }));
    });
  });
}

/** A body of bytes: `text` with `bytes` in place of "@@" (for bodies that are not UTF-8). */
function withBytes(text: string, bytes: number[]): Blob {
  const [before, after] = text.split('@@') as [string, string];
  return new Blob([before, Uint8Array.from(bytes), after]);
}
const session = (body: Record<string, unknown>): Pick<BadRequest, 'path' | 'init'> => ({
  path: () => `/api/submissions/${erika.id}/sessions?t=${erika.token}`,
  init: json(body),
});

/** Each entry: a request a careless user or an attacker might send, and the 4xx it must get. */
const CORPUS: BadRequest[] = [
  // POST /api/submissions: the body
  { what: 'a text/plain body (a cross-site form)', path: '/api/submissions', init: json(person(), 'text/plain'), status: 415, names: /application\/json/ },
  { what: 'a form-encoded body', path: '/api/submissions', init: json('name=x', 'application/x-www-form-urlencoded'), status: 415, names: /application\/json/ },
  {
    what: 'no content type',
    path: '/api/submissions',
    init: { method: 'POST', body: new Blob([JSON.stringify(person())]) },
    status: 415,
    names: /no content-type/,
  },
  { what: 'broken JSON', path: '/api/submissions', init: json('{"name":'), status: 400, names: /not valid JSON/ },
  { what: 'an empty body', path: '/api/submissions', init: { method: 'POST', headers: { 'content-type': 'application/json' } }, status: 400, names: /missing/ },
  { what: 'a JSON array', path: '/api/submissions', init: json('[]'), status: 400, names: /JSON object/ },
  { what: 'JSON null', path: '/api/submissions', init: json('null'), status: 400, names: /JSON object/ },
  { what: 'a JSON string', path: '/api/submissions', init: json('"hello"'), status: 400, names: /JSON object/ },
  { what: 'JSON true', path: '/api/submissions', init: json('true'), status: 400, names: /JSON object/ },
  { what: 'a body over 256 KB', path: '/api/submissions', init: submission({ name: 'x'.repeat(300_000), signature: 'x' }), status: 413, names: /larger than/ },
  // the name
  { what: 'a name with CR/LF', path: '/api/submissions', init: submission({ name: 'Erika\r\nBcc: all@example.net' }), status: 400, names: /name.*single line/ },
  { what: 'a name with a NUL byte', path: '/api/submissions', init: submission({ name: 'Erika\u0000' }), status: 400, names: /name.*U\+0000/ },
  { what: 'a name with a right-to-left override', path: '/api/submissions', init: submission({ name: 'Erika\u202Egnp' }), status: 400, names: /name.*U\+202E/ },
  { what: 'a name with a left-to-right embedding', path: '/api/submissions', init: submission({ name: '\u202AErika' }), status: 400, names: /name.*U\+202A/ },
  { what: 'a name with a bidi isolate', path: '/api/submissions', init: submission({ name: 'Erika\u2066x\u2069' }), status: 400, names: /name.*U\+2066/ },
  { what: 'a name with an escape character', path: '/api/submissions', init: submission({ name: 'Erika\u001b[31m' }), status: 400, names: /name.*U\+001B/ },
  {
    what: 'a name with a lone surrogate',
    path: '/api/submissions',
    init: json('{"name":"Erika\\ud800","email":"e@example.org","jurisdiction":"FR","consent":true,"accounts":[{"provider":"reddit","identifier":"e"}]}'),
    status: 400,
    names: /name.*surrogate/,
  },
  { what: 'an empty name', path: '/api/submissions', init: submission({ name: '   ' }), status: 400, names: /name.*required/ },
  { what: 'a name of 201 characters', path: '/api/submissions', init: submission({ name: 'E'.repeat(201) }), status: 400, names: /name.*too long/ },
  { what: 'a name that is a number', path: '/api/submissions', init: submission({ name: 42 }), status: 400, names: /name.*text/ },
  {
    what: 'a name with a line separator U+2028',
    path: '/api/submissions',
    init: submission({ name: 'Erika\u2028Bcc: x' }),
    status: 400,
    names: /name.*line break, U\+2028/,
  },
  {
    what: 'a name with a zero-width space',
    path: '/api/submissions',
    init: submission({ name: 'Eri\u200Bka' }),
    status: 400,
    names: /name.*invisible.*U\+200B/,
  },
  { what: 'a name with a soft hyphen', path: '/api/submissions', init: submission({ name: 'Eri\u00ADka' }), status: 400, names: /name.*invisible.*U\+00AD/ },
  {
    what: 'a name with a byte-order mark',
    path: '/api/submissions',
    init: submission({ name: '\uFEFFErika' }),
    status: 400,
    names: /name.*invisible.*U\+FEFF/,
  },
  {
    what: 'a name with a tag character',
    path: '/api/submissions',
    init: submission({ name: 'Erika\u{E0041}' }),
    status: 400,
    names: /name.*invisible.*U\+E0041/,
  },
  {
    what: 'a name with a zero-width joiner in Latin letters',
    path: '/api/submissions',
    init: submission({ name: 'Eri\u200Dka' }),
    status: 400,
    names: /name.*U\+200D/,
  },
  { what: 'a name with U+FFFD', path: '/api/submissions', init: submission({ name: 'Erika \uFFFD' }), status: 400, names: /name.*U\+FFFD/ },
  {
    what: 'a signature with a paragraph separator U+2029',
    path: '/api/submissions',
    init: submission({ name: 'Erika', signature: 'Erika\u2029' }),
    status: 400,
    names: /signature.*line break, U\+2029/,
  },
  {
    what: 'a JSON body whose bytes are not UTF-8',
    path: '/api/submissions',
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: withBytes(JSON.stringify(person({ name: 'Erika @@', jurisdiction: 'FR' })), [0xff, 0xfe]),
    },
    status: 400,
    names: /body is not valid UTF-8/,
  },
  { what: 'no name', path: '/api/submissions', init: submission({ name: undefined }), status: 400, names: /name/ },
  // the email address
  { what: 'an email that is not an address', path: '/api/submissions', init: submission({ email: 'erika' }), status: 400, names: /email.*not a valid email/ },
  {
    what: 'an email with a header injection',
    path: '/api/submissions',
    init: submission({ email: 'e@example.org\r\nBcc: x@example.net' }),
    status: 400,
    names: /email/,
  },
  { what: 'an email with two addresses', path: '/api/submissions', init: submission({ email: 'a@example.org, b@example.org' }), status: 400, names: /email/ },
  {
    what: 'an email of 300 characters',
    path: '/api/submissions',
    init: submission({ email: `${'e'.repeat(290)}@example.org` }),
    status: 400,
    names: /email.*too long/,
  },
  { what: 'an email that is a list', path: '/api/submissions', init: submission({ email: ['a@example.org'] }), status: 400, names: /email.*text/ },
  // the jurisdiction
  { what: 'jurisdiction XX', path: '/api/submissions', init: submission({ jurisdiction: 'XX' }), status: 400, names: /jurisdiction.*ISO 3166-1/ },
  { what: 'jurisdiction US-XX', path: '/api/submissions', init: submission({ jurisdiction: 'US-XX' }), status: 400, names: /jurisdiction.*ISO 3166-1/ },
  { what: 'jurisdiction EU (a group, not a place)', path: '/api/submissions', init: submission({ jurisdiction: 'EU' }), status: 400, names: /jurisdiction/ },
  {
    what: 'jurisdiction as a word',
    path: '/api/submissions',
    init: submission({ jurisdiction: 'Germany' }),
    status: 400,
    names: /jurisdiction.*ISO country code/,
  },
  { what: 'jurisdiction as a number', path: '/api/submissions', init: submission({ jurisdiction: 49 }), status: 400, names: /jurisdiction.*text/ },
  {
    what: 'jurisdiction with CR/LF around it',
    path: '/api/submissions',
    init: submission({ jurisdiction: 'DE-BE\r\n' }),
    status: 400,
    names: /jurisdiction.*single line/,
  },
  // the accounts
  { what: 'no accounts', path: '/api/submissions', init: submission({ accounts: [] }), status: 400, names: /accounts.*at least one/ },
  { what: 'accounts as an object', path: '/api/submissions', init: submission({ accounts: { provider: 'reddit' } }), status: 400, names: /accounts.*list/ },
  {
    what: '41 accounts',
    path: '/api/submissions',
    init: submission({ accounts: Array.from({ length: 41 }, (_, i) => ({ provider: 'reddit', identifier: `u${i}` })) }),
    status: 400,
    names: /accounts.*at most 40/,
  },
  {
    what: 'an unknown provider',
    path: '/api/submissions',
    init: account({ provider: 'myspace' }),
    status: 400,
    names: /accounts\.0\.provider.*not a provider/,
  },
  { what: 'a provider that is a path', path: '/api/submissions', init: account({ provider: '../../etc/passwd' }), status: 400, names: /accounts\.0\.provider/ },
  {
    what: 'a provider with CR/LF around it',
    path: '/api/submissions',
    init: account({ provider: 'reddit\r\n' }),
    status: 400,
    names: /accounts\.0\.provider.*single line/,
  },
  {
    what: 'an identifier with a line separator U+2028',
    path: '/api/submissions',
    init: account({ identifier: 'erika\u2028x' }),
    status: 400,
    names: /accounts\.0\.identifier.*line break, U\+2028/,
  },
  {
    what: 'an identifier made a lookalike with a zero-width space',
    path: '/api/submissions',
    init: account({ identifier: 'eri\u200Bka' }),
    status: 400,
    names: /accounts\.0\.identifier.*invisible.*U\+200B/,
  },
  {
    what: 'an identifier with a word joiner',
    path: '/api/submissions',
    init: account({ identifier: 'erika\u2060' }),
    status: 400,
    names: /accounts\.0\.identifier.*invisible.*U\+2060/,
  },
  {
    what: 'an identifier that is a lure with a phone number and a link',
    path: '/api/submissions',
    init: account({ identifier: 'URGENT: your account will be deleted, call +1 555 0100 or visit evil.example/login' }),
    status: 400,
    names: /accounts\.0\.identifier.*web address or domain other than Reddit's own.*Reddit username/,
  },
  {
    what: 'an identifier naming a foreign domain among other words',
    path: '/api/submissions',
    init: account({ identifier: 'log in at evil.com today' }),
    status: 400,
    names: /accounts\.0\.identifier.*"evil\.com"/,
  },
  {
    what: "an identifier with a web address disguised as the provider's",
    path: '/api/submissions',
    init: account({ identifier: 'https://www.reddit.com@evil.com/login' }),
    status: 400,
    names: /accounts\.0\.identifier.*web address/,
  },
  {
    what: 'an identifier of 101 characters',
    path: '/api/submissions',
    init: account({ identifier: 'e'.repeat(101) }),
    status: 400,
    names: /accounts\.0\.identifier.*too long \(100/,
  },
  { what: 'an empty identifier', path: '/api/submissions', init: account({ identifier: '' }), status: 400, names: /accounts\.0\.identifier.*required/ },
  {
    what: 'an identifier with a line break',
    path: '/api/submissions',
    init: account({ identifier: 'erika\nSubject: x' }),
    status: 400,
    names: /accounts\.0\.identifier.*single line/,
  },
  {
    what: 'an identifier with a bidi override',
    path: '/api/submissions',
    init: account({ identifier: 'erika\u202D' }),
    status: 400,
    names: /accounts\.0\.identifier.*U\+202D/,
  },
  {
    what: 'the same account twice',
    path: '/api/submissions',
    init: submission({
      accounts: [
        { provider: 'reddit', identifier: 'a' },
        { provider: 'reddit', identifier: 'A' },
      ],
    }),
    status: 400,
    names: /accounts\.1.*twice/,
  },
  {
    what: 'a session that is no cookie file',
    path: '/api/submissions',
    init: account({ provider: 'linkedin', session: 'hello' }),
    status: 400,
    names: /accounts\.0\.session/,
  },
  { what: 'a session with a NUL byte', path: '/api/submissions', init: account({ session: '[]\u0000' }), status: 400, names: /accounts\.0\.session.*U\+0000/ },
  {
    what: 'a session whose cookie value carries CR/LF (escaped in the JSON text)',
    path: '/api/submissions',
    init: account({ session: JSON.stringify([{ name: 'reddit_session', value: 'a\r\nSet-Cookie: x=1', domain: '.reddit.com' }]) }),
    status: 400,
    names: /accounts\.0\.session.*cookie 1: its value must be a single line/,
  },
  { what: 'keepSession as a word', path: '/api/submissions', init: account({ keepSession: 'yes' }), status: 400, names: /accounts\.0\.keepSession/ },
  // consent, language, unknown keys
  { what: 'no consent', path: '/api/submissions', init: submission({ consent: false }), status: 400, names: /consent.*must be true/ },
  { what: 'consent as a string', path: '/api/submissions', init: submission({ consent: 'true' }), status: 400, names: /consent/ },
  { what: 'a language we do not write', path: '/api/submissions', init: submission({ lang: 'pt' }), status: 400, names: /lang.*en, de, fr, es, it, nl, pl/ },
  { what: 'an unknown top-level key', path: '/api/submissions', init: submission({ isAdmin: true }), status: 400, names: /isAdmin.*not a field/ },
  { what: 'an unknown account key', path: '/api/submissions', init: account({ note: 'hi' }), status: 400, names: /accounts\.0\.note.*not a field/ },
  // verification
  { what: 'verify without a token', path: '/api/verify', status: 404, names: /not valid/ },
  { what: 'verify with a forged token', path: () => `/api/verify?token=${erika.id}.forged`, status: 404, names: /not valid/ },
  { what: 'verify with a malformed percent-encoding', path: '/api/verify?token=%E0%A4%A', status: 404, names: /not valid/ },
  { what: 'the verify page with a forged token', path: '/verify?token=abc.def', status: 404, names: /not valid/ },
  { what: 'a verify POST with a forged token', path: '/verify', init: json('token=x.y', 'application/x-www-form-urlencoded'), status: 404, names: /not valid/ },
  // status
  { what: 'status without a token', path: () => `/api/submissions/${erika.id}`, status: 404, names: /submission not found/ },
  { what: 'status with a wrong token', path: () => `/api/submissions/${erika.id}?t=wrong`, status: 404, names: /submission not found/ },
  { what: 'status with a malformed percent-encoding', path: () => `/api/submissions/${erika.id}?t=%E0%A4%A`, status: 404, names: /submission not found/ },
  { what: 'status of an id too short to exist', path: '/api/submissions/abc?t=x', status: 404, names: /not found/ },
  { what: 'the status page with a wrong token', path: () => `/status/${erika.id}?t=wrong`, status: 404, names: /submission not found/ },
  // the person's actions
  {
    what: 'confirm with a wrong token',
    path: () => `/api/submissions/${erika.id}/requests/r1/confirm?t=wrong`,
    init: { method: 'POST' },
    status: 404,
    names: /submission not found/,
  },
  {
    what: 'confirm a request that does not exist',
    path: () => `/api/submissions/${erika.id}/requests/r99/confirm?t=${erika.token}`,
    init: { method: 'POST' },
    status: 404,
    names: /request r99 not found/,
  },
  {
    what: 'an action that does not exist',
    path: () => `/api/submissions/${erika.id}/requests/r1/approve?t=${erika.token}`,
    init: { method: 'POST' },
    status: 404,
    names: /not found/,
  },
  { what: 'confirm by GET', path: () => `/api/submissions/${erika.id}/requests/r1/confirm?t=${erika.token}`, status: 405, names: /method GET not allowed/ },
  {
    what: 'cancel on the page with a wrong token',
    path: () => `/status/${erika.id}/requests/r1/cancel?t=wrong`,
    init: { method: 'POST' },
    status: 404,
    names: /submission not found/,
  },
  // sessions
  {
    what: 'a session upload as text/plain',
    path: () => `/api/submissions/${erika.id}/sessions?t=${erika.token}`,
    init: json({ provider: 'reddit', cookies: 'x' }, 'text/plain'),
    status: 415,
    names: /application\/json/,
  },
  {
    what: 'a session for a provider not in the submission',
    path: () => `/api/submissions/${erika.id}/sessions?t=${erika.token}`,
    init: json({ provider: 'linkedin', cookies: '[{"name":"li_at","value":"x","domain":".linkedin.com"}]' }),
    status: 400,
    names: /provider.*not one of the accounts/,
  },
  {
    what: 'a session for an unknown provider',
    path: () => `/api/submissions/${erika.id}/sessions?t=${erika.token}`,
    init: json({ provider: 'myspace', cookies: 'x' }),
    status: 400,
    names: /provider.*not a provider/,
  },
  {
    what: 'an empty cookie file',
    path: () => `/api/submissions/${erika.id}/sessions?t=${erika.token}`,
    init: json({ provider: 'reddit', cookies: '  ' }),
    status: 400,
    names: /cookies.*empty/,
  },
  {
    what: 'a cookie file with no cookie of the provider',
    path: () => `/api/submissions/${erika.id}/sessions?t=${erika.token}`,
    init: json({ provider: 'reddit', cookies: '[{"name":"sid","value":"x","domain":".example.com"}]' }),
    status: 400,
    names: /cookies.*no cookies for www\.reddit\.com/,
  },
  {
    what: 'a cookie list with CR/LF and NUL in a value',
    ...session({ provider: 'reddit', cookies: [{ name: 'reddit_session', value: 'a\r\nSet-Cookie: x=1\u0000', domain: '.reddit.com' }] }),
    status: 400,
    names: /cookies.*cookie 1: its value must be a single line/,
  },
  {
    what: 'a cookie file (JSON text) with CR/LF in a value',
    ...session({ provider: 'reddit', cookies: JSON.stringify([{ name: 'reddit_session', value: 'a\r\nb', domain: '.reddit.com' }]) }),
    status: 400,
    names: /cookies.*cookie 1: its value must be a single line/,
  },
  {
    what: 'a cookie list with a control character in a name',
    ...session({ provider: 'reddit', cookies: [{ name: 'reddit\u0007session', value: 'v', domain: '.reddit.com' }] }),
    status: 400,
    names: /cookies.*cookie 1: its name contains a control character \(U\+0007\)/,
  },
  {
    what: 'a cookie list with a line break in a path',
    ...session({ provider: 'reddit', cookies: [{ name: 'reddit_session', value: 'v', domain: '.reddit.com', path: '/\nx' }] }),
    status: 400,
    names: /cookies.*cookie 1: its path must be a single line/,
  },
  {
    what: 'a cookies.txt with a line separator in a value',
    ...session({ provider: 'reddit', cookies: '.reddit.com\tTRUE\t/\tTRUE\t0\treddit_session\ta\u2028b' }),
    status: 400,
    names: /cookies.*line 1: its value must be a single line/,
  },
  {
    what: 'a cookie for a whole top-level domain',
    ...session({ provider: 'reddit', cookies: [{ name: 'reddit_session', value: 'v', domain: '.com' }] }),
    status: 400,
    names: /cookies.*domain "\.com" is a public suffix/,
  },
  {
    what: 'a host-only cookie for a bare top-level domain',
    ...session({ provider: 'reddit', cookies: [{ name: 'reddit_session', value: 'v', domain: 'com', hostOnly: true }] }),
    status: 400,
    names: /cookies.*domain "com" is a public suffix/,
  },
  { what: 'a session upload with CR/LF after the provider', ...session({ provider: 'reddit\n', cookies: 'x' }), status: 400, names: /provider.*single line/ },
  {
    what: 'a session upload with an unknown key',
    path: () => `/api/submissions/${erika.id}/sessions?t=${erika.token}`,
    init: json({ provider: 'reddit', cookies: 'x', owner: 'admin' }),
    status: 400,
    names: /owner.*not a field/,
  },
  {
    what: 'a session upload with a wrong token',
    path: () => `/api/submissions/${erika.id}/sessions?t=wrong`,
    init: json({ provider: 'reddit', cookies: 'x' }),
    status: 404,
    names: /submission not found/,
  },
  // evidence
  {
    what: 'evidence with a malformed percent-encoding',
    path: () => `/evidence/${erika.id}/%E0%A4%A?t=${erika.token}`,
    status: 404,
    names: /not found|no page here/i,
  },
  {
    what: "a path into another person's evidence",
    path: () => `/evidence/${erika.id}/letters%2F${erika.id}%2F..%2F${victor.id}%2Fr1%2Fletter.eml?t=${erika.token}`,
    status: 404,
    names: /not found|no page here/i,
  },
  {
    what: 'a plain evidence key',
    path: () => `/evidence/${erika.id}/letters/${erika.id}/r1/letter.eml?t=${erika.token}`,
    status: 404,
    names: /not found|no page here/i,
  },
  {
    what: 'an evidence digest that is not on record',
    path: () => `/evidence/${erika.id}/${'0'.repeat(32)}?t=${erika.token}`,
    status: 404,
    names: /evidence not found/,
  },
  { what: 'evidence with a wrong token', path: () => `${erika.letterLink.replace(/\?t=.*/, '')}?t=wrong`, status: 404, names: /submission not found/ },
  // download and delete
  { what: 'a download with a wrong token', path: () => `/api/submissions/${erika.id}/export?t=wrong`, status: 404, names: /submission not found/ },
  { what: 'a download without a token', path: () => `/api/submissions/${erika.id}/export`, status: 404, names: /submission not found/ },
  {
    what: 'a delete with a wrong token',
    path: () => `/api/submissions/${erika.id}?t=wrong`,
    init: { method: 'DELETE' },
    status: 404,
    names: /submission not found/,
  },
  { what: 'a delete without a token', path: () => `/api/submissions/${erika.id}`, init: { method: 'DELETE' }, status: 404, names: /submission not found/ },
  { what: 'a delete of an id too short to exist', path: '/api/submissions/abc?t=x', init: { method: 'DELETE' }, status: 404, names: /not found/ },
  { what: 'the delete page with a wrong token', path: () => `/status/${erika.id}/delete?t=wrong`, status: 404, names: /submission not found/ },
  {
    what: 'a delete on the page without ticking the box',
    path: () => `/status/${erika.id}/delete?t=${erika.token}`,
    init: json('confirm=no', 'application/x-www-form-urlencoded'),
    status: 400,
    names: /Tick the box/,
  },
  // everything else
  { what: 'a page that does not exist', path: '/admin', status: 404, names: /no page here/ },
  { what: 'a malformed percent-encoding in the path', path: '/%E0%A4%A', status: 404, names: /no page here/ },
  { what: 'PUT on the submissions', path: '/api/submissions', init: { method: 'PUT' }, status: 405, names: /method PUT not allowed/, type: 'json' },
  { what: 'DELETE on the catalog', path: '/api/providers', init: { method: 'DELETE' }, status: 405, names: /method DELETE not allowed/, type: 'json' },
  { what: 'HEAD on the submissions (POST only)', path: '/api/submissions', init: { method: 'HEAD' }, status: 405, names: /^$/ },
  { what: 'PUT on the form page', path: '/', init: { method: 'PUT' }, status: 405, names: /method PUT not allowed on \//, type: 'html' },
  {
    what: 'DELETE on the plain form post',
    path: '/submit',
    init: { method: 'DELETE' },
    status: 405,
    names: /method DELETE not allowed on \/submit/,
    type: 'html',
  },
  {
    what: 'PUT on the status page',
    path: () => `/status/${erika.id}?t=${erika.token}`,
    init: { method: 'PUT' },
    status: 405,
    names: /method PUT not allowed on \/status\//,
    type: 'html',
  },
  { what: 'PUT on a static file', path: '/static/form.js', init: { method: 'PUT' }, status: 405, names: /method PUT not allowed on \/static\/form\.js/ },
  { what: 'POST on a static file', path: '/static/style.css', init: { method: 'POST' }, status: 405, names: /method POST not allowed/ },
  { what: 'DELETE on a static file', path: '/static/status.js', init: { method: 'DELETE' }, status: 405, names: /method DELETE not allowed/ },
  {
    what: 'CONNECT, as to a proxy',
    path: 'CONNECT',
    raw: 'CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n',
    status: 405,
    names: /method CONNECT not allowed/,
  },
  { what: 'a request without a Host header', path: 'GET /', raw: 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n', status: 400, names: /no Host header/ },
  { what: 'a request that is not HTTP', path: 'garbage', raw: 'HELLO THERE\r\n\r\n', status: 400, names: /not valid HTTP/ },
  {
    what: 'a form post whose percent-escapes are not UTF-8',
    path: '/submit',
    init: json(
      'name=%FF%FE&email=u8%40example.org&jurisdiction=FR&provider=reddit&identifier=e&signature=%FF%FE&consent=yes',
      'application/x-www-form-urlencoded',
    ),
    status: 400,
    names: /body is not valid UTF-8/,
  },
  {
    what: 'a form post whose bytes are not UTF-8',
    path: '/submit',
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: withBytes('name=@@&email=u8%40example.org&jurisdiction=FR&provider=reddit&identifier=e&signature=x&consent=yes', [0xe9]),
    },
    status: 400,
    names: /body is not valid UTF-8/,
  },
  { what: 'a company search without q', path: '/api/companies', status: 400, names: /q: is required/ },
  { what: 'a company search with a line break', path: '/api/companies?q=ac%0D%0Ame', status: 400, names: /q: must be a single line/ },
  { what: 'a URL of 5,000 characters', path: `/api/providers?q=${'a'.repeat(5000)}`, status: 414, names: /longer than 4096/ },
  { what: 'a URL of 20,000 characters', path: `/api/providers?q=${'a'.repeat(20_000)}`, status: 431, names: /too long/ },
  { what: 'a long URL to a static file', path: `/static/form.js?${'a'.repeat(10_000)}`, status: 414, names: /longer than 4096/ },
  { what: 'a long URL of one key repeated', path: `/api/providers?${'a=1&'.repeat(1_100)}`, status: 414, names: /longer than 4096/ },
  { what: 'a long URL to the form page', path: `/?${'lang=en&'.repeat(600)}`, status: 414, names: /longer than 4096/ },
];

describe('bad requests', () => {
  it(`answers each of ${CORPUS.length} bad requests with a 4xx that names what was wrong, and stores and mails nothing`, async () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    const before = await quietTable();
    const mailsBefore = (await t.mails()).length;
    const wrong: string[] = [];
    for (const bad of CORPUS) {
      const path = typeof bad.path === 'function' ? bad.path() : bad.path;
      const response = bad.raw ? await sendRaw(bad.raw) : await fetch(`${t.url}${path}`, bad.init);
      const text = await response.text();
      const type = response.headers.get('content-type') ?? '';
      let said = text;
      if (type.includes('json') && text) {
        const body = JSON.parse(text) as { error?: string; issues?: { path: string; message: string }[] };
        said = [body.error, ...(body.issues ?? []).map((i) => `${i.path}: ${i.message}`)].join('\n');
      }
      if (response.status !== bad.status || !bad.names.test(said)) wrong.push(`${bad.what}: ${response.status} ${said.slice(0, 200)}`);
      // RFC 9110: a 405 says which methods the resource takes.
      if (response.status === 405 && !response.headers.get('allow')) wrong.push(`${bad.what}: 405 without an Allow header`);
      if (bad.type && !type.includes(bad.type)) wrong.push(`${bad.what}: answered ${type}, not ${bad.type}`);
    }
    expect(wrong).toEqual([]);
    expect(await tableItems()).toEqual(before);
    expect((await t.mails()).length).toBe(mailsBefore);
  });

  it("keeps the person's name out of the verification mail: the form sends no free text of the submitter's", async () => {
    await t.api('/api/submissions', submission({ name: 'Visit evil.example for prizes', email: 'target@example.net', lang: 'en' }));
    const mail = await waitUntil('verification mail', async () => (await t.mails()).find((m) => m.destination.to.includes('target@example.net')));
    expect(mail.body.text).not.toContain('evil.example');
    expect(mail.body.text).toContain('- Reddit: erika');
  });
});

describe('two people', () => {
  it('each reads their own evidence through the link on their status view', async () => {
    for (const who of [erika, victor]) {
      const response = await fetch(`${t.url}${who.letterLink}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('message/rfc822');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.text()).toContain(who.email);
    }
  });

  it("cannot reach the other's status, evidence, sessions or actions with their own token, on any route", async () => {
    const v = victor.id;
    const a = erika.token;
    const victorRef = victor.letterLink.split('?')[0]!.split('/').pop()!;
    const attempts: [string, RequestInit | undefined][] = [
      [`/api/submissions/${v}?t=${a}`, undefined],
      [`/status/${v}?t=${a}`, undefined],
      [`/evidence/${v}/${victorRef}?t=${a}`, undefined],
      [`/evidence/${erika.id}/${victorRef}?t=${a}`, undefined],
      [`/evidence/${erika.id}/letters%2F${erika.id}%2F..%2F${v}%2Fr1%2Fletter.eml?t=${a}`, undefined],
      [`/api/submissions/${v}/requests/r1/confirm?t=${a}`, { method: 'POST' }],
      [`/api/submissions/${v}/requests/r1/cancel?t=${a}`, { method: 'POST' }],
      [`/status/${v}/requests/r1/confirm?t=${a}`, { method: 'POST' }],
      [`/status/${v}/requests/r1/cancel?t=${a}`, { method: 'POST' }],
      [`/api/submissions/${v}/sessions?t=${a}`, json({ provider: 'pinterest', cookies: '[{"name":"_pinterest_sess","value":"x","domain":".pinterest.com"}]' })],
      [`/api/submissions/${v}/export?t=${a}`, undefined],
      [`/status/${v}/delete?t=${a}`, undefined],
      [`/status/${v}/delete?t=${a}`, json('confirm=yes', 'application/x-www-form-urlencoded')],
      [`/api/submissions/${v}?t=${a}`, { method: 'DELETE' }],
    ];
    for (const [path, init] of attempts) {
      const response = await fetch(`${t.url}${path}`, init);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(await response.text()).not.toContain(victor.email);
    }
    // Victor's request is untouched and his letter still his alone.
    const { body } = await t.api(`/api/submissions/${v}?t=${victor.token}`);
    expect((body as StatusBody).requests[0]!.status).toBe('sent');
    expect((await fetch(`${t.url}${victor.letterLink}`)).status).toBe(200);
    expect((await fetch(`${t.url}/api/submissions/${v}/export?t=${victor.token}`)).status).toBe(200);
  });
});

describe('headers', () => {
  it('tells caches to keep nothing that carries personal data or a token', async () => {
    for (const path of [
      `/api/submissions/${erika.id}?t=${erika.token}`,
      `/status/${erika.id}?t=${erika.token}`,
      '/',
      '/api/providers',
      '/api/companies?q=reddit',
      `/status/${erika.id}?t=wrong`,
    ]) {
      const response = await fetch(`${t.url}${path}`);
      expect({ path, cacheControl: response.headers.get('cache-control') }).toEqual({ path, cacheControl: 'no-store' });
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('answers HEAD as GET: the same status and headers, no body', async () => {
    for (const path of ['/', '/api/providers', '/static/form.js']) {
      const get = await fetch(`${t.url}${path}`);
      const length = (await get.arrayBuffer()).byteLength;
      const head = await fetch(`${t.url}${path}`, { method: 'HEAD' });
      expect({ path, status: head.status, type: head.headers.get('content-type'), length: Number(head.headers.get('content-length')) }).toEqual({
        path,
        status: 200,
        type: get.headers.get('content-type'),
        length,
      });
      expect((await head.arrayBuffer()).byteLength).toBe(0);
    }
  });

  it('never confirms on a HEAD: the confirming API GET takes GET only, and the submission stays unconfirmed', async () => {
    const email = 'head-only@example.org';
    const created = await t.api(
      '/api/submissions',
      postJson(person({ email, jurisdiction: 'FR', lang: 'en', accounts: [{ provider: 'reddit', identifier: 'u/head' }] })),
    );
    expect(created.status).toBe(202);
    const mail = await waitUntil('verification mail', async () => (await t.mails()).find((m) => m.destination.to.includes(email)));
    const head = await fetch(`${t.url}/api/verify?token=${verificationToken(mail)}`, { method: 'HEAD' });
    expect({ status: head.status, allow: head.headers.get('allow') }).toEqual({ status: 405, allow: 'GET' });
    const { id } = created.body as { id: string };
    expect(await t.run(() => getSubmission(id))).toMatchObject({ status: 'awaiting_verification' });
  });

  it('names the methods a path takes in the Allow header of a 405', async () => {
    const allowed: [string, string, string][] = [
      ['PUT', '/api/submissions', 'POST'],
      ['PUT', '/submit', 'POST, GET, HEAD'],
      ['POST', '/', 'GET, HEAD'],
      ['DELETE', '/static/form.js', 'GET, HEAD'],
      ['POST', `/api/submissions/${erika.id}`, 'GET, HEAD, DELETE'],
    ];
    for (const [method, path, allow] of allowed) {
      const response = await fetch(`${t.url}${path}`, { method });
      expect({ method, path, status: response.status, allow: response.headers.get('allow') }).toEqual({ method, path, status: 405, allow });
    }
  });

  it('marks static files nosniff too', async () => {
    for (const path of ['/static/form.js', '/static/status.js', '/static/style.css']) {
      const response = await fetch(`${t.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});

describe('a client that goes away', () => {
  it('aborting in the middle of a body is logged in one line, and nothing is answered or stored', async () => {
    const before = await quietTable();
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    try {
      const { hostname, port } = new URL(t.url);
      const socket = connect(Number(port), hostname);
      await new Promise((resolve) => socket.once('connect', resolve));
      const head = 'POST /api/submissions HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n';
      await new Promise((resolve) => socket.write(`${head}{"name":`, resolve));
      socket.destroy();
      const [line] = await waitUntil('the abort in the log', async () => warn.mock.calls.find(([text]) => /aborted/.test(String(text))));
      expect(JSON.parse(String(line))).toEqual({
        level: 'warn',
        msg: 'client aborted the request before its body was complete',
        method: 'POST',
        path: '/api/submissions',
      });
      // No stack trace, and no 500 tried on the closed socket.
      expect(error).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
    expect(await tableItems()).toEqual(before);
  });
});
