// Mail out: raw MIME built with nodemailer's composer, sent through SES v2 (the emulator locally).
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import MailComposer from 'nodemailer/lib/mail-composer';
import { ses } from './clients.ts';
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
}

export async function buildMime(mail: OutgoingMail): Promise<Buffer> {
  const composer = new MailComposer({
    from: config().fromAddress,
    to: mail.to,
    cc: mail.cc,
    replyTo: mail.replyTo,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: `<${mail.messageId}>`,
    date: clock().now(),
    inReplyTo: mail.inReplyTo ? `<${mail.inReplyTo}>` : undefined,
    references: mail.inReplyTo ? [`<${mail.inReplyTo}>`] : undefined,
    attachments: mail.attachments,
    headers: mail.autoSubmitted ? { 'Auto-Submitted': 'auto-generated' } : undefined,
  });
  return composer.compile().build();
}

/** Sends and returns the MIME that went out, plus SES's own message id. */
export async function sendMail(mail: OutgoingMail): Promise<{ raw: Buffer; sesMessageId: string }> {
  const raw = await buildMime(mail);
  const result = await ses().send(
    new SendEmailCommand({
      FromEmailAddress: config().fromAddress,
      Destination: { ToAddresses: mail.to, CcAddresses: mail.cc },
      ReplyToAddresses: mail.replyTo ? [mail.replyTo] : undefined,
      Content: { Raw: { Data: raw } },
      ConfigurationSetName: config().configurationSet,
    }),
  );
  return { raw, sesMessageId: result.MessageId ?? '' };
}
