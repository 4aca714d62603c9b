// `npx optout setup`, driven the way a person would with piped answers: it asks, tests both connections
// against embedded servers (smtp-server, hoodiecrow-imap), and writes personal.json with the passwords
// sealed; a wrong password ends it with a clear message and no file.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPersonalConfig } from '../../infra/local/personal.ts';
import { startTestImap, type TestImap } from '../support/imap.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';

const ME = 'jan.jansen@example.org';
const PASSWORD = 'abcd efgh ijkl mnop';

let smtp: TestSmtp;
let imap: TestImap;
let tmp: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'optout-setup-'));
  smtp = await startTestSmtp(ME, PASSWORD);
  imap = await startTestImap(ME, PASSWORD);
});

afterAll(async () => {
  await smtp?.stop();
  await imap?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Runs `optout setup` as `npx optout` does, with `answers` piped in, one per line. */
async function setup(dataDir: string, answers: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['bin/optout.js', 'setup', '--data-dir', dataDir], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(`${answers.join('\n')}\n`);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout, stderr };
}

function answers(password: string): string[] {
  return [
    'Jan Jansen', // name
    ME, // address
    'nl', // jurisdiction (case folded)
    '10', // provider: other
    '127.0.0.1', // SMTP server
    String(smtp.port),
    'none', // allowed for a server on this machine only
    '127.0.0.1', // IMAP server
    String(imap.port),
    'none',
    '', // user name: the address
    password,
    '', // IMAP password: the same
  ];
}

describe('optout setup', () => {
  it('tests both connections and writes personal.json with the password sealed', async () => {
    const dataDir = join(tmp, 'ok');
    const run = await setup(dataDir, answers(PASSWORD));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`SMTP: logged in; it accepts ${ME} as the sender.`);
    // The sender was tried up to RCPT TO only: nothing was sent.
    expect(smtp.messages).toEqual([]);
    expect(run.stdout).toMatch(/IMAP: logged in; INBOX holds 0 messages\. Sent letters: they are filed in your folder "Sent"/);
    // The providers were offered; the one of the address's domain is not known, so "other" was the default.
    expect(run.stdout).toContain('Gmail / Google Workspace');
    expect(run.stdout).toContain('Number [10]');

    const file = join(dataDir, 'personal.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(PASSWORD);
    const stored = JSON.parse(text);
    expect(stored).toMatchObject({
      name: 'Jan Jansen',
      email: ME,
      jurisdiction: 'NL',
      smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', user: ME },
    });
    expect(stored.smtp.password).toMatch(/^v1\./);
    // When it was set up: the first read of the inbox starts there (the day before).
    expect(Date.now() - Date.parse(stored.setupAt)).toBeLessThan(60_000);

    // The runtime opens it with the local key.
    const opened = await loadPersonalConfig(dataDir);
    expect(opened?.smtp.password).toBe(PASSWORD);
    expect(opened?.imap).toMatchObject({ password: PASSWORD, mailbox: 'INBOX', pollSeconds: 60 });
  }, 30_000);

  it('stops at a wrong password with a message naming the setting, and writes nothing', async () => {
    const dataDir = join(tmp, 'wrong');
    const run = await setup(dataDir, answers('my-normal-login-password'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^optout setup: SMTP login failed for user "jan\.jansen@example\.org" at 127\.0\.0\.1:\d+: the server refused the password \(setting smtp\.password/,
    );
    expect(run.stderr).toContain('Nothing was written.');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dataDir, 'personal.json'))).toBe(false);
  }, 30_000);

  it('asks for the password again after a refused login, and writes the one that works', async () => {
    const dataDir = join(tmp, 'second-try');
    const run = await setup(dataDir, [...answers('my-normal-login-password'), PASSWORD]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /SMTP login failed for user "jan\.jansen@example\.org" at 127\.0\.0\.1:\d+: the server refused the password \(setting smtp\.password/,
    );
    expect(run.stdout).toContain('Type the password again (try 2 of 3).');
    const opened = await loadPersonalConfig(dataDir);
    // The IMAP password was "the same": the one that worked.
    expect(opened?.smtp.password).toBe(PASSWORD);
    expect(opened?.imap.password).toBe(PASSWORD);
  }, 30_000);

  it('stops after three refused passwords, naming the setting, and writes nothing', async () => {
    const dataDir = join(tmp, 'three-tries');
    const run = await setup(dataDir, [...answers('wrong-1'), 'wrong-2', 'wrong-3', PASSWORD]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Type the password again (try 3 of 3).');
    expect(run.stdout).not.toContain('try 4');
    expect(run.stderr).toMatch(
      /^optout setup: SMTP login failed for user "jan\.jansen@example\.org" at 127\.0\.0\.1:\d+: the server refused the password \(setting smtp\.password/,
    );
    expect(existsSync(join(dataDir, 'personal.json'))).toBe(false);
  }, 30_000);

  it('stops when the SMTP server refuses the address as the sender, naming it, and writes nothing', async () => {
    const dataDir = join(tmp, 'refused-from');
    smtp.refuseFrom.add(ME);
    try {
      const run = await setup(dataDir, answers(PASSWORD));
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /^optout setup: the SMTP server 127\.0\.0\.1:\d+ refused the From address jan\.jansen@example\.org \(setting email\): 553 5\.7\.1 Sender address rejected/,
      );
      expect(run.stderr).toContain('Nothing was written.');
      expect(existsSync(join(dataDir, 'personal.json'))).toBe(false);
    } finally {
      smtp.refuseFrom.delete(ME);
    }
  }, 30_000);

  it('asks again when an answer is not valid, and stops cleanly when the input ends', async () => {
    const dataDir = join(tmp, 'short');
    const run = await setup(dataDir, ['Jan Jansen', 'not-an-address', ME, 'Atlantis']);
    expect(run.stdout).toContain('"not-an-address" is not an email address');
    expect(run.stdout).toContain('"Atlantis"');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('optout setup: the input ended before every question was answered; nothing was written\n');
    expect(existsSync(join(dataDir, 'personal.json'))).toBe(false);
  }, 30_000);
});
