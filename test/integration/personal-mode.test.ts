// Personal mode end to end: the real local runtime with `<data dir>/personal.json`, sending through an
// embedded SMTP server that asks for a login (smtp-server) and reading replies from an embedded IMAP
// server (hoodiecrow-imap). Replies are DKIM-signed with keys published in a local zone file
// (OPTOUT_DNS_ZONE), so authentication is real. Every wait is for an event or a state, never a sleep.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ExecutionRecord } from '../../infra/local/workflow-runner.ts';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../infra/local/stack.ts';
import { savePersonalConfig, type PersonalInput } from '../../infra/local/personal.ts';
import { getSubmission } from '../../functions/data/store.ts';
import { MAX_ATTEMPTS } from '../../functions/app/inbox.ts';
import { runWith } from '../../functions/runtime/scope.ts';
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
/** Every workflow execution that ended, in order (the stack reports each). */
const finished: ExecutionRecord[] = [];

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
    onExecutionFinished: (record) => finished.push(record),
    // The limits on confirmation mails stay at their defaults (3 a day to one address): personal mode
    // sends none, and this file submits more often than that.
    env: { OPTOUT_DNS_ZONE: zone, OPTOUT_CLIENT_SUBMISSIONS_PER_HOUR: '1000' },
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

  it('marks every mail to the person Auto-Submitted, and its summary says the replies are read in their own inbox', async () => {
    const summary = await waitUntil('the summary mail', async () => smtp.messages.find((m) => /Opt-out-Anfragen sind unterwegs/.test(m.parsed.subject ?? '')));
    const toPerson = smtp.messages.filter((m) => m.rcptTo.includes(ME));
    expect(toPerson.length).toBeGreaterThan(0);
    for (const mail of toPerson) expect(mail.parsed.headers.get('auto-submitted'), mail.parsed.subject).toBe('auto-generated');
    const text = (summary.parsed.text ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('Die Briefe gingen von Ihrer eigenen Adresse');
    expect(text).toContain('in Ihrem Posteingang');
    expect(text).not.toContain('Antwortadresse');
  });

  it('marks nothing sent that the SMTP server refused (a From address it does not accept), and raises no false alarm', async () => {
    smtp.refuseFrom.add(ME);
    const errors: string[] = [];
    const printed: string[] = [];
    const errorSpy = vi.spyOn(console, 'error').mockImplementation((line: unknown) => void errors.push(String(line)));
    const logSpy = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void printed.push(String(line)));
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

      // The failure is recorded; the notice to the person (through the same server) could not go, and
      // that is no "failure not recorded": the execution ends well and the console says so in one line each.
      const id = new URL(created.body.statusUrl).pathname.split('/').pop()!;
      const execution = await waitUntil('the execution ended', async () => finished.find((r) => r.input.submissionId === id));
      expect(execution.status).toBe('SUCCEEDED');
      expect(errors.filter((line) => line.includes('failure not recorded'))).toEqual([]);
      const refused = errors
        .map((line) => JSON.parse(line) as Record<string, string>)
        .filter((e) => e.msg === 'mail to the person refused by their own SMTP server');
      expect(refused.map((e) => e.what)).toEqual([expect.stringMatching(/^the news about your request to Reddit \(ref OA-/), 'the summary of your requests']);
      expect(refused.every((e) => e.setting === 'email')).toBe(true);
      const told = printed.filter((line) => line.startsWith('Could not mail you'));
      expect(told).toHaveLength(2);
      expect(told[1]).toMatch(
        new RegExp(
          `^Could not mail you the summary of your requests: the SMTP server 127\\.0\\.0\\.1:\\d+ refused the From address ${ME} \\(setting email\\).* It is on your status page: http`,
        ),
      );
      expect(told.every((line) => !line.includes('\n'))).toBe(true);
    } finally {
      errorSpy.mockRestore();
      logSpy.mockRestore();
      smtp.refuseFrom.delete(ME);
    }
  });
});

describe('personal mode, the form', () => {
  let stack: LocalStack;

  beforeAll(async () => {
    const dataDir = join(tmp, 'form');
    await savePersonalConfig(dataDir, settings());
    stack = await start(dataDir);
  });

  it("asks for no signature, speaks of the person's own address, and is filled in from personal.json", async () => {
    for (const lang of ['en', 'de', 'fr', 'es', 'it', 'nl', 'pl']) {
      const page = await (await fetch(`${stack.url}/?lang=${lang}`)).text();
      expect(page, lang).not.toContain('id="signature"');
      expect(page, lang).not.toContain('id="authorization"');
      // No agent, no operator acting for the person, no confirmation link.
      expect(page, lang).not.toMatch(
        /authorized agent|authorize Optout Autopilot|Optout Autopilot \(|bevollmächtigt|mandataire|representante autorizzato|representante autorizado|gemachtigde|pełnomocnik|confirmation link|Bestätigungslink/i,
      );
      expect(page, lang).toContain('value="Erika Mustermann"');
      expect(page, lang).toContain(`value="${ME}"`);
      expect(page, lang).toMatch(/<option value="DE-BE" selected>/);
    }
    const en = await (await fetch(`${stack.url}/?lang=en`)).text();
    expect(en).toContain('Your email address (letters go from it, and companies reply to it; the replies are read from your inbox)');
    expect(en).toContain('I want these requests sent in my own name, from my own email address.');
  });

  it('takes a submission without a signature, and keeps no authorization (also when one is sent)', async () => {
    const plain = person({ email: ME, accounts: [{ provider: 'reddit', identifier: 'erika_form' }] }) as Record<string, unknown>;
    delete plain.signature;
    const withoutSignature = await api(stack, '/api/submissions', postJson(plain));
    expect(withoutSignature.status).toBe(202);
    expect(withoutSignature.body.status).toBe('verified');
    const signedAnyway = await api(
      stack,
      '/api/submissions',
      postJson(person({ email: ME, signature: 'somebody else', accounts: [{ provider: 'reddit', identifier: 'erika_form2' }] })),
    );
    expect(signedAnyway.status).toBe(202);
    // The plain HTML form, as a browser without JavaScript posts it (no signature field).
    const form = new URLSearchParams({
      lang: 'en',
      name: 'Erika Mustermann',
      email: ME,
      jurisdiction: 'DE-BE',
      provider: 'reddit',
      identifier: 'erika_form3',
      consent: 'yes',
    });
    const posted = await fetch(`${stack.url}/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      body: form.toString(),
      redirect: 'manual',
    });
    expect(posted.status).toBe(303);
    const ids = [withoutSignature.body.statusUrl, signedAnyway.body.statusUrl, posted.headers.get('location')!].map(
      (url) => new URL(url).pathname.split('/').pop()!,
    );
    for (const id of ids) {
      const stored = await runWith(stack.runtime, () => getSubmission(id));
      expect(stored?.status).toBe('verified');
      expect(stored?.authorization).toBeUndefined();
    }
    // The letters go out without an authorization attached.
    const letter = await waitUntil('the letter for erika_form', async () =>
      smtp.messages.find((m) => (m.parsed.text ?? '').includes('erika_form\n') || (m.parsed.text ?? '').includes('erika_form ')),
    );
    expect(letter.parsed.attachments).toHaveLength(0);
  });
});

describe('personal mode, the inbox', () => {
  const dataDir = () => join(tmp, 'inbox');
  let stack: LocalStack;
  let statusUrl: string;
  let reference: string;
  let letterId: string;

  beforeAll(async () => {
    await savePersonalConfig(dataDir(), settings());
    stack = await startLocalStack({ ...stackOptions(dataDir()), faults: { mailIn: (raw) => raw.includes('POISON') } });
    stacks.push(stack);
    const created = await api(stack, '/api/submissions', postJson(person({ email: ME, accounts: [{ provider: 'reddit', identifier: 'erika_inbox' }] })));
    statusUrl = created.body.statusUrl;
    ({ reference } = await waitUntil('the letter dispatched', async () => {
      const r = await request(stack, statusUrl);
      return dispatched(r) ? r : undefined;
    }));
    const letter = smtp.messages.find((m) => (m.parsed.text ?? '').includes(reference))!;
    letterId = letter.parsed.messageId!.slice(1, -1);
  });

  const reply = async (subject: string, text: string) =>
    signMail(await composeReply({ from: 'privacy@reddit.com', to: ME, subject, text, inReplyTo: letterId }), 'reddit.com', redditKey);

  it('gives up a reply whose handling keeps failing after a few polls, keeps it in the dead-letter folder, and reads the replies after it', async () => {
    const errors: string[] = [];
    const errorSpy = vi.spyOn(console, 'error').mockImplementation((line: unknown) => void errors.push(String(line)));
    try {
      // Mail from long before setup is never looked at on the first poll, even naming the reference.
      imap.deliver(await reply(`Old thread ${reference}`, ACKNOWLEDGED), 'INBOX', new Date('2020-01-15T10:00:00Z'));
      imap.deliver(await reply(`Re: ${reference}`, `POISON\n\n${ACKNOWLEDGED}`));
      imap.deliver(await reply(`Re: ${reference} (decision)`, CONFIRMED));
      const attempts = [];
      for (let i = 1; i < MAX_ATTEMPTS; i += 1)
        attempts.push(
          await stack.personal!.inbox.pollOnce().then(
            () => 'read',
            (error: Error) => error.message,
          ),
        );
      expect(attempts).toEqual(Array(MAX_ATTEMPTS - 1).fill('injected mail-in fault'));
      expect((await request(stack, statusUrl)).status).toBe('sent');

      const last = await stack.personal!.inbox.pollOnce();
      expect(last.givenUp).toEqual([{ uid: expect.any(Number), error: 'injected mail-in fault', kept: expect.stringContaining(join('dead-letter', 'inbox')) }]);
      expect(readFileSync(last.givenUp![0]!.kept!, 'utf8')).toContain('POISON');
      expect(last.handled.map((h) => h.result)).toEqual([expect.objectContaining({ outcome: 'applied', class: 'confirmed' })]);
      expect((await request(stack, statusUrl)).status).toBe('confirmed');
      const logged = errors.map((line) => JSON.parse(line) as Record<string, unknown>).filter((e) => e.msg === `reply given up after ${MAX_ATTEMPTS} attempts`);
      expect(logged).toEqual([expect.objectContaining({ level: 'error', subject: `Re: ${reference}`, deadLetter: last.givenUp![0]!.kept })]);
      expect(await stack.personal!.inbox.pollOnce()).toEqual({ seen: 0, handled: [] });
    } finally {
      errorSpy.mockRestore();
    }
  });

  it('reads the inbox as it starts, not only a poll interval later', async () => {
    const eventsBefore = (await request(stack, statusUrl)).events.length;
    await stack.stop();
    stacks.splice(stacks.indexOf(stack), 1);
    imap.deliver(await reply(`Re: ${reference} (while the app was stopped)`, ACKNOWLEDGED));
    // An hour between polls: only the poll at the start can read it.
    stack = await startLocalStack({ ...stackOptions(dataDir()), inboxPollMs: 3_600_000 });
    stacks.push(stack);
    const after = await waitUntil('the reply read at the start', async () => {
      const r = await request(stack, statusUrl);
      return r.events.length > eventsBefore ? r : undefined;
    });
    expect(after.events.at(-1)!.kind).toMatch(/^reply:/);
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
