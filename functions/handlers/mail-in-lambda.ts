// Mail in on AWS, two entries:
// - `handler`, the SES receipt rule's: the rule's S3 action stored the raw message under
//   <INBOUND_PREFIX><messageId> in INBOUND_BUCKET (both set by the stack's bindInbound); this reads it
//   and calls the same receiveMail as the local SMTP server.
// - `sesEvent`, an EventBridge rule's: SES's bounce events for the letters we sent, and its Send
//   events, which the outbox's delivery log records by letter id (app/outbox.ts recordSesSend).
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { receiveSesBounce, type SesBounceDetail } from '../app/bounces.ts';
import { receiveMail } from '../app/mail-in.ts';
import { recordSesSend, type SesSendDetail } from '../app/outbox.ts';
import { config, ConfigError } from '../adapters/config.ts';

interface SesEvent {
  Records: { ses: { mail: { messageId: string; source?: string; destination: string[] }; receipt: { recipients: string[] } } }[];
}

let s3: S3Client | undefined;

/** Where the receipt rule stored a message: the stack sets both, so a missing one is a deployment error. */
export function inboundObject(messageId: string): { Bucket: string; Key: string } {
  const { inboundBucket, inboundPrefix } = config();
  if (!inboundBucket) throw new ConfigError('setting INBOUND_BUCKET is missing');
  if (!inboundPrefix) throw new ConfigError('setting INBOUND_PREFIX is missing');
  return { Bucket: inboundBucket, Key: `${inboundPrefix}${messageId}` };
}

/** Tests replace the S3 client (the only AWS call this entry makes itself). */
export function useS3Client(client: S3Client | undefined): void {
  s3 = client;
}

export async function handler(event: SesEvent): Promise<void> {
  s3 ??= new S3Client({ region: config().region });
  for (const record of event.Records) {
    const { mail, receipt } = record.ses;
    const object = await s3.send(new GetObjectCommand(inboundObject(mail.messageId)));
    const raw = Buffer.from(await object.Body!.transformToByteArray());
    // SES adds a Received header with the sending IP; mail-in trusts it when no remote IP is given.
    await receiveMail(raw, { rcptTo: receipt.recipients, mailFrom: mail.source });
  }
}

/** An EventBridge event from SES event publishing (source aws.ses, detail-type "Email Bounced"). */
interface SesEventBridgeEvent {
  source?: string;
  'detail-type'?: string;
  detail?: SesBounceDetail & SesSendDetail;
}

export async function sesEvent(event: SesEventBridgeEvent): Promise<void> {
  const detail = event.detail;
  if (!detail?.mail?.messageId || typeof detail.eventType !== 'string') {
    throw new Error(`not an SES sending event (source ${event.source ?? '?'}, detail-type ${event['detail-type'] ?? '?'}): detail.eventType and detail.mail.messageId are required`);
  }
  const result = detail.eventType === 'Send' ? await recordSesSend(detail) : await receiveSesBounce(detail);
  console.log(JSON.stringify({ level: 'info', msg: 'ses event', eventType: detail.eventType, sesMessageId: detail.mail.messageId, ...result }));
}
