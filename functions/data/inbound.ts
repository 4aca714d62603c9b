// Records of inbound mail (app/mail-in.ts): one item per message, keyed by the SHA-256 of its raw bytes
// (PK=MAIL#<hash>, SK=#MAIL), so the same message delivered twice is handled once; and the mail that
// matched no request (PK=UNMATCHED, SK=<at>#<hash>), kept for the operator with its evidence key.
import { key } from './schema.ts';
import { getItem, putItem, updateItem } from './store.ts';

/** processing: matched and being applied (a redelivery finishes it); done: handled, or unmatched. */
export type InboundState = 'processing' | 'done';

export async function inboundMailState(hash: string): Promise<InboundState | undefined> {
  return (await getItem<{ state: InboundState }>(key.inboundMail(hash)))?.state;
}

/** The message matched a request and is being applied to it. */
export async function startInboundMail(hash: string, ref: { submissionId: string; requestId: string }, receivedAt: string): Promise<void> {
  await putItem(key.inboundMail(hash), { type: 'inbound', state: 'processing', submissionId: ref.submissionId, requestId: ref.requestId, receivedAt });
}

/** The message was applied; `replyClass` is what it was read as. */
export async function finishInboundMail(hash: string, replyClass: string): Promise<void> {
  await updateItem(key.inboundMail(hash), { state: 'done', class: replyClass });
}

export interface UnmatchedMail {
  from: string;
  subject: string;
  /** Evidence key of the raw message. */
  evidence: string;
  receivedAt: string;
}

/** Keeps a message that matched no request (until `expiresAt`), and marks it handled. */
export async function recordUnmatchedMail(hash: string, mail: UnmatchedMail, expiresAt: number): Promise<void> {
  await putItem(key.unmatched(mail.receivedAt, hash), { type: 'unmatched', hash, ...mail, expiresAt });
  await putItem(key.inboundMail(hash), { type: 'inbound', state: 'done', matched: false, receivedAt: mail.receivedAt });
}
