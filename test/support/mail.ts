// Mail from "the outside world" for the integration tests: DKIM keys published in a local zone
// file (OPTOUT_DNS_ZONE), replies composed with nodemailer, signed with mailauth and delivered over
// real SMTP to the local inbound server, and delivery status notifications (bounces) built by hand.
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dkimSign, type DKIMSignOptions } from 'mailauth';
import { createTransport } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';

export interface DkimKey {
  selector: string;
  privateKey: string;
  /** The p= value: base64 of the SPKI DER public key. */
  publicKey: string;
}

export function dkimKey(selector: string): DkimKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    selector,
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  };
}

export type Zone = Record<string, Record<string, string[]>>;

/** The DNS a mail domain publishes: its DKIM key, a DMARC reject policy, and an SPF record. */
export function mailDomainRecords(domain: string, key: DkimKey, spf: string): Zone {
  return {
    [`${key.selector}._domainkey.${domain}`]: { TXT: [`v=DKIM1; k=rsa; p=${key.publicKey}`] },
    [`_dmarc.${domain}`]: { TXT: ['v=DMARC1; p=reject'] },
    [domain]: { TXT: [spf] },
  };
}

export function writeZone(file: string, ...zones: Zone[]): string {
  writeFileSync(file, JSON.stringify(Object.assign({}, ...zones), null, 2));
  return file;
}

export interface ReplyOptions {
  from: string;
  to: string;
  subject: string;
  text: string;
  /** Message-ID of our letter (without <>), as a mail client sets it on a reply. */
  inReplyTo?: string;
  date?: Date;
}

let counter = 0;

export async function composeReply(options: ReplyOptions): Promise<Buffer> {
  const domain = options.from.split('@').pop();
  counter += 1;
  const composer = new MailComposer({
    from: options.from,
    to: options.to,
    subject: options.subject,
    text: options.text,
    date: options.date ?? new Date(),
    messageId: `<reply-${Date.now()}-${counter}@${domain}>`,
    inReplyTo: options.inReplyTo ? `<${options.inReplyTo}>` : undefined,
    references: options.inReplyTo ? [`<${options.inReplyTo}>`] : undefined,
  });
  // The composer leaves bare LFs in the body; on the wire (SMTP) every line ends in CRLF.
  const built = await composer.compile().build();
  return Buffer.from(built.toString('utf8').replace(/\r?\n/g, '\r\n'));
}

/** Prepends a DKIM-Signature made with `key` for `domain` (d=). */
export async function signMail(raw: Buffer, domain: string, key: DkimKey): Promise<Buffer> {
  // mailauth reads the keys from signatureData; its .d.ts wants them at the top level too.
  const options = { signatureData: [{ signingDomain: domain, selector: key.selector, privateKey: key.privateKey }] };
  const { signatures, errors } = await dkimSign(raw, options as unknown as DKIMSignOptions);
  if (errors.length) throw new Error(`DKIM signing failed: ${errors.map((e) => e.message).join('; ')}`);
  return Buffer.concat([Buffer.from(signatures), raw]);
}

/** Delivers raw MIME over SMTP to 127.0.0.1:port; `from` '' sends the null sender (MAIL FROM:<>). */
export async function deliver(port: number, raw: Buffer, envelope: { from: string; to: string[]; helo?: string }): Promise<void> {
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, name: envelope.helo ?? 'mx.test.example' });
  try {
    await transport.sendMail({ envelope: { from: envelope.from, to: envelope.to }, raw });
  } finally {
    transport.close();
  }
}

export interface BounceOptions {
  /** The reporting MTA's domain, e.g. mx.example.net. */
  mta: string;
  /** Where the bounce goes: the Return-Path of our letter (the reply address). */
  to: string;
  failedRecipient: string;
  status: string;
  /** Message-ID of the letter that bounced (without <>). */
  originalMessageId: string;
  originalSubject: string;
}

/** A delivery status notification (RFC 3464) as Postfix writes one, with the letter's headers returned. */
export function bounceMessage(options: BounceOptions): Buffer {
  counter += 1;
  const boundary = `dsn-${Date.now()}-${counter}`;
  const date = new Date().toUTCString();
  const lines = [
    `From: MAILER-DAEMON@${options.mta} (Mail Delivery System)`,
    `To: ${options.to}`,
    'Subject: Undelivered Mail Returned to Sender',
    `Date: ${date}`,
    `Message-ID: <dsn-${boundary}@${options.mta}>`,
    `In-Reply-To: <${options.originalMessageId}>`,
    `References: <${options.originalMessageId}>`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    'This is a MIME-encapsulated message.',
    '',
    `--${boundary}`,
    'Content-Description: Notification',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    `This is the mail system at host ${options.mta}.`,
    '',
    "I'm sorry to have to inform you that your message could not",
    'be delivered to one or more recipients.',
    '',
    `<${options.failedRecipient}>: host said: 550 ${options.status} Recipient address rejected: User unknown`,
    '',
    `--${boundary}`,
    'Content-Description: Delivery report',
    'Content-Type: message/delivery-status',
    '',
    `Reporting-MTA: dns; ${options.mta}`,
    `Arrival-Date: ${date}`,
    '',
    `Final-Recipient: rfc822; ${options.failedRecipient}`,
    `Original-Recipient: rfc822;${options.failedRecipient}`,
    'Action: failed',
    `Status: ${options.status}`,
    `Diagnostic-Code: smtp; 550 ${options.status} <${options.failedRecipient}>: Recipient address rejected: User unknown`,
    '',
    `--${boundary}`,
    'Content-Description: Undelivered Message Headers',
    'Content-Type: text/rfc822-headers',
    '',
    `To: ${options.failedRecipient}`,
    `Subject: ${options.originalSubject}`,
    `Message-ID: <${options.originalMessageId}>`,
    '',
    `--${boundary}--`,
    '',
  ];
  return Buffer.from(lines.join('\r\n'));
}
