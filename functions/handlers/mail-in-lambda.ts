// Mail in on AWS, two entries:
// - `handler`, the SES receipt rule's: the rule's S3 action stored the raw message under
//   <INBOUND_PREFIX><messageId> in INBOUND_BUCKET (both set by the stack's bindInbound); this reads it
//   through the runtime's inbound port (adapters/inbound.ts) and calls the same receiveMail as the
//   local SMTP server.
// - `sesEvent`, an EventBridge rule's: SES's bounce events for the letters we sent, and its Send
//   events, which the outbox's delivery log records by letter id (app/outbox.ts recordSesSend).
import { receiveSesBounce, type SesBounceDetail } from '../app/bounces.ts';
import { receiveMail } from '../app/mail-in.ts';
import { recordSesSend, type SesSendDetail } from '../app/outbox.ts';
import { runtime } from '../runtime/scope.ts';
import { lambdaEntry } from './aws-runtime.ts';

interface SesEvent {
  Records: { ses: { mail: { messageId: string; source?: string; destination: string[] }; receipt: { recipients: string[] } } }[];
}

export const handler = lambdaEntry(async (event: SesEvent): Promise<void> => {
  const inbound = runtime().inbound;
  if (!inbound) throw new Error('this runtime has no inbound store (INBOUND_BUCKET is read on AWS only)');
  for (const record of event.Records) {
    const { mail, receipt } = record.ses;
    const raw = await inbound.get(mail.messageId);
    // SES adds a Received header with the sending IP; mail-in trusts it when no remote IP is given.
    await receiveMail(raw, { rcptTo: receipt.recipients, mailFrom: mail.source });
  }
});

/** An EventBridge event from SES event publishing (source aws.ses, detail-type "Email Bounced"). */
interface SesEventBridgeEvent {
  source?: string;
  'detail-type'?: string;
  detail?: SesBounceDetail & SesSendDetail;
}

export const sesEvent = lambdaEntry(async (event: SesEventBridgeEvent): Promise<void> => {
  const detail = event.detail;
  if (!detail?.mail?.messageId || typeof detail.eventType !== 'string') {
    throw new Error(
      `not an SES sending event (source ${event.source ?? '?'}, detail-type ${event['detail-type'] ?? '?'}): detail.eventType and detail.mail.messageId are required`,
    );
  }
  const result = detail.eventType === 'Send' ? await recordSesSend(detail) : await receiveSesBounce(detail);
  console.log(JSON.stringify({ level: 'info', msg: 'ses event', eventType: detail.eventType, sesMessageId: detail.mail.messageId, ...result }));
});
