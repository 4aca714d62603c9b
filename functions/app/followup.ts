// The follow-up loop's steps: plan the next wait, check the request, and send the reminder, the
// final notice or the escalation. Each send is guarded by a deterministic event key.
import { nextFollowUp, type FollowUpAction } from '../core/followup.ts';
import { renderLetter, type LetterKind } from '../core/letters.ts';
import { message } from '../core/messages.ts';
import { toDateString, addGdprMonths, deadlinePlaceFor } from '../core/deadlines.ts';
import { type AuthorityContact, complaintAuthority } from '../core/authorities/index.ts';
import { getProvider } from '../core/providers/catalog.ts';
import { config } from '../adapters/config.ts';
import { clock, DAY_MS } from '../adapters/clock.ts';
import { getEvidence, putEvidence } from '../adapters/evidence.ts';
import { sendMail } from '../adapters/mailer.ts';
import { addEvent, getItem, getRequest, listRequests, NotFoundError, putMessagePointer, transitionRequest, type RequestRecord } from '../data/store.ts';
import { key } from '../data/schema.ts';
import { usStateLaw } from '../core/us-states.ts';
import { letterParties, loadVerifiedSubmission, messageIdFor, replyAddress, type RequestRef } from './dispatch.ts';
import { notifyStatusChange } from './notify.ts';
import { authorizationAttachment } from './authorization.ts';

/** A request left queued by a dispatch that failed without being recorded (see planFollowUp). */
export class DispatchUnfinished extends Error {
  override name = 'DispatchUnfinished';
}

/**
 * One Wait lasts at most 20 days: the local interpreter sleeps with setTimeout, which cannot wait
 * longer than 24.8 days. Longer waits become several loop turns (CheckRequest answers "wait").
 */
const MAX_WAIT_SECONDS = 20 * 86_400;

function settings() {
  const { reminderGraceDays, finalNoticeGraceDays } = config();
  return { reminderGraceDays, finalNoticeGraceDays };
}

/**
 * The request, or undefined when it is gone: the retention period ended (TTL, or the local sweep)
 * while its loop waited. Nothing else deletes a request, and a loop about deleted data just ends.
 */
/** The request as the follow-up rule reads it: with the zones where its due day ends (its business's). */
function followUpState(request: RequestRecord) {
  let dueTimeZones: readonly string[] | undefined;
  try {
    dueTimeZones = deadlinePlaceFor(getProvider(request.provider), request.law).timeZones;
  } catch {
    dueTimeZones = undefined; // a provider gone from the catalog: the latest zone there is (never early)
  }
  return { ...request, dueTimeZones };
}

async function keptRequest(ref: RequestRef): Promise<RequestRecord | undefined> {
  try {
    return await getRequest(ref.submissionId, ref.requestId);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    console.log(JSON.stringify({ level: 'warn', msg: 'request deleted (retention) while its follow-up waited; loop ends', ...ref }));
    return undefined;
  }
}

export async function planFollowUp(ref: RequestRef): Promise<RequestRef & { action: 'wait' | 'done'; waitSeconds: number }> {
  const request = await keptRequest(ref);
  if (!request) return { ...ref, action: 'done', waitSeconds: 0 };
  // Follow-up starts after every dispatch branch ended: a request still queued (and not by a browser
  // job, which queues a request while it runs) is one whose dispatch failed and whose failure could
  // not be recorded then. FollowUpFailed records it now and tells the person.
  if (request.status === 'queued' && !request.browserJobAt) throw new DispatchUnfinished(`request ${ref.requestId} was never dispatched: its dispatch failed`);
  const next = nextFollowUp(followUpState(request), settings());
  if (next.action === 'done') return { ...ref, action: 'done', waitSeconds: 0 };
  const waitSeconds = Math.min(clock().realSecondsUntil(next.at), MAX_WAIT_SECONDS);
  return { ...ref, action: 'wait', waitSeconds };
}

export async function checkRequest(ref: RequestRef): Promise<RequestRef & { next: FollowUpAction | 'wait' }> {
  const request = await keptRequest(ref);
  if (!request) return { ...ref, next: 'done' };
  const next = nextFollowUp(followUpState(request), settings());
  if (next.action === 'done') return { ...ref, next: 'done' };
  // The deadline may have moved (an extension) since the wait was planned.
  if (next.at.getTime() > clock().now().getTime()) return { ...ref, next: 'wait' };
  return { ...ref, next: next.action };
}

async function originalLetter(request: RequestRecord) {
  const sentAt = request.sentAt ?? clock().now().toISOString();
  return { basis: request.basis, date: toDateString(new Date(sentAt)), reference: request.reference, dueDate: request.dueDate ?? toDateString(new Date(sentAt)) };
}

/**
 * An addressee for a letter: an authority whose address we have. A US attorney general, of whom we
 * keep only the name, is named by the letter from functions/core/us-states.ts instead.
 */
function authorityParty(a: AuthorityContact | null) {
  return a?.address ? { name: a.name, address: a.address, email: a.email, webform: a.web, country: a.country } : undefined;
}

/** Reminder and final notice: a letter to the provider citing the original one and the missed deadline. */
async function sendFollowUpLetter(ref: RequestRef, kind: 'reminder' | 'final-notice'): Promise<boolean> {
  const request = await getRequest(ref.submissionId, ref.requestId);
  if (await getItem(key.event(ref.submissionId, ref.requestId, kind))) return false;
  // Claimed by an earlier attempt that failed before the letter was recorded (an SES error, a
  // timeout): finish that send, with the same date and Message-ID, rather than skip it for good.
  const claimedAt = kind === 'reminder' ? request.remindedAt : request.finalNoticeAt;
  if (claimedAt && request.status !== 'reminded') return false; // settled since the claim
  const submission = await loadVerifiedSubmission(ref.submissionId);
  const provider = getProvider(request.provider);
  const now = claimedAt ? new Date(claimedAt) : clock().now();
  const graceDays = kind === 'reminder' ? settings().reminderGraceDays : settings().finalNoticeGraceDays;
  const due = toDateString(new Date(now.getTime() + graceDays * DAY_MS));
  // The authority the complaint would go to: the person's own (complaintAuthority), never the lead.
  const { complaintTo } = complaintAuthority(submission.jurisdiction, provider);
  const parties = letterParties(request, submission, provider);
  // Sent as the person's agent: their signed authorization goes with it, and the letter says so.
  const authorization = parties.agent ? await authorizationAttachment(submission, request.reference) : undefined;
  const letter = renderLetter({
    ...parties,
    agent: parties.agent && { ...parties.agent, authorizationFile: authorization?.filename },
    kind,
    date: toDateString(now),
    dueDate: due,
    original: await originalLetter(request),
    authority: authorityParty(complaintTo),
  });
  const messageId = messageIdFor(request, kind, 1);
  const patch = kind === 'reminder' ? { status: 'reminded' as const, remindedAt: now.toISOString(), reminders: 1 } : { status: 'reminded' as const, finalNoticeAt: now.toISOString(), reminders: 2 };
  if (!claimedAt) {
    const moved = await transitionRequest(ref.submissionId, ref.requestId, kind === 'reminder' ? ['sent', 'acknowledged'] : ['reminded'], patch);
    if (!moved) return false;
  }
  const { raw, sesMessageId } = await sendMail({
    to: [request.target!],
    cc: [submission.email],
    replyTo: replyAddress(request),
    subject: letter.subject,
    text: letter.text,
    messageId,
    inReplyTo: request.messageId,
    attachments: authorization ? [authorization] : undefined,
  });
  // So a reply to this letter, or its bounce, finds the request by Message-ID as for the first letter.
  await putMessagePointer(messageId, ref.submissionId, ref.requestId);
  if (sesMessageId) await putMessagePointer(`${sesMessageId}@email.amazonses.com`, ref.submissionId, ref.requestId);
  const evidence = await putEvidence(`letters/${ref.submissionId}/${ref.requestId}/${kind}.eml`, raw, 'message/rfc822');
  await addEvent({
    submissionId: ref.submissionId,
    requestId: ref.requestId,
    key: kind,
    at: now.toISOString(),
    kind,
    detail: `${kind === 'reminder' ? 'Reminder' : 'Final notice'} sent to ${request.target}: the deadline of ${request.dueDate} passed without an answer; new deadline ${due}.`,
    evidence: [evidence],
    // SES's id too: its pointer (for bounce events) must be found again when the person deletes their data.
    data: { messageId, dueDate: due, sesMessageId: sesMessageId || null },
  });
  await notifyStatusChange(ref.submissionId, ref.requestId, kind);
  return true;
}

export async function sendReminder(ref: RequestRef): Promise<RequestRef> {
  await sendFollowUpLetter(ref, 'reminder');
  return ref;
}

export async function sendFinalNotice(ref: RequestRef): Promise<RequestRef> {
  await sendFollowUpLetter(ref, 'final-notice');
  return ref;
}

/**
 * Drafts the complaint to the competent authority and sends it to the person (never to the authority:
 * the person submits it), with the letters and replies attached as evidence.
 */
export async function escalate(ref: RequestRef): Promise<RequestRef> {
  const request = await getRequest(ref.submissionId, ref.requestId);
  if (await getItem(key.event(ref.submissionId, ref.requestId, 'escalation'))) return ref;
  if (request.escalatedAt && request.status !== 'escalated') return ref; // settled since
  // Claimed (status escalated) by an attempt that failed before the draft was recorded: finish it.
  const claimed = request.status === 'escalated' && !!request.escalatedAt;
  const submission = await loadVerifiedSubmission(ref.submissionId);
  const provider = getProvider(request.provider);
  const now = claimed ? new Date(request.escalatedAt!) : clock().now();
  // The person's own authority (Art. 77(1)), which forwards to the lead authority the letter names.
  const route = complaintAuthority(submission.jurisdiction, provider);
  const authority = authorityParty(route.complaintTo);
  const { events } = await listRequests(ref.submissionId);
  const mine = events.filter((e) => e.requestId === request.id);
  const refusal = mine.find((e) => e.kind === 'reply:refused');
  const kind: LetterKind = 'complaint';
  const letter = renderLetter({
    ...letterParties(request, submission, provider),
    kind,
    // The person sends the complaint themselves, in the authority's language (en, de; otherwise
    // English), which is their own where it matches.
    lang: route.complaintTo?.language ?? submission.lang,
    agent: null,
    date: toDateString(now),
    dueDate: addGdprMonths(toDateString(now), 3),
    original: await originalLetter(request),
    authority,
    lead: request.law === 'gdpr' && route.lead?.address ? { name: route.lead.name, address: route.lead.address } : null,
    timeline: mine.map((e) => ({ date: e.at.slice(0, 10), what: e.detail })),
    providerAnswer: refusal?.detail ?? null,
  });
  // Explicitly attachments: nodemailer would put message/rfc822 parts inline, and mail readers
  // (mailparser among them) then fold them into the body instead of listing them as files.
  const attachments: { filename: string; content: Buffer; contentType: string; contentDisposition: 'attachment' }[] = [];
  for (const event of mine) {
    for (const ref_ of event.evidence ?? []) {
      try {
        const name = ref_.split('/').pop()!;
        attachments.push({
          filename: `${event.at.slice(0, 10)}-${name}`,
          content: await getEvidence(ref_),
          contentType: name.endsWith('.png') ? 'image/png' : 'message/rfc822',
          contentDisposition: 'attachment',
        });
      } catch {
        // Evidence past retention is gone; the timeline still lists the event.
      }
    }
  }
  if (!claimed) {
    const moved = await transitionRequest(ref.submissionId, ref.requestId, [request.status], {
      status: 'escalated',
      escalatedAt: now.toISOString(),
    });
    if (!moved) return ref;
  }
  const state = request.law === 'us-state' ? usStateLaw(submission.jurisdiction) : undefined;
  const lang = submission.lang;
  const intro = message(lang, refusal ? 'escalatedRefused' : 'escalatedNoAnswer', { provider: provider.name });
  const where = authority
    ? message(lang, 'submitTo', { authority: authority.name, webform: authority.webform, email: authority.email })
    : state
      ? message(lang, 'submitToEnforcer', { enforcer: state.enforcer, act: state.act, citation: state.enforcerCitation })
      : message(lang, 'noAuthority');
  const { raw } = await sendMail({
    to: [submission.email],
    subject: letter.subject,
    text: `${intro}\n${where}\n\n----------\n\n${letter.text}`,
    messageId: messageIdFor(request, 'complaint', 1),
    attachments,
    autoSubmitted: true,
  });
  const evidence = await putEvidence(`letters/${ref.submissionId}/${ref.requestId}/complaint.eml`, raw, 'message/rfc822');
  await addEvent({
    submissionId: ref.submissionId,
    requestId: ref.requestId,
    key: 'escalation',
    at: now.toISOString(),
    kind: 'escalated',
    detail: `Complaint draft to ${authority?.name ?? (state ? `the ${state.enforcer}` : 'an authority of your choice')} sent to you${refusal ? ' after the refusal' : ' after the deadlines passed'}.`,
    evidence: [evidence],
    data: { authority: (authority && route.complaintTo?.id) ?? null, lead: route.lead?.id ?? null },
  });
  await notifyStatusChange(ref.submissionId, ref.requestId, 'escalated', intro);
  return ref;
}

