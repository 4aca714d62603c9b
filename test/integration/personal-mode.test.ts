// Personal mode end to end: the real local runtime with `<data dir>/personal.json`, sending through an
// embedded SMTP server that asks for a login (smtp-server) and reading replies from an embedded IMAP
// server (hoodiecrow-imap). Replies are DKIM-signed with keys published in a local zone file
// (OPTOUT_DNS_ZONE), so authentication is real. Every wait is for an event or a state, never a sleep.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../infra/local/stack.ts';
import { savePersonalConfig, type PersonalInput } from '../../infra/local/personal.ts';
import { dispatched, person, postJson, waitUntil } from '../support/local-stack.ts';
import { composeReply, dkimKey, mailDomainRecords, signMail, writeZone } from '../support/mail.ts';
import { startTestImap, type TestImap } from '../support/imap.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';

const ME = 'erika@example.org';
const PASSWORD = 'app-password-1234';
const REDDIT_LETTERS = 'redditdatarequests@reddit.com';
const redditKey = dkimKey('s2025');

const CONFIRMED =
  'Dear Ms Mustermann,\n\nFollowing our review, your objection has been upheld. With effect from today we will no longer use your personal data to train our AI models, and data previously set aside for this purpose has been removed from our training datasets.\n\nReddit Privacy Team';
const ACKNOWLEDGED =
  'Dear Ms Mustermann,\n\nThank you for contacting us. We have received your request and will respond as soon as possible.\n\nReddit Privacy Team';

let smtp: TestSmtp;
let imap: TestImap;
let tmp: string;
let zone: string;
const stacks: LocalStack[] = [];

function settings(overrides: { smtpPassword?: string; imapPassword?: string } = {}): PersonalInput {
  return {
    name: 'Erika Mustermann',
    email: ME,
    jurisdiction: 'DE-BE',
    smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', user: ME, password: overrides.smtpPassword ?? PASSWORD },
    imap: { host: '127.0.0.1', port: imap.port, security: 'none', user: ME, password: overrides.imapPassword ?? PASSWORD, mailbox: 'INBOX' },
  };
}

function stackOptions(dataDir: string): LocalStackOptions {
  return {
    dataDir,
    port: 0,
    sesPort: 0,
    smtpPort: 0,
    retryIntervalMs: 10,
    inboxPollMs: 0,
    env: { OPTOUT_DNS_ZONE: zone, OPTOUT_ADDRESS_MAILS_PER_DAY: '1000', OPTOUT_CLIENT_SUBMISSIONS_PER_HOUR: '1000' },
  };
}

async function start(dataDir: string): Promise<LocalStack> {
  const stack = await startLocalStack(stackOptions(dataDir));
  stacks.push(stack);
  return stack;
}

/** The answers this file reads: a submission's (personal mode answers with the status link) and a status view. */
interface Answer {
  status?: string;
  statusUrl: string;
  requests: RequestView[];
}

async function api(stack: LocalStack, path: string, init?: RequestInit): Promise<{ status: number; body: Answer }> {
  const response = await fetch(`${stack.url}${path}`, init);
  return { status: response.status, body: (await response.json()) as Answer };
}

interface RequestView {
  id: string;
  status: string;
  reference: string;
  events: { kind: string; detail: string }[];
}

async function request(stack: LocalStack, statusUrl: string): Promise<RequestView> {
  const url = new URL(statusUrl);
  const id = url.pathname.split('/').pop();
  const { body } = await api(stack, `/api/submissions/${id}?t=${url.searchParams.get('t')}`);
  return body.requests[0]!;
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'optout-personal-'));
  zone = writeZone(join(tmp, 'zone.json'), mailDomainRecords('reddit.com', redditKey, 'v=spf1 ip4:192.0.2.1 -all'));
  smtp = await startTestSmtp(ME, PASSWORD);
  imap = await startTestImap(ME, PASSWORD);
});

afterAll(async () => {
  for (const stack of stacks.splice(0)) await stack.stop().catch(() => undefined);
  await smtp?.stop();
  await imap?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('personal mode', () => {
  let stack: LocalStack;
  let dataDir: string;
  let statusUrl: string;
  let letterId: string;

  it('runs in personal mode when the data folder holds personal.json, and sends letters From the person, in the first person', async () => {
    dataDir = join(tmp, 'data');
    await savePersonalConfig(dataDir, settings());
    stack = await start(dataDir);
    expect(stack.mode).toBe('personal');
    expect(stack.sesUrl).toBe('');

    // Someone else's address is refused: letters would go From the person's mailbox.
    const other = await api(stack, '/api/submissions', postJson(person({ email: 'someone@example.net', signature: 'Erika Mustermann' })));
    expect(other.status).toBe(400);
    expect(JSON.stringify(other.body)).toContain(`must be your own address ${ME}`);

    // The person's own address needs no double opt-in: verified at once, the status page is next.
    const created = await api(stack, '/api/submissions', postJson(person({ email: ME, signature: 'Erika Mustermann' })));
    expect(created.status).toBe(202);
    expect(created.body.status).toBe('verified');
    statusUrl = created.body.statusUrl;
    await waitUntil('the letter dispatched', async () => dispatched(await request(stack, statusUrl)));

    const letters = smtp.messages.filter((m) => m.rcptTo.includes(REDDIT_LETTERS));
    expect(letters).toHaveLength(1);
    const letter = letters[0]!;
    // The envelope and the headers: From the person, to the provider only (no Cc to the sender).
    expect(letter.mailFrom).toBe(ME);
    expect(letter.rcptTo).toEqual([REDDIT_LETTERS]);
    expect(letter.parsed.from?.value[0]).toMatchObject({ address: ME, name: 'Erika Mustermann' });
    expect(letter.parsed.cc).toBeUndefined();
    expect(letter.parsed.replyTo).toBeUndefined();
    // First person, no agent and no authorization attached.
    const text = letter.parsed.text ?? '';
    expect(text).toContain('Erika Mustermann');
    expect(text).not.toMatch(/Optout Autopilot|authori[sz]ed agent|Vertreter|on my instruction/i);
    expect(letter.parsed.attachments).toHaveLength(0);
    expect(letter.parsed.messageId).toMatch(/^<oa-[a-z2-9]{4}-[a-z2-9]{4}\.[a-z-]+\.1@example\.org>$/);
    letterId = letter.parsed.messageId!.slice(1, -1);
    // No verification mail went out; the letter was filed in the person's Sent folder.
    expect(smtp.messages.some((m) => /confirm your email|E-Mail-Adresse bestätigen/i.test(m.parsed.subject ?? ''))).toBe(false);
    const sent = imap.messages('Sent');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.raw).toContain(`Message-ID: <${letterId}>`);
    expect(sent[0]!.flags).toContain('\\Seen');
  });

  it('reads only answers to its letters from the inbox, authenticated and classified, and changes nothing there', async () => {
    const { reference } = await request(stack, statusUrl);
    // An acknowledgement in a new thread (a ticket system): only the reference in the subject ties it.
    const ack = await signMail(
      await composeReply({ from: 'privacy@reddit.com', to: ME, subject: `[Ticket 4711] Your request ${reference}`, text: ACKNOWLEDGED }),
      'reddit.com',
      redditKey,
    );
    // Mail that is none of ours: a friend, and the person's own mail quoting the reference.
    const friend = await composeReply({ from: 'friend@example.net', to: ME, subject: 'Dinner on Friday?', text: 'Are you free?' });
    const own = await composeReply({ from: ME, to: ME, subject: `Note to self: ${reference}`, text: 'remember this' });
    const confirmed = await signMail(
      await composeReply({ from: 'privacy@reddit.com', to: ME, subject: 'Re: your objection', text: CONFIRMED, inReplyTo: letterId }),
      'reddit.com',
      redditKey,
    );
    for (const raw of [ack, friend, own, confirmed]) imap.deliver(raw);

    const first = await stack.personal!.inbox.pollOnce();
    expect(first.seen).toBe(4);
    expect(first.handled.map((h) => h.result)).toEqual([
      expect.objectContaining({ outcome: 'applied', class: 'acknowledged', authenticated: true, status: 'acknowledged' }),
      expect.objectContaining({ outcome: 'applied', class: 'confirmed', authenticated: true, status: 'confirmed' }),
    ]);
    const after = await request(stack, statusUrl);
    expect(after.status).toBe('confirmed');
    const replies = after.events.filter((e) => e.kind.startsWith('reply:'));
    expect(replies.map((e) => e.kind)).toEqual(['reply:acknowledged', 'reply:confirmed']);
    expect(replies[0]!.detail).not.toContain('not authenticated');

    // A second poll reads nothing again.
    expect(await stack.personal!.inbox.pollOnce()).toEqual({ seen: 0, handled: [] });
    // The inbox is as it was: four messages, none flagged (not even \Seen), none moved or deleted.
    const inbox = imap.messages('INBOX');
    expect(inbox).toHaveLength(4);
    expect(inbox.every((m) => m.flags.length === 0)).toBe(true);
  });

  it('handles nothing twice after a restart, and reads what is new', async () => {
    await stack.stop();
    stacks.splice(stacks.indexOf(stack), 1);
    stack = await start(dataDir);
    expect(stack.mode).toBe('personal');
    expect(await stack.personal!.inbox.pollOnce()).toEqual({ seen: 0, handled: [] });
    const eventsBefore = (await request(stack, statusUrl)).events.length;

    // The same confirmation delivered twice more (a provider's resend): mail-in sees a duplicate.
    const again = await signMail(
      await composeReply({ from: 'privacy@reddit.com', to: ME, subject: 'Re: your objection (copy)', text: CONFIRMED, inReplyTo: letterId }),
      'reddit.com',
      redditKey,
    );
    imap.deliver(again);
    imap.deliver(again);
    const next = await stack.personal!.inbox.pollOnce();
    expect(next.seen).toBe(2);
    expect(next.handled.map((h) => h.result.outcome)).toEqual(['applied', 'duplicate']);
    expect(await stack.personal!.inbox.pollOnce()).toEqual({ seen: 0, handled: [] });
    // The first copy adds its reply event; a confirmed request stays confirmed.
    const after = await request(stack, statusUrl);
    expect(after.status).toBe('confirmed');
    expect(after.events.length).toBe(eventsBefore + 1);
  });

  it('marks nothing sent that the SMTP server refused (a From address it does not accept)', async () => {
    smtp.refuseFrom.add(ME);
    try {
      const created = await api(
        stack,
        '/api/submissions',
        postJson(person({ email: ME, signature: 'Erika Mustermann', accounts: [{ provider: 'reddit', identifier: 'erika_two' }] })),
      );
      expect(created.status).toBe(202);
      const failed = await waitUntil('the request failed', async () => {
        const r = await request(stack, created.body.statusUrl);
        return r.status === 'failed' ? r : undefined;
      });
      expect(failed.events.some((e) => e.kind === 'sent')).toBe(false);
      const stopped = failed.events.find((e) => e.kind === 'failed')!;
      expect(stopped.detail).toContain(`refused the From address ${ME} (setting email)`);
      expect(stopped.detail).not.toMatch(/\n\s+at /);
    } finally {
      smtp.refuseFrom.delete(ME);
    }
  });
});

describe('personal mode with a wrong password', () => {
  it('refuses to start and names the setting (SMTP)', async () => {
    const dataDir = join(tmp, 'wrong-smtp');
    await savePersonalConfig(dataDir, settings({ smtpPassword: 'my-login-password' }));
    await expect(startLocalStack(stackOptions(dataDir))).rejects.toMatchObject({
      name: 'MailServerError',
      setting: 'smtp.password',
      message: expect.stringMatching(
        /^SMTP login failed for user "erika@example\.org" at 127\.0\.0\.1:\d+: the server refused the password \(setting smtp\.password/,
      ),
    });
  });

  it('refuses to start and names the setting (IMAP)', async () => {
    const dataDir = join(tmp, 'wrong-imap');
    await savePersonalConfig(dataDir, settings({ imapPassword: 'my-login-password' }));
    await expect(startLocalStack(stackOptions(dataDir))).rejects.toMatchObject({
      name: 'MailServerError',
      setting: 'imap.password',
      message: expect.stringMatching(
        /^IMAP login failed for user "erika@example\.org" at 127\.0\.0\.1:\d+: the server refused the password \(setting imap\.password/,
      ),
    });
  });

  it('npm start prints one clear line, no stack trace, and exits 1', async () => {
    const dataDir = join(tmp, 'wrong-smtp');
    const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
      env: { ...process.env, OPTOUT_DATA_DIR: dataDir, PORT: '0', OPTOUT_PUBLIC_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stdout).not.toContain('is running');
    expect(stderr).toMatch(
      /^Personal mode cannot start: SMTP login failed for user "erika@example\.org" at 127\.0\.0\.1:\d+: the server refused the password \(setting smtp\.password/,
    );
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 30_000);
});
