// One outbox for every letter to a provider (the first letter, the reminder, the final notice) and the
// complaint draft to the person: render -> claim -> send -> record, once. A draft
// (`deliver: 'file'`) is rendered, claimed, stored and recorded the same way, but not sent: the
// person's next mail carries it (app/notify.ts), so drafts that are ready together arrive together.
//
// 1. Render and claim. The letter id is deterministic, `<reference>.<kind>.<attempt>` (the local part
//    of its Message-ID), and its record is claimed with a conditional put ("claimed") holding the
//    letter's date; the exact MIME is stored as evidence. Nothing has been sent.
// 2. Apply the lifecycle event (core/lifecycle.ts; reminder_sent, escalated...) with the letter's
//    fields, conditional on the request's status; the request remembers the letter id (outboxLetter),
//    so a re-run knows the event was its own. If the event no longer applies (the company confirmed
//    meanwhile), the letter is "void" and never sent.
// 3. Send: the record says "sending" (with the time) before SES is called, with the letter id as the
//    SES message tag `letter=<id>`; SES's acceptance makes it "sent".
// 4. Record, idempotently: Message-ID pointers (replies and bounces find the request), the history
//    event with the evidence. Callers mail the person after (deterministic notification keys).
//
// Exactly once: a letter found "sending" by a re-run (a crash, a timeout, a lost SES response) is
// resolved from the delivery log (adapters/delivery-log.ts: SES Send events in the table on AWS, the
// emulator's store locally) before it is ever sent again. Seen there: it is "sent". Not seen and the
// grace period (OPTOUT_SEND_GRACE_SECONDS, on the clock) not over: LetterInDoubt, which the ASL
// retries later. Not seen after it: sent again, the same bytes and Message-ID. The SES client for
// letters makes no retries of its own (adapters/mailer.ts sesMail: `once`), and a definite refusal (SES
// answered 4xx, or the connection was refused) ends the doubt at once. The same code runs on AWS and
// locally; personal mode's SMTP server keeps no log we can read (see delivery-log.ts).
import { simpleParser } from 'mailparser';
import type { LifecycleEvent } from '../core/lifecycle.ts';
import { canApply } from '../core/lifecycle.ts';
import { clock } from '../adapters/clock.ts';
import { config } from '../adapters/config.ts';
import { deliveryLog } from '../adapters/delivery-log.ts';
import { getEvidence, putEvidence } from '../adapters/evidence.ts';
import { buildMime, sendRawMail, type OutgoingMail } from '../adapters/mailer.ts';
import { applyEvent, type EventPatch, type RequestRef } from '../data/lifecycle.ts';
import { claimLetter, getLetter, type LetterRecord, moveLetter, recordDelivery } from '../data/outbox.ts';
import { addEvent, getRequest, putMessagePointer, type RequestRecord } from '../data/store.ts';

/** A letter found "sending" that the delivery log does not show yet: the ASL retries the step later. */
export class LetterInDoubt extends Error {
  override name = 'LetterInDoubt';
}

/** The history event written once the letter is out (at the letter's date, with its evidence). */
export interface LetterHistory {
  key: string;
  kind: string;
  detail: string;
  data?: Record<string, string | number | boolean | null>;
}

export interface Composed {
  /** The mail, without Message-ID and date (the outbox sets both). */
  mail: Omit<OutgoingMail, 'messageId' | 'date'>;
  /** Fields written with the lifecycle event. */
  patch: EventPatch;
  history: LetterHistory;
}

export interface LetterSpec {
  ref: RequestRef;
  /** The letter kind in its id and Message-ID: the basis for the first letter, reminder, final-notice, complaint. */
  kind: string;
  attempt?: number;
  /** The lifecycle event the letter makes (applied once, conditionally, before it is sent). */
  event: LifecycleEvent;
  /** Evidence file name under letters/<submission>/<request>/. */
  file: string;
  /** Message-ID pointers, so replies and bounces find the request (letters to a provider). */
  pointers: boolean;
  /** `send` (the default): SES sends it. `file`: stored and recorded only (a draft for the person). */
  deliver?: 'send' | 'file';
  /** Renders the letter as of `at` (its date; the same on every re-render). */
  compose(at: Date, request: RequestRecord): Promise<Composed>;
}

export type OutboxOutcome =
  /** Sent by this call. */
  | 'sent'
  /** Was in doubt; the delivery log showed it sent, so it was not sent again. */
  | 'resolved'
  /** Sent or filed before (a re-run): only the bookkeeping was completed. */
  | 'done'
  /** A draft, stored and recorded by this call (deliver: 'file'). */
  | 'filed'
  /** The event does not apply to the request's status (nothing sent, nothing written). */
  | 'not_due';

/** Deterministic: the same letter gets the same Message-ID on every run. */
export function messageIdFor(reference: string, kind: string, attempt: number): string {
  return `${reference}.${kind}.${attempt}@${config().inboundDomain}`.toLowerCase();
}

/** The letter id: the Message-ID's local part (characters SES tag values allow). */
function letterIdOf(messageId: string): string {
  return messageId.split('@')[0]!;
}

type StoredLetter = LetterRecord & { replyTo?: string; autoSubmitted?: boolean; history: LetterHistory };

function envelopeOf(letter: StoredLetter): OutgoingMail {
  // Only what the transport reads besides the raw bytes: recipients, Reply-To, Message-ID, auto-submitted.
  return { to: letter.to, cc: letter.cc, replyTo: letter.replyTo, subject: '', text: '', messageId: letter.messageId, autoSubmitted: letter.autoSubmitted };
}

/** SES (or the SMTP server) answered that it did not take the mail, or was never reached. */
function definitelyNotSent(error: unknown): boolean {
  const e = error as { $metadata?: { httpStatusCode?: number }; code?: string; cause?: unknown; name?: string };
  const status = e?.$metadata?.httpStatusCode ?? 0;
  if (status >= 400 && status < 500) return true;
  if (e?.code === 'ECONNREFUSED' || e?.name === 'MailServerError') return true;
  return e?.cause ? definitelyNotSent(e.cause) : false;
}

export async function sendThroughOutbox(spec: LetterSpec): Promise<{ outcome: OutboxOutcome; letterId: string; request: RequestRecord }> {
  const { ref } = spec;
  let request = await getRequest(ref.submissionId, ref.requestId);
  const messageId = messageIdFor(request.reference, spec.kind, spec.attempt ?? 1);
  const letterId = letterIdOf(messageId);
  let letter = (await getLetter(ref.submissionId, letterId)) as StoredLetter | undefined;
  let rendered: { composed: Composed; raw: Buffer } | undefined;

  const render = async (at: Date) => {
    const composed = await spec.compose(at, request);
    const raw = await buildMime({ ...composed.mail, messageId, date: at });
    return { composed, raw };
  };

  // 1. Render and claim.
  if (!letter) {
    if (!canApply(request.status, spec.event)) return { outcome: 'not_due', letterId, request };
    const at = clock().now();
    rendered = await render(at);
    const { mail, history } = rendered.composed;
    const record: Omit<StoredLetter, 'expiresAt'> = {
      letterId,
      submissionId: ref.submissionId,
      requestId: ref.requestId,
      kind: spec.kind,
      state: 'claimed',
      claimedAt: at.toISOString(),
      sends: 0,
      messageId,
      evidenceKey: `letters/${ref.submissionId}/${ref.requestId}/${spec.file}`,
      to: mail.to,
      cc: mail.cc,
      replyTo: mail.replyTo,
      autoSubmitted: mail.autoSubmitted,
      history,
    };
    if (await claimLetter(record)) letter = { ...record, expiresAt: 0 };
    else {
      letter = (await getLetter(ref.submissionId, letterId)) as StoredLetter;
      rendered = undefined;
    }
  }

  // 2. Apply the event (the MIME is stored first: "sending" always has its bytes on record).
  if (letter.state === 'claimed') {
    const at = new Date(letter.claimedAt);
    rendered ??= await render(at);
    await putEvidence(letter.evidenceKey, rendered.raw, 'message/rfc822');
    request = await getRequest(ref.submissionId, ref.requestId);
    if (request.outboxLetter !== letterId) {
      const moved = await applyEvent(ref, spec.event, { ...rendered.composed.patch, outboxLetter: letterId }, request.status);
      if (!moved) {
        await moveLetter(letter, 'claimed', 'void');
        return { outcome: 'not_due', letterId, request };
      }
    }
    if (spec.deliver === 'file') {
      if (await moveLetter(letter, 'claimed', 'filed')) return finish(spec, { ...letter, state: 'filed' }, 'filed');
      return finish(spec, letter, 'done'); // another run filed it
    }
    const since = clock().now().toISOString();
    if (await moveLetter(letter, 'claimed', 'sending', { sendingSince: since, sends: 1 })) {
      letter = { ...letter, state: 'sending', sendingSince: since, sends: 1 };
      await send(letter, rendered.raw);
      letter.state = 'sent';
      return finish(spec, letter, 'sent');
    }
    letter = (await getLetter(ref.submissionId, letterId)) as StoredLetter;
  }
  if (letter.state === 'void') return { outcome: 'not_due', letterId, request };

  // 3. Found "sending": ask the delivery log before anything goes out again.
  if (letter.state === 'sending') {
    const raw = await getEvidence(letter.evidenceKey);
    const parsed = await simpleParser(raw);
    const seen = await deliveryLog().find({ letterId, to: letter.to, subject: parsed.subject ?? '', text: parsed.text ?? '' });
    if (seen) {
      await moveLetter(letter, 'sending', 'sent', { sesMessageId: seen.sesMessageId || undefined, sentAt: clock().now().toISOString() });
      return finish(spec, { ...letter, state: 'sent', sesMessageId: seen.sesMessageId || undefined }, 'resolved');
    }
    const since = letter.sendingSince ?? letter.claimedAt;
    const waited = clock().now().getTime() - Date.parse(since);
    if (waited < config().sendGraceSeconds * 1000) {
      throw new LetterInDoubt(`letter ${letterId} may have been sent at ${since}; the delivery log does not show it yet`);
    }
    const again = clock().now().toISOString();
    if (!(await moveLetter(letter, 'sending', 'sending', { sendingSince: again, sends: letter.sends + 1 }, since))) {
      throw new LetterInDoubt(`letter ${letterId} is being resent by another run`);
    }
    console.log(JSON.stringify({ level: 'warn', msg: 'letter not in the delivery log after the grace period; sending it again', letterId, since }));
    letter = { ...letter, sendingSince: again, sends: letter.sends + 1 };
    await send(letter, raw);
    return finish(spec, { ...letter, state: 'sent' }, 'sent');
  }
  return finish(spec, letter, 'done');
}

/** Calls SES (or SMTP) once and marks the letter sent; a definite refusal ends the doubt for the next run. */
async function send(letter: StoredLetter, raw: Buffer): Promise<void> {
  let sesMessageId: string;
  try {
    ({ sesMessageId } = await sendRawMail(raw, envelopeOf(letter), { letter: letter.letterId }));
  } catch (error) {
    if (definitelyNotSent(error)) {
      await moveLetter(letter, 'sending', 'sending', { sendingSince: new Date(0).toISOString() }, letter.sendingSince);
    }
    throw error;
  }
  letter.sesMessageId = sesMessageId || undefined;
  await moveLetter(letter, 'sending', 'sent', { sesMessageId: letter.sesMessageId, sentAt: clock().now().toISOString() });
}

/** Bookkeeping after the send; every write is idempotent, so a re-run completes it. */
async function finish(spec: LetterSpec, letter: StoredLetter, outcome: OutboxOutcome) {
  const { ref } = spec;
  let sesMessageId = letter.sesMessageId;
  if (!sesMessageId) sesMessageId = (await getLetter(ref.submissionId, letter.letterId))?.sesMessageId;
  if (spec.pointers) {
    await putMessagePointer(letter.messageId, ref.submissionId, ref.requestId);
    if (sesMessageId) await putMessagePointer(`${sesMessageId}@email.amazonses.com`, ref.submissionId, ref.requestId);
  }
  await addEvent({
    submissionId: ref.submissionId,
    requestId: ref.requestId,
    key: letter.history.key,
    at: letter.claimedAt,
    kind: letter.history.kind,
    detail: letter.history.detail,
    evidence: [letter.evidenceKey],
    // SES's id too: its pointer (for bounce events) must be found again when the person deletes their data.
    data: { ...letter.history.data, messageId: letter.messageId, sesMessageId: sesMessageId ?? null },
  });
  return { outcome, letterId: letter.letterId, request: await getRequest(ref.submissionId, ref.requestId) };
}

/** The parts of an SES Send event (EventBridge detail, eventType "Send") that the delivery log reads. */
export interface SesSendDetail {
  eventType: string;
  mail: { messageId: string; timestamp?: string; tags?: Record<string, string[]> };
}

/**
 * AWS: SES reports a message of our configuration set sent. A letter carries its id as the `letter`
 * tag; the delivery log records it by that id (status mails carry none and are ignored).
 */
export async function recordSesSend(detail: SesSendDetail): Promise<{ outcome: 'recorded' | 'repeated' | 'ignored'; letterId?: string }> {
  const letterId = detail.mail.tags?.letter?.[0];
  if (detail.eventType !== 'Send' || !letterId) return { outcome: 'ignored' };
  const isNew = await recordDelivery(letterId, detail.mail.messageId, detail.mail.timestamp ?? clock().now().toISOString());
  return { outcome: isNew ? 'recorded' : 'repeated', letterId };
}
