// Personal mode, mail out: the same port as SES (adapters/mailer.ts MailTransport), through the
// person's own SMTP server with nodemailer's SMTP transport. Design:
// - The MIME is built once by mailer.ts (same bytes, same Message-ID as on the other runtimes) and
//   handed to nodemailer as raw, with an explicit envelope (From = the person, To + Cc).
// - send() resolves only when the server accepted the message for every recipient: a refused sender,
//   a refused recipient or a failed login throws (MailServerError, naming the setting), so the outbox
//   never records as sent what the server did not take. 4xx answers and network errors are marked
//   retryable; the workflow's Retry tries again later.
// - A letter (mail to someone other than the person) is then filed in the person's Sent folder over
//   IMAP where the server has one. That step never throws: the letter is already out, and failing
//   the task would only send it again.
import { createTransport, type Transporter } from 'nodemailer';
import type { MailTransport, OutgoingMail } from './mailer.ts';
import { appendToSent } from './imap-inbox.ts';
import { checkSender } from './smtp-sender-check.ts';
import { checkSecurity, explainMailError, MailServerError, type ImapServer, type MailServer } from './mail-servers.ts';

function transporter(server: MailServer): Transporter {
  checkSecurity('SMTP', server);
  return createTransport({
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    auth: { user: server.user, pass: server.password },
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
}

/**
 * For `optout setup` and the start of personal mode: connects and logs in, and with `from`, checks that
 * the server takes that sender (smtp-sender-check.ts; nothing is sent); or throws a MailServerError.
 */
export async function checkSmtp(server: MailServer, from?: string): Promise<void> {
  const smtp = transporter(server);
  try {
    await smtp.verify();
  } catch (error) {
    throw explainMailError('SMTP', server, error);
  } finally {
    smtp.close();
  }
  if (from) await checkSender(server, from);
}

export interface SmtpMailerOptions {
  /** Where sent letters are filed; undefined: nowhere. */
  imap?: ImapServer;
  /** Told where each letter was filed, or why not (the local runtime logs it). */
  onFiled?: (messageId: string, outcome: { folder?: string; error?: string }) => void;
}

export function smtpMailer(server: MailServer, options: SmtpMailerOptions = {}): MailTransport {
  return {
    async send(raw: Buffer, envelope: { from: string; to: string[] }, mail: OutgoingMail) {
      const smtp = transporter(server);
      let info: { rejected?: unknown[]; response?: string };
      try {
        info = await smtp.sendMail({ envelope, raw });
      } catch (error) {
        throw explainMailError('SMTP', server, error, envelope.from);
      } finally {
        smtp.close();
      }
      const rejected = info.rejected ?? [];
      if (rejected.length > 0) {
        // Some recipients taken, some not: the letter is out, but not to everyone it names.
        throw new MailServerError(
          `the SMTP server ${server.host}:${server.port} refused ${rejected.map(String).join(', ')}: ${info.response ?? ''}`.trim(),
          'recipient',
        );
      }
      const toOthers = envelope.to.some((to) => to.toLowerCase() !== envelope.from.toLowerCase());
      if (options.imap && toOthers && !mail.autoSubmitted) {
        try {
          const folder = await appendToSent(options.imap, raw);
          options.onFiled?.(mail.messageId, { folder });
        } catch (error) {
          options.onFiled?.(mail.messageId, { error: (error as Error).message });
        }
      }
    },
  };
}
