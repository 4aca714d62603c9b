// Every letter exactly once (README, How it works: "One outbox for every letter"), black-box: the app
// runs as a child process (`node --import tsx infra/local/main.ts`) against an SES emulator that this
// test runs in its own process (OPTOUT_SES_ENDPOINT), so mail and the delivery log survive the app.
// - kill -9 of the app at 20 random points of a 15-account submission's fan-out, then a restart (which
//   resumes the executions): every letter is in SES exactly once. A proxy in front of the emulator holds
//   each letter's SendEmail call, so the test itself picks the kill point: after a random number of
//   letters went out and were answered, with the next letters in their SES call, some of them already
//   taken by SES without the app hearing so;
// - SES accepts letters but their responses are lost (the proxy forwards the SendEmail call and then
//   drops the connection): no letter goes out twice.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as sesLocal from 'aws-ses-v2-local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatched, person, postJson, type StoredMail, verificationToken, waitUntil } from '../support/local-stack.ts';

type SesStart = (config?: { host?: string; port?: number }) => Promise<Server>;
const startSes: SesStart = (sesLocal.default as unknown as { default?: SesStart }).default ?? (sesLocal.default as unknown as SesStart);

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

/**
 * A proxy in front of the SES emulator. Every call but a letter's (SendEmail carrying the `letter`
 * tag) passes through; each letter call goes to `onLetter`, which decides its fate: answered, taken
 * by SES without an answer (the sender never hears), or held until the sender dies.
 */
class SesProxy {
  readonly server: Server;
  onLetter: (call: LetterCall) => void = (call) => void call.pass();

  constructor(private readonly upstream: URL) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const isLetter = req.method === 'POST' && body.includes('"EmailTags"') && body.includes('"letter"');
        const call = new LetterCall(() => this.forward(req, body), res, req);
        if (isLetter) this.onLetter(call);
        else void call.pass();
      });
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private forward(req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const out = httpRequest({ host: this.upstream.hostname, port: this.upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (c: Buffer) => parts.push(c));
        answer.on('end', () => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(parts) }));
      });
      out.on('error', reject);
      out.end(body);
    });
  }
}

class LetterCall {
  constructor(
    private readonly send: () => Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>,
    private readonly res: ServerResponse,
    private readonly req: IncomingMessage,
  ) {}

  /** SES takes the call and the sender gets SES's answer. */
  async pass(): Promise<void> {
    try {
      const answer = await this.send();
      this.res.writeHead(answer.status, answer.headers);
      this.res.end(answer.body);
    } catch {
      this.req.socket.destroy();
    }
  }

  /**
   * SES takes the letter (it is in the store once this resolves) and the sender never hears: the
   * connection is dropped (`drop`) or left hanging until the sender dies (`hang`).
   */
  async acceptWithoutAnswer(then: 'drop' | 'hang'): Promise<number> {
    const answer = await this.send();
    if (then === 'drop') this.req.socket.destroy();
    return answer.status;
  }
}

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
    const proxy = new SesProxy(new URL(sesUrl));
    const proxyUrl = await proxy.listen();
    // Letter calls wait here until the trial decides their fate; `arrived` wakes the trial.
    let held: LetterCall[] = [];
    let arrived: () => void = () => {};
    let gated = true;
    proxy.onLetter = (call) => {
      if (!gated) return void call.pass();
      held.push(call);
      arrived();
    };
    const nextHeld = async (): Promise<LetterCall> => {
      while (held.length === 0) await new Promise<void>((r) => (arrived = r));
      return held.shift()!;
    };
    const dataDir = mkdtempSync(join(tmpdir(), 'optout-kill-'));
    dirs.push(dataDir);
    try {
      let app = await startApp(dataDir, proxyUrl);
      const copies: number[] = [];
      const kills: { answered: number; takenUnanswered: number; notTaken: number }[] = [];
      for (let trial = 0; trial < TRIALS; trial++) {
        gated = true;
        const submission = await submitAndVerify(app.url, `kill${trial}@example.org`);
        // A random point of the fan-out: a random number of letters (0 to 14) went out and were answered...
        const answered = Math.floor(Math.random() * ACCOUNTS);
        for (let n = 0; n < answered; n++) await (await nextHeld()).pass();
        // ...the next one at least is in its SES call, and SES already took a random few of those in
        // flight without the app hearing so...
        held.unshift(await nextHeld());
        const inFlight = held;
        held = [];
        let takenUnanswered = 0;
        for (const call of inFlight) {
          if (Math.random() < 0.5) continue;
          expect(await call.acceptWithoutAnswer('hang')).toBe(200);
          takenUnanswered += 1;
        }
        // ...and a random few milliseconds more: the app may be marking the last answered letter "sent".
        await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 30)));
        await kill(app);
        kills.push({ answered, takenUnanswered, notTaken: inFlight.length - takenUnanswered });
        gated = false; // the restarted app talks to SES freely
        app = await startApp(dataDir, proxyUrl); // resumes every unfinished execution
        const view = await allDispatched(app.url, submission);
        copies.push(...copiesPerRequest(await mails(), view));
        // The person deletes the submission: its execution stops, so later restarts resume only the
        // trial in progress (this keeps the run short; the resumed execution above re-ran every step).
        expect((await fetch(`${app.url}/api/submissions/${submission.id}?t=${submission.token}`, { method: 'DELETE' })).status).toBe(204);
      }
      await kill(app);
      const duplicates = copies.filter((n) => n > 1).length;
      const lost = copies.filter((n) => n === 0).length;
      console.log(JSON.stringify({ trials: TRIALS, letters: copies.length, duplicates, lost, kills }));
      expect(copies).toHaveLength(TRIALS * ACCOUNTS);
      expect({ duplicates, lost }).toEqual({ duplicates: 0, lost: 0 });
    } finally {
      await proxy.close();
    }
  });

  it('sends no duplicate when SES accepted a letter and its response was lost', { timeout: 120_000 }, async () => {
    // Every other letter: SES takes it, and the connection is dropped without an answer.
    const proxy = new SesProxy(new URL(sesUrl));
    let letterCalls = 0;
    let dropped = 0;
    proxy.onLetter = (call) => {
      if (letterCalls++ % 2 === 1) return void call.pass();
      void call.acceptWithoutAnswer('drop').then((status) => {
        if (status === 200) dropped += 1;
      });
    };
    const proxyUrl = await proxy.listen();
    try {
      const dataDir = mkdtempSync(join(tmpdir(), 'optout-lost-'));
      dirs.push(dataDir);
      const app = await startApp(dataDir, proxyUrl);
      const submission = await submitAndVerify(app.url, 'lost@example.org');
      const view = await allDispatched(app.url, submission);
      const copies = copiesPerRequest(await mails(), view);
      await kill(app);
      console.log(JSON.stringify({ letters: copies.length, letterCalls, droppedResponses: dropped, duplicates: copies.filter((n) => n > 1).length }));
      expect(dropped).toBeGreaterThanOrEqual(Math.floor(ACCOUNTS / 2));
      expect(copies).toEqual(Array(ACCOUNTS).fill(1));
    } finally {
      await proxy.close();
    }
  });
});
