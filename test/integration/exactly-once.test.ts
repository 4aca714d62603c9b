// Every letter exactly once (issue 10, ARCHITECTURE.md 5b), black-box: the app runs as a child process
// (`node --import tsx infra/local/main.ts`) against an SES emulator that this test runs in its own
// process (OPTOUT_SES_ENDPOINT), so mail and the delivery log survive the app.
// - kill -9 of the app at random moments while a 15-account submission's letters go out, then a
//   restart (which resumes the executions): every letter is in SES exactly once, over 20 kill points;
// - SES accepts letters but their responses are lost (a proxy in front of the emulator forwards the
//   SendEmail call and then drops the connection): no letter goes out twice.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as sesLocal from 'aws-ses-v2-local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatched, person, postJson, type StoredMail, verificationToken, waitUntil } from '../support/local-stack.ts';

type SesStart = (config?: { host?: string; port?: number }) => Promise<Server>;
const startSes: SesStart =
  (sesLocal.default as unknown as { default?: SesStart }).default ?? (sesLocal.default as unknown as SesStart);

const ROOT = join(import.meta.dirname, '..', '..');
const LETTERS_TO = 'redditdatarequests@reddit.com';
const ACCOUNTS = 15;
const TRIALS = 20;

let ses: Server;
let sesUrl: string;
const dirs: string[] = [];
const children = new Set<ChildProcess>();

beforeAll(async () => {
  ses = await startSes({ host: '127.0.0.1', port: 0 });
  sesUrl = `http://127.0.0.1:${(ses.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  const closed = new Promise<void>((r) => ses.close(() => r()));
  ses.closeAllConnections();
  await closed;
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface App {
  child: ChildProcess;
  url: string;
  exited: Promise<void>;
}

/** Starts the app on free ports; resolves once it printed its URL (it is then ready). */
function startApp(dataDir: string, sesEndpoint: string): Promise<App> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      SMTP_PORT: '0',
      SES_PORT: '0',
      OPTOUT_DATA_DIR: dataDir,
      OPTOUT_SES_ENDPOINT: sesEndpoint,
      OPTOUT_CLOCK_SPEED: '1',
      // A letter in doubt after a kill waits this long (of the clock) for the delivery log.
      OPTOUT_SEND_GRACE_SECONDS: '1',
      OPTOUT_ADDRESS_MAILS_PER_DAY: '1000',
      OPTOUT_CLIENT_SUBMISSIONS_PER_HOUR: '1000',
      OPTOUT_BROWSER_JOBS_INTERVAL_MS: '3600000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  void exited.then(() => children.delete(child));
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    err = (err + chunk.toString()).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Form and status pages:\s+(http:\/\/\S+?)\/\s/.exec(out);
      if (match) resolve({ child, url: match[1]!, exited });
    });
    void exited.then(() => reject(new Error(`the app exited before it was ready: ${out}\n${err}`)));
  });
}

async function kill(app: App): Promise<void> {
  app.child.kill('SIGKILL');
  await app.exited;
}

async function mails(): Promise<StoredMail[]> {
  return ((await (await fetch(`${sesUrl}/store`)).json()) as { emails: StoredMail[] }).emails;
}

interface StatusView {
  requests: { id: string; status: string; channel: string; reference: string; events: { kind: string }[] }[];
}

/** Submits 15 Reddit accounts and confirms the address; the workflow starts with the answer. */
async function submitAndVerify(url: string, email: string): Promise<{ id: string; token: string }> {
  const accounts = Array.from({ length: ACCOUNTS }, (_, i) => ({ provider: 'reddit', identifier: `acct_${i + 1}` }));
  const created = await fetch(`${url}/api/submissions`, postJson(person({ email, accounts })));
  expect(created.status).toBe(202);
  const { id } = (await created.json()) as { id: string };
  const mail = await waitUntil('verification mail', async () => (await mails()).find((m) => m.destination.to.includes(email)));
  const verified = await fetch(`${url}/api/verify?token=${verificationToken(mail)}`);
  expect(verified.status).toBe(200);
  const { statusUrl } = (await verified.json()) as { statusUrl: string };
  return { id, token: new URL(statusUrl).searchParams.get('t')! };
}

async function allDispatched(url: string, s: { id: string; token: string }): Promise<StatusView> {
  return waitUntil(
    `all ${ACCOUNTS} letters of ${s.id} out`,
    async () => {
      const view = (await (await fetch(`${url}/api/submissions/${s.id}?t=${s.token}`)).json()) as StatusView;
      return view.requests.length === ACCOUNTS && view.requests.every((r) => dispatched(r)) ? view : undefined;
    },
    60_000,
  );
}

/** How many letters to the provider carry each request's reference (the letter names it). */
function copiesPerRequest(all: StoredMail[], view: StatusView): number[] {
  const letters = all.filter((m) => m.destination.to.includes(LETTERS_TO));
  return view.requests.map((r) => letters.filter((m) => `${m.subject}\n${m.body.text ?? ''}`.includes(r.reference)).length);
}

describe('every letter exactly once', () => {
  it(`survives kill -9 at ${TRIALS} random points of a ${ACCOUNTS}-account fan-out`, { timeout: 360_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'optout-kill-'));
    dirs.push(dataDir);
    let app = await startApp(dataDir, sesUrl);
    const copies: number[] = [];
    const killedAt: number[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const email = `kill${trial}@example.org`;
      const letters = async () => (await mails()).filter((m) => m.destination.to.includes(LETTERS_TO) && m.destination.cc.includes(email)).length;
      const submission = await submitAndVerify(app.url, email);
      // A random moment of the fan-out: once a random number of its letters (0 to 14) is in SES, and
      // a random few milliseconds more (a claim, an SES call, a mark "sent" may be under way).
      const seen = Math.floor(Math.random() * ACCOUNTS);
      await waitUntil(`${seen} letters in SES`, async () => (await letters()) >= seen, 60_000);
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 200)));
      await kill(app);
      killedAt.push(await letters());
      app = await startApp(dataDir, sesUrl); // resumes every unfinished execution
      const view = await allDispatched(app.url, submission);
      copies.push(...copiesPerRequest(await mails(), view));
      // The person deletes the submission: its execution stops, so later restarts resume only the
      // trial in progress (this keeps the run short; the resumed execution above re-ran every step).
      expect((await fetch(`${app.url}/api/submissions/${submission.id}?t=${submission.token}`, { method: 'DELETE' })).status).toBe(204);
    }
    await kill(app);
    const duplicates = copies.filter((n) => n > 1).length;
    const lost = copies.filter((n) => n === 0).length;
    console.log(JSON.stringify({ trials: TRIALS, letters: copies.length, duplicates, lost, lettersInSesAtKill: killedAt }));
    expect(copies).toHaveLength(TRIALS * ACCOUNTS);
    expect({ duplicates, lost }).toEqual({ duplicates: 0, lost: 0 });
    // The kill points really fell inside fan-outs (not all before the first or after the last letter).
    expect(killedAt.filter((n) => n > 0 && n < ACCOUNTS).length).toBeGreaterThan(TRIALS / 2);
  });

  it('sends no duplicate when SES accepted a letter and its response was lost', { timeout: 120_000 }, async () => {
    // A proxy in front of the emulator: for every other letter (SendEmail carrying the `letter` tag) it
    // forwards the call, lets SES store the letter, and then drops the connection without an answer.
    let letterCalls = 0;
    let dropped = 0;
    const upstream = new URL(sesUrl);
    const proxy = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const isLetter = req.method === 'POST' && body.includes('"EmailTags"') && body.includes('"letter"');
        const drop = isLetter && letterCalls++ % 2 === 0;
        const forward = httpRequest(
          { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
          (answer) => {
            const parts: Buffer[] = [];
            answer.on('data', (c: Buffer) => parts.push(c));
            answer.on('end', () => {
              if (drop && answer.statusCode === 200) {
                dropped += 1;
                req.socket.destroy(); // SES took it; the sender never hears so
                return;
              }
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              res.end(Buffer.concat(parts));
            });
          },
        );
        forward.on('error', () => req.socket.destroy());
        forward.end(body);
      });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
    try {
      const dataDir = mkdtempSync(join(tmpdir(), 'optout-lost-'));
      dirs.push(dataDir);
      const app = await startApp(dataDir, `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`);
      const submission = await submitAndVerify(app.url, 'lost@example.org');
      const view = await allDispatched(app.url, submission);
      const copies = copiesPerRequest(await mails(), view);
      await kill(app);
      console.log(JSON.stringify({ letters: copies.length, letterCalls, droppedResponses: dropped, duplicates: copies.filter((n) => n > 1).length }));
      expect(dropped).toBeGreaterThanOrEqual(Math.floor(ACCOUNTS / 2));
      expect(copies).toEqual(Array(ACCOUNTS).fill(1));
    } finally {
      proxy.closeAllConnections();
      await new Promise<void>((r) => proxy.close(() => r()));
    }
  });
});
