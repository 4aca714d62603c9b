// Starts the real local runtime (dynalite, SES emulator, web server, workflow runner, SMTP) for a
// test file, in a temp data folder, on free ports. The SES emulator runs apart from the app so a
// test can restart the app and still read every mail sent before the restart.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as sesLocal from 'aws-ses-v2-local';
import { runWith } from '../../functions/runtime/scope.ts';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../infra/local/stack.ts';

type SesStart = (config?: { host?: string; port?: number }) => Promise<Server>;
const startSes: SesStart = (sesLocal.default as unknown as { default?: SesStart }).default ?? (sesLocal.default as unknown as SesStart);

export interface StoredMail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  headers?: { name: string; value: string }[];
  /** `content`: base64, as the emulator keeps it (from the raw MIME it was sent). */
  attachments: { filename?: string; contentType: string; size: number; content?: string }[];
  at: number;
}

export interface TestStack {
  dataDir: string;
  stack: LocalStack;
  url: string;
  api(path: string, init?: RequestInit): Promise<{ status: number; body: unknown }>;
  mails(): Promise<StoredMail[]>;
  clearMails(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
  /** Runs `fn` in the stack's runtime (functions/runtime/scope.ts): for checks that read the table or call a function directly. */
  run<T>(fn: () => T): T;
}

export async function startTestStack(options: Partial<LocalStackOptions> = {}): Promise<TestStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'optout-test-'));
  const ses = await startSes({ host: '127.0.0.1', port: 0 });
  const sesUrl = `http://127.0.0.1:${(ses.address() as AddressInfo).port}`;
  const stackOptions: LocalStackOptions = {
    dataDir,
    port: 0,
    sesPort: 0,
    smtpPort: 0,
    sesEndpoint: sesUrl,
    retryIntervalMs: 10,
    ...options,
    // Test files submit many times from one address and one client, and on fast clocks (a month a
    // second) 72 unconfirmed hours pass between submit and verify; test/integration/abuse-limits.test.ts
    // runs with the real limits and hours.
    env: { OPTOUT_ADDRESS_MAILS_PER_DAY: '1000', OPTOUT_CLIENT_SUBMISSIONS_PER_HOUR: '1000', OPTOUT_UNVERIFIED_HOURS: '87600', ...options.env },
  };
  const handle: TestStack = {
    dataDir,
    stack: await startLocalStack(stackOptions),
    get url() {
      return handle.stack.url;
    },
    async api(path, init) {
      const response = await fetch(`${handle.stack.url}${path}`, init);
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // HTML pages stay text
      }
      return { status: response.status, body };
    },
    async mails() {
      const response = await fetch(`${sesUrl}/store`);
      return ((await response.json()) as { emails: StoredMail[] }).emails;
    },
    async clearMails() {
      await fetch(`${sesUrl}/clear-store`, { method: 'POST' });
    },
    run(fn) {
      return runWith(handle.stack.runtime, fn);
    },
    async restart() {
      await handle.stack.stop();
      handle.stack = await startLocalStack(stackOptions);
    },
    async stop() {
      await handle.stack.stop();
      const closed = new Promise<void>((r) => ses.close(() => r()));
      ses.closeAllConnections();
      await closed;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}

/** Polls until `check` returns a value, failing with `what` after `timeoutMs` (never loops forever). */
export async function waitUntil<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
}

/**
 * A request has left dispatch once it is out of the queue and, for a letter, its 'sent' event is on
 * record: the outbox flips the status to 'sent' when it claims the letter, just before SES is called,
 * and writes the event after, so a poll can see the status a moment before the event.
 */
export function dispatched(request: { status: string; channel?: string; events?: { kind: string }[] }): boolean {
  if (request.status === 'queued') return false;
  // The history event is written after the status: wait for it too.
  if (request.status === 'sent' && request.channel === 'email') return (request.events ?? []).some((e) => e.kind === 'sent');
  if (request.status === 'confirmed' && request.channel === 'settings') return (request.events ?? []).some((e) => e.kind === 'confirmed');
  return true;
}

export function verificationToken(mail: StoredMail): string {
  const match = /verify\?token=([\w.-]+)/.exec(mail.body.text ?? '');
  if (!match) throw new Error(`no verification link in mail "${mail.subject}"`);
  return match[1]!;
}

export function person(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Erika Mustermann',
    email: 'erika@example.org',
    jurisdiction: 'DE-BE',
    consent: true,
    accounts: [{ provider: 'reddit', identifier: 'erika_m' }],
    // The typed signature under the authorization is the name, unless a test says otherwise.
    signature: typeof overrides.name === 'string' ? overrides.name : 'Erika Mustermann',
    ...overrides,
  };
}

export function postJson(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
