// Personal mode's connection checks (used by `optout setup` and at start) against the embedded servers:
// every kind of bad setting ends in one MailServerError that names the setting to change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkImap } from '../../functions/adapters/imap-inbox.ts';
import { checkSmtp } from '../../functions/adapters/smtp-mailer.ts';
import type { ImapServer, MailServer } from '../../functions/adapters/mail-servers.ts';
import { startTestImap, type TestImap } from '../support/imap.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';

const ME = 'kim@example.org';
const PASSWORD = 'app-password';
let smtp: TestSmtp;
let imap: TestImap;

beforeAll(async () => {
  smtp = await startTestSmtp(ME, PASSWORD);
  imap = await startTestImap(ME, PASSWORD);
});
afterAll(async () => {
  await smtp?.stop();
  await imap?.stop();
});

const smtpServer = (over: Partial<MailServer> = {}): MailServer => ({
  host: '127.0.0.1',
  port: smtp.port,
  security: 'none',
  user: ME,
  password: PASSWORD,
  ...over,
});
const imapServer = (over: Partial<ImapServer> = {}): ImapServer => ({
  host: '127.0.0.1',
  port: imap.port,
  security: 'none',
  user: ME,
  password: PASSWORD,
  mailbox: 'INBOX',
  ...over,
});

describe('mail server checks', () => {
  it('pass with the right settings', async () => {
    await expect(checkSmtp(smtpServer())).resolves.toBeUndefined();
    await expect(checkImap(imapServer())).resolves.toEqual({ messages: 0, sentFolder: 'Sent' });
  });

  it('name the security setting on a TLS problem (TLS spoken to a plain-text port)', async () => {
    await expect(checkSmtp(smtpServer({ security: 'tls' }))).rejects.toMatchObject({
      name: 'MailServerError',
      setting: 'smtp.security',
      message: expect.stringMatching(/^SMTP TLS problem with 127\.0\.0\.1:\d+ \(setting smtp\.security is "tls"; port 465 uses "tls", port 587 "starttls"\)/),
    });
    await expect(checkImap(imapServer({ security: 'tls' }))).rejects.toMatchObject({ name: 'MailServerError', setting: 'imap.security' });
  });

  it('name the security setting when STARTTLS is required but not offered', async () => {
    await expect(checkSmtp(smtpServer({ security: 'starttls' }))).rejects.toMatchObject({ name: 'MailServerError', setting: 'smtp.security' });
  });

  it('refuse to send a password unencrypted to another machine', async () => {
    await expect(checkSmtp(smtpServer({ host: 'smtp.example.net' }))).rejects.toMatchObject({
      setting: 'smtp.security',
      message: 'SMTP security "none" is only allowed for a server on this machine, not smtp.example.net (setting smtp.security): use "tls" or "starttls"',
    });
  });

  it('name host and port when nothing answers there', async () => {
    await expect(checkSmtp(smtpServer({ port: 1 }))).rejects.toMatchObject({
      setting: 'smtp.host',
      message: expect.stringMatching(/^cannot reach the SMTP server 127\.0\.0\.1:1 \(settings smtp\.host and smtp\.port\)/),
    });
  });

  it('name the host setting when the server name does not resolve', async () => {
    await expect(checkSmtp(smtpServer({ host: 'smtp.no-such-host.invalid', security: 'starttls' }))).rejects.toMatchObject({
      name: 'MailServerError',
      setting: 'smtp.host',
      message:
        'cannot find the SMTP server smtp.no-such-host.invalid: the name does not resolve (setting smtp.host; check its spelling, and that this computer is online)',
    });
    await expect(checkImap(imapServer({ host: 'imap.no-such-host.invalid', security: 'tls' }))).rejects.toMatchObject({
      setting: 'imap.host',
      message: expect.stringMatching(/^cannot find the IMAP server imap\.no-such-host\.invalid: the name does not resolve \(setting imap\.host;/),
    });
  });

  it('name the port setting when the SMTP port answers like an IMAP server', async () => {
    const error = await checkSmtp(smtpServer({ port: imap.port })).catch((e: Error) => e);
    expect(error).toMatchObject({
      name: 'MailServerError',
      setting: 'smtp.port',
      message: expect.stringMatching(
        /^the SMTP port 127\.0\.0\.1:\d+ answered like an IMAP server, not SMTP \(setting smtp\.port\): SMTP usually uses port 465 \("tls"\) or 587 \("starttls"\)\. Server said: \* OK/,
      ),
    });
    expect((error as Error).message).not.toContain('\n');
  });

  it('name the port setting when the IMAP port answers like an SMTP server', async () => {
    const error = await checkImap(imapServer({ port: smtp.port })).catch((e: Error) => e);
    expect(error).toMatchObject({
      name: 'MailServerError',
      setting: 'imap.port',
      message: expect.stringMatching(
        /^the IMAP port 127\.0\.0\.1:\d+ answered like an SMTP server, not IMAP \(setting imap\.port\): IMAP usually uses port 993 \("tls"\) or 143 \("starttls"\)\. Server said: 220 /,
      ),
    });
    expect((error as Error).message).not.toMatch(/TLS/);
  });

  it("try the person's address as the sender without sending anything, and name it when the server refuses it", async () => {
    await expect(checkSmtp(smtpServer(), ME)).resolves.toBeUndefined();
    smtp.refuseFrom.add(ME);
    try {
      await expect(checkSmtp(smtpServer(), ME)).rejects.toMatchObject({
        name: 'MailServerError',
        setting: 'email',
        message: expect.stringMatching(
          /^the SMTP server 127\.0\.0\.1:\d+ refused the From address kim@example\.org \(setting email\): 553 5\.7\.1 Sender address rejected/,
        ),
      });
    } finally {
      smtp.refuseFrom.delete(ME);
    }
    expect(smtp.messages).toEqual([]);
  });

  it('name the folder setting for a folder that does not exist', async () => {
    await expect(checkImap(imapServer({ mailbox: 'Nope' }))).rejects.toMatchObject({ setting: 'imap.mailbox' });
  });
});
