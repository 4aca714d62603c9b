// Mail out: raw MIME built with nodemailer's composer, sent through the runtime's mail port: SES v2
// (the emulator locally; sesMail) or, in personal mode, the person's own SMTP server (smtpMail).
import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import MailComposer from 'nodemailer/lib/mail-composer';
import { runtime } from '../runtime/scope.ts';
import type { MailPort } from '../runtime/ports.ts';
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

/** The person's own SMTP server (adapters/smtp-mailer.ts), in personal mode. */
export interface MailTransport {
  /** Resolves only once the server accepted the message for every recipient; throws otherwise. */
  send(raw: Buffer, envelope: { from: string; to: string[] }, mail: OutgoingMail): Promise<void>;
}

/**
 * SES v2: `ses` for status mail (the SDK may retry), `sesOnce` for letters (no retry: SES has no
 * idempotency key, so a retried call after a lost response would be a second letter; the outbox
 * decides about any resend from the delivery log instead).
 */
export function sesMail(ses: SESv2Client, sesOnce: SESv2Client, configurationSet: string | undefined): MailPort {
  return {
    async send({ raw, mail, from, cc, tags, once }) {
      const result = await (once ? sesOnce : ses).send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: mail.to, CcAddresses: cc },
          ReplyToAddresses: mail.replyTo ? [mail.replyTo] : undefined,
          Content: { Raw: { Data: raw } },
          ConfigurationSetName: configurationSet,
          EmailTags: tags ? Object.entries(tags).map(([Name, Value]) => ({ Name, Value })) : undefined,
        }),
      );
      return { sesMessageId: result.MessageId ?? '' };
    },
  };
}

/** The person's own SMTP server (personal mode): no SES message id. */
export function smtpMail(transport: MailTransport): MailPort {
  return {
    async send({ raw, mail, from, cc }) {
      await transport.send(raw, { from, to: [...mail.to, ...(cc ?? [])] }, mail);
      return { sesMessageId: '' };
    },
  };
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
 * with SES message tags (the outbox's `letter=<id>`, which SES Send events carry back), in one attempt
 * (see sesMail).
 */
export async function sendRawMail(raw: Buffer, mail: OutgoingMail, tags: Record<string, string> = {}): Promise<{ sesMessageId: string }> {
  return runtime().mail.send({ raw, mail, from: config().fromAddress, cc: copies(mail), tags, once: true });
}

/**
 * Sends a mail to the person (verification, status, deletion; letters go through the outbox and
 * sendRawMail) and returns the MIME that went out, plus SES's own message id. Every such mail is
 * Auto-Submitted (RFC 3834), so no auto-responder answers it.
 */
export async function sendMail(input: OutgoingMail): Promise<{ raw: Buffer; sesMessageId: string }> {
  const mail: OutgoingMail = { ...input, autoSubmitted: true };
  const raw = await buildMime(mail);
  const { sesMessageId } = await runtime().mail.send({ raw, mail, from: config().fromAddress, cc: copies(mail), once: false });
  return { raw, sesMessageId };
}
