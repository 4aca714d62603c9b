// Mail out: raw MIME built with nodemailer's composer, sent through SES v2 (the emulator locally), or
// in personal mode through the person's own SMTP server (useMailTransport).
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import MailComposer from 'nodemailer/lib/mail-composer';
import { ses, sesOnce } from './clients.ts';
import { clock } from './clock.ts';
import { config } from './config.ts';

export interface OutgoingMail {
  to: string[];
  cc?: string[];
  replyTo?: string;
  subject: string;
  text: string;
  html?: string;
  /** Our own Message-ID (without <>), so replies can be matched by In-Reply-To. */
  messageId: string;
  inReplyTo?: string;
  attachments?: { filename: string; content: Buffer | string; contentType: string }[];
  /** RFC 3834: set on status emails to the person; never on letters, whose receipt we want acknowledged. */
  autoSubmitted?: boolean;
  /** The Date header; the clock's now when absent (the outbox passes the letter's claim time). */
  date?: Date;
}

/**
 * Personal mode sends through the person's own SMTP server (adapters/smtp-mailer.ts) instead of SES;
 * set by the local runtime (infra/local/personal.ts), unset in demo mode and on AWS.
 */
export interface MailTransport {
  /** Resolves only once the server accepted the message for every recipient; throws otherwise. */
  send(raw: Buffer, envelope: { from: string; to: string[] }, mail: OutgoingMail): Promise<void>;
}

let transport: MailTransport | undefined;

export function useMailTransport(next: MailTransport | undefined): void {
  transport = next;
}

/** The sender is never copied on their own mail (personal mode: the person is the sender). */
function copies(mail: OutgoingMail): string[] | undefined {
  const from = config().fromAddress.toLowerCase();
  const cc = mail.cc?.filter((address) => address.toLowerCase() !== from);
  return cc?.length ? cc : undefined;
}

export async function buildMime(mail: OutgoingMail): Promise<Buffer> {
  const { fromAddress, fromName } = config();
  const composer = new MailComposer({
    from: fromName ? { name: fromName, address: fromAddress } : fromAddress,
    to: mail.to,
    cc: copies(mail),
    replyTo: mail.replyTo,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: `<${mail.messageId}>`,
    date: mail.date ?? clock().now(),
    inReplyTo: mail.inReplyTo ? `<${mail.inReplyTo}>` : undefined,
    references: mail.inReplyTo ? [`<${mail.inReplyTo}>`] : undefined,
    attachments: mail.attachments,
    headers: mail.autoSubmitted ? { 'Auto-Submitted': 'auto-generated' } : undefined,
  });
  return composer.compile().build();
}

/**
 * Sends MIME built earlier (the outbox stores it before the first try and resends the same bytes),
 * with SES message tags (the outbox's `letter=<id>`, which SES Send events carry back). Through SES
 * without the SDK's own retries: SES has no idempotency key, so a retried call after a lost response
 * would be a second letter; the outbox decides about any resend from the delivery log instead.
 */
export async function sendRawMail(raw: Buffer, mail: OutgoingMail, tags: Record<string, string> = {}): Promise<{ sesMessageId: string }> {
  if (transport) {
    await transport.send(raw, { from: config().fromAddress, to: [...mail.to, ...(copies(mail) ?? [])] }, mail);
    return { sesMessageId: '' };
  }
  const result = await sesOnce().send(
    new SendEmailCommand({
      FromEmailAddress: config().fromAddress,
      Destination: { ToAddresses: mail.to, CcAddresses: copies(mail) },
      ReplyToAddresses: mail.replyTo ? [mail.replyTo] : undefined,
      Content: { Raw: { Data: raw } },
      ConfigurationSetName: config().configurationSet,
      EmailTags: Object.entries(tags).map(([Name, Value]) => ({ Name, Value })),
    }),
  );
  return { sesMessageId: result.MessageId ?? '' };
}

/** Whether mail goes through the person's own SMTP server (personal mode) rather than SES. */
export function sendsThroughSmtp(): boolean {
  return transport !== undefined;
}

/** Sends and returns the MIME that went out, plus SES's own message id. */
export async function sendMail(mail: OutgoingMail): Promise<{ raw: Buffer; sesMessageId: string }> {
  const raw = await buildMime(mail);
  if (transport) {
    await transport.send(raw, { from: config().fromAddress, to: [...mail.to, ...(copies(mail) ?? [])] }, mail);
    return { raw, sesMessageId: '' };
  }
  const result = await ses().send(
    new SendEmailCommand({
      FromEmailAddress: config().fromAddress,
      Destination: { ToAddresses: mail.to, CcAddresses: copies(mail) },
      ReplyToAddresses: mail.replyTo ? [mail.replyTo] : undefined,
      Content: { Raw: { Data: raw } },
      ConfigurationSetName: config().configurationSet,
    }),
  );
  return { raw, sesMessageId: result.MessageId ?? '' };
}
