// A letter that could not be delivered. Bounces arrive two ways: as a delivery status notification
// mailed back to the inbound domain (mail-in, on both runtimes), and on AWS as SES's own bounce event
// (configuration set -> EventBridge). Either way the request goes to the person. Only a bounce we can
// trust marks the provider's address failing, because that changes where everyone's later letters go,
// and anyone who holds a letter (the provider, the person in Cc) could forge a DSN that matches it.
import { clock } from '../adapters/clock.ts';
import { message } from '../core/messages.ts';
import { letterOut } from '../core/lifecycle.ts';
import { getProvider } from '../core/providers/catalog.ts';
import type { Provider } from '../core/providers/schema.ts';
import { markContactFailing } from '../data/contacts.ts';
import { addEvent, findByMessageId, getRequest, type RequestRecord, type Submission } from '../data/store.ts';
import { handToPerson, loadVerifiedSubmission } from './dispatch.ts';

export interface Bounce {
  /** The recipient that failed, when the report names one. */
  recipient?: string;
  /** Enhanced status code (RFC 3463), e.g. "5.1.1". */
  status?: string;
  /** False for a delay notice or a soft bounce: the mail system keeps trying. */
  permanent: boolean;
  /** Authenticated as coming from the provider's mail system, or reported by SES itself. */
  trusted: boolean;
  /** How it was reported, for the record ("SES bounce event", "DSN from mx.example (spf=pass)"). */
  source: string;
}

export type BounceOutcome = 'handed_over' | 'not_final' | 'other_recipient' | 'not_open';

/** Moves the request after a bounce of one of its letters; the caller has recorded the bounce itself. */
export async function applyBounce(request: RequestRecord, provider: Provider, submission: Submission, bounce: Bounce): Promise<BounceOutcome> {
  if (!bounce.permanent) return 'not_final';
  const target = request.target?.toLowerCase();
  // The person is in Cc of every letter: their own mailbox bouncing says nothing about the provider.
  if (bounce.recipient && target && bounce.recipient.toLowerCase() !== target) return 'other_recipient';
  // Only while a letter is out with the provider (core/lifecycle.ts); a later bounce changes nothing.
  if (!letterOut(request.status)) return 'not_open';
  const reason = `bounced${bounce.status ? ` (${bounce.status})` : ''}`;
  if (bounce.trusted && request.target) {
    await markContactFailing(provider.slug, request.target, { since: clock().now().toISOString(), reason, reportedBy: bounce.source });
  }
  await handToPerson(
    request,
    provider,
    submission,
    message(submission.lang, 'bounced', { target: request.target ?? provider.name, status: bounce.status }),
    'bounced',
  );
  return 'handed_over';
}

/** The parts of an SES "Bounce" event (EventBridge detail) that we read. */
export interface SesBounceDetail {
  eventType: string;
  mail: { messageId: string; timestamp?: string; commonHeaders?: { messageId?: string } };
  bounce?: {
    bounceType: 'Permanent' | 'Transient' | 'Undetermined' | string;
    bounceSubType?: string;
    timestamp?: string;
    bouncedRecipients: { emailAddress: string; status?: string; diagnosticCode?: string; action?: string }[];
  };
}

export type SesBounceResult = { outcome: 'ignored' | 'unmatched' } | { outcome: BounceOutcome; repeated: boolean; submissionId: string; requestId: string };

/**
 * SES reports a bounce of a message we sent with the configuration set. The event comes from AWS,
 * so it is trusted. It is matched by our own Message-ID (every letter has a pointer), else by SES's id.
 */
export async function receiveSesBounce(detail: SesBounceDetail): Promise<SesBounceResult> {
  if (detail.eventType !== 'Bounce' || !detail.bounce) return { outcome: 'ignored' };
  const ours = detail.mail.commonHeaders?.messageId?.replace(/^<|>$/g, '');
  const pointer = (ours && (await findByMessageId(ours))) || (await findByMessageId(`${detail.mail.messageId}@email.amazonses.com`));
  // Status emails to the person have no pointer: their bounces are not about a provider.
  if (!pointer) return { outcome: 'unmatched' };
  const request = await getRequest(pointer.submissionId, pointer.requestId);
  const provider = getProvider(request.provider);
  const failed = detail.bounce.bouncedRecipients;
  const forTarget = failed.find((r) => r.emailAddress.toLowerCase() === request.target?.toLowerCase());
  const reported = forTarget ?? failed[0];
  const status = reported?.status?.match(/\d\.\d{1,3}\.\d{1,3}/)?.[0];
  const isNew = await addEvent({
    submissionId: request.submissionId,
    requestId: request.id,
    key: `bounce-${detail.mail.messageId}`,
    at: clock().now().toISOString(),
    kind: 'bounce',
    detail: `SES reported a ${detail.bounce.bounceType.toLowerCase()} bounce${detail.bounce.bounceSubType ? ` (${detail.bounce.bounceSubType})` : ''} for ${failed.map((r) => r.emailAddress).join(', ') || 'the letter'}${reported?.diagnosticCode ? `: ${reported.diagnosticCode}` : ''}.`,
    data: { sesMessageId: detail.mail.messageId, bounceType: detail.bounce.bounceType, status: status ?? null },
  });
  // Applied even when the event was on record already: a crash between the two is mended by the
  // redelivery, and applying twice is harmless (the hand-over is conditional on the status).
  const submission = await loadVerifiedSubmission(request.submissionId);
  const outcome = await applyBounce(request, provider, submission, {
    recipient: reported?.emailAddress,
    status,
    permanent: detail.bounce.bounceType === 'Permanent',
    trusted: true,
    source: 'SES bounce event',
  });
  return { outcome, repeated: !isNew, submissionId: request.submissionId, requestId: request.id };
}
