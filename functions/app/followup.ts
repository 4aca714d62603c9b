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
import { getEvidence } from '../adapters/evidence.ts';
import { getEvent, getRequest, listRequests, NotFoundError, type RequestRecord } from '../data/store.ts';
import { mayEscalate, reachedBy } from '../core/lifecycle.ts';
import { usStateLaw } from '../core/us-states.ts';
import { letterParties, loadVerifiedSubmission, type RequestRef } from './dispatch.ts';
import { replyAddress } from './reply-matching.ts';
import { sendThroughOutbox } from './outbox.ts';
import { getLetter } from '../data/outbox.ts';
import { complaintFileName, notifyStatusChange } from './notify.ts';
import { authorizationAttachment } from './authorization.ts';

/** A request left queued by a dispatch that failed without being recorded (see followUp). */
export class DispatchUnfinished extends Error {
  override name = 'DispatchUnfinished';
}

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
    // The request does not keep the person's jurisdiction, which decides the addressee under no law (the
    // US company for a person in the US): the due day ends where the later of both addressees is.
    const provider = getProvider(request.provider);
    dueTimeZones = [...new Set([...deadlinePlaceFor(provider, request.law).timeZones, ...deadlinePlaceFor(provider, request.law, 'US').timeZones])];
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

/** Whether the loop goes on; the workflow's FollowUpChoice state branches on it (test/unit/workflow-file.test.ts). */
export const FOLLOW_UP_NEXT = ['wait', 'done'] as const;
/** What one turn of the follow-up loop returns: the seconds until the next step is due, or done. */
export type FollowUpTurn = RequestRef & { next: (typeof FOLLOW_UP_NEXT)[number]; waitSeconds: number };

/** Steps one turn may take in a row (a refusal: escalate; a late turn: at most one step is due). */
const STEPS_PER_TURN = 3;

/**
 * One turn of the follow-up loop (the FollowUp Task): re-reads the request (replies, extensions and
 * the person's actions arrive out of band), does what is due (reminder, final notice, escalation,
 * each once-only by its own guards) and returns the wait until the next step, or done. The wait is
 * in seconds of the clock (real seconds on AWS) and never capped: the local runner splits a wait
 * longer than its timer allows (infra/local/workflow-runner.ts), so AWS pays no extra turns.
 */
export async function followUp(ref: RequestRef): Promise<FollowUpTurn> {
  for (let step = 0; step <= STEPS_PER_TURN; step++) {
    const request = await keptRequest(ref);
    if (!request) return { ...ref, next: 'done', waitSeconds: 0 };
    // Finishing it changes no status: the request just read still holds.
    if (step === 0) await finishUnsentLetter(ref, request);
    // Follow-up starts after every dispatch branch ended: a request still queued (and not by a browser
    // job, which queues a request while it runs) is one whose dispatch failed and whose failure could
    // not be recorded then. FollowUpFailed records it now and tells the person.
    if (request.status === 'queued' && !request.browserJobAt)
      throw new DispatchUnfinished(`request ${ref.requestId} was never dispatched: its dispatch failed`);
    const next = nextFollowUp(followUpState(request), settings());
    if (next.action === 'done') return { ...ref, next: 'done', waitSeconds: 0 };
    const waitMs = next.at.getTime() - clock().now().getTime();
    // Not due yet (or the deadline moved, e.g. an extension, since the wait was planned).
    if (waitMs > 0) return { ...ref, next: 'wait', waitSeconds: Math.ceil(waitMs / 1000) };
    if (step === STEPS_PER_TURN) break;
    await FOLLOW_UP_STEPS[next.action](ref);
  }
  throw new Error(`follow-up of ${ref.requestId} did not settle after ${STEPS_PER_TURN} steps in one turn`);
}

/**
 * A follow-up letter's event is applied before the letter goes out (app/outbox.ts), so a turn whose
 * send failed (an SES error, a crash) leaves the status saying "reminded" with the reminder unsent;
 * the retried turn would read that status and wait for the final notice. So each turn first lets the
 * step that made the request's last letter finish it: the outbox finds the letter by its id and sends
 * it (or files it) once, under its rules for a letter in doubt. A first letter is SendLetter's own.
 */
async function finishUnsentLetter(ref: RequestRef, request: RequestRecord): Promise<void> {
  if (!request.outboxLetter) return;
  const letter = await getLetter(ref.submissionId, request.outboxLetter);
  if (letter?.state !== 'claimed' && letter?.state !== 'sending') return;
  const step = UNSENT_LETTER_STEPS[letter.kind];
  if (step) await step(ref);
}

async function originalLetter(request: RequestRecord) {
  const sentAt = request.sentAt ?? clock().now().toISOString();
  return {
    basis: request.basis,
    date: toDateString(new Date(sentAt)),
    reference: request.reference,
    dueDate: request.dueDate ?? toDateString(new Date(sentAt)),
  };
}

/**
 * An addressee for a letter: an authority whose address we have. A US attorney general, of whom we
 * keep only the name, is named by the letter from functions/core/us-states.ts instead.
 */
function authorityParty(a: AuthorityContact | null) {
  return a?.address ? { name: a.name, address: a.address, email: a.email, webform: a.web, country: a.country } : undefined;
}

/**
 * Reminder and final notice: a letter to the provider citing the original one and the missed
 * deadline, through the outbox (app/outbox.ts): once, by its letter id, whatever re-runs.
 */
async function sendFollowUpLetter(ref: RequestRef, kind: 'reminder' | 'final-notice'): Promise<boolean> {
  const { outcome } = await sendThroughOutbox({
    ref,
    kind,
    event: kind === 'reminder' ? 'reminder_sent' : 'final_notice_sent',
    file: `${kind}.eml`,
    pointers: true,
    async compose(at, request) {
      const submission = await loadVerifiedSubmission(ref.submissionId);
      const provider = getProvider(request.provider);
      const graceDays = kind === 'reminder' ? settings().reminderGraceDays : settings().finalNoticeGraceDays;
      const due = toDateString(new Date(at.getTime() + graceDays * DAY_MS));
      // The authority the complaint would go to: the person's own (complaintAuthority), never the lead.
      const { complaintTo } = complaintAuthority(submission.jurisdiction, provider);
      const parties = letterParties(request, submission, provider);
      // Sent as the person's agent: their signed authorization goes with it, and the letter says so.
      const authorization = parties.agent ? await authorizationAttachment(submission, request.reference) : undefined;
      const letter = renderLetter({
        ...parties,
        agent: parties.agent && { ...parties.agent, authorizationFile: authorization?.filename },
        kind,
        date: toDateString(at),
        dueDate: due,
        original: await originalLetter(request),
        authority: authorityParty(complaintTo),
      });
      return {
        mail: {
          // No copy to the person (README, "What it costs"): the letter is on the status page and
          // in the day's digest; they were copied on the first letter, and get the complaint draft.
          to: [request.target!],
          replyTo: replyAddress(request),
          subject: letter.subject,
          text: letter.text,
          inReplyTo: request.messageId,
          attachments: authorization ? [authorization] : undefined,
        },
        patch: kind === 'reminder' ? { remindedAt: at.toISOString(), reminders: 1 } : { finalNoticeAt: at.toISOString(), reminders: 2 },
        history: {
          key: kind,
          kind,
          detail: `${kind === 'reminder' ? 'Reminder' : 'Final notice'} sent to ${request.target}: the deadline of ${request.dueDate} passed without an answer; new deadline ${due}.`,
          data: { dueDate: due },
        },
      };
    },
  });
  if (outcome === 'not_due') return false;
  await notifyStatusChange(ref.submissionId, ref.requestId, kind);
  return true;
}

export async function sendReminder(ref: RequestRef): Promise<RequestRef> {
  await sendFollowUpLetter(ref, 'reminder');
  return ref;
}

async function sendFinalNotice(ref: RequestRef): Promise<RequestRef> {
  await sendFollowUpLetter(ref, 'final-notice');
  return ref;
}

/**
 * Drafts the complaint to the competent authority for the person (never sent to the authority: the
 * person submits it), as a mail with the letters and replies attached as evidence. Who may escalate is
 * the lifecycle's rule (mayEscalate: a refusal at once, a reminded request after its final notice).
 * The draft goes through the outbox as a file (stored and recorded once, whatever re-runs), and the
 * person gets it attached to a prompt mail (app/notify.ts): the drafts of every request that
 * escalates within the same few minutes arrive in one mail, not one mail each.
 */
export async function escalate(ref: RequestRef): Promise<RequestRef> {
  const request = await getRequest(ref.submissionId, ref.requestId);
  // Escalated already: only a complaint mail claimed and not finished is left to do (the outbox knows).
  if (!mayEscalate(request) && !reachedBy(request.status, 'escalated')) return ref;
  const submission = await loadVerifiedSubmission(ref.submissionId);
  const provider = getProvider(request.provider);
  // The person's own authority (Art. 77(1)), which forwards to the lead authority the letter names.
  const route = complaintAuthority(submission.jurisdiction, provider);
  const authority = authorityParty(route.complaintTo);
  const state = request.law === 'us-state' ? usStateLaw(submission.jurisdiction) : undefined;
  const lang = submission.lang;
  const { outcome } = await sendThroughOutbox({
    ref,
    kind: 'complaint',
    event: 'escalated',
    file: 'complaint.eml',
    pointers: false,
    deliver: 'file',
    async compose(at, current) {
      const { events } = await listRequests(ref.submissionId);
      const mine = events.filter((e) => e.requestId === current.id);
      const refusal = mine.find((e) => e.kind === 'reply:refused');
      const kind: LetterKind = 'complaint';
      const letter = renderLetter({
        ...letterParties(current, submission, provider),
        kind,
        // The person sends the complaint themselves, in the authority's language (en, de; otherwise
        // English), which is their own where it matches.
        lang: route.complaintTo?.language ?? submission.lang,
        agent: null,
        date: toDateString(at),
        dueDate: addGdprMonths(toDateString(at), 3),
        original: await originalLetter(current),
        authority,
        lead: current.law === 'gdpr' && route.lead?.address ? { name: route.lead.name, address: route.lead.address } : null,
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
      const opening = message(lang, refusal ? 'escalatedRefused' : 'escalatedNoAnswer', { provider: provider.name });
      const where = authority
        ? message(lang, 'submitTo', { authority: authority.name, webform: authority.webform, email: authority.email })
        : state
          ? message(lang, 'submitToEnforcer', { enforcer: state.enforcer, act: state.act, citation: state.enforcerCitation })
          : message(lang, 'noAuthority');
      return {
        mail: {
          to: [submission.email],
          subject: letter.subject,
          text: `${opening}\n${where}\n\n----------\n\n${letter.text}`,
          attachments,
          autoSubmitted: true,
        },
        patch: { escalatedAt: at.toISOString() },
        history: {
          key: 'escalation',
          kind: 'escalated',
          detail: `Complaint draft to ${authority?.name ?? (state ? `the ${state.enforcer}` : 'an authority of your choice')} sent to you${refusal ? ' after the refusal' : ' after the deadlines passed'}.`,
          data: { authority: (authority && route.complaintTo?.id) ?? null, lead: route.lead?.id ?? null, intro: opening, where },
        },
      };
    },
  });
  if (outcome === 'not_due') return ref;
  // The person's note: which file is the draft and where to submit it; the draft itself is attached
  // to the mail that carries the note.
  const recorded = (await getEvent(ref.submissionId, ref.requestId, 'escalation'))?.data;
  const file = complaintFileName(provider.slug, request.reference);
  const note = `${message(lang, 'complaintAttached', { provider: provider.name, file })} ${String(recorded?.where ?? '')}`.trim();
  await notifyStatusChange(ref.submissionId, ref.requestId, 'escalated', note);
  return ref;
}

/**
 * The step each follow-up action (core/followup.ts) takes inside the FollowUp task; `done` ends the
 * loop instead. Each is idempotent (deterministic event keys, conditional writes).
 */
export const FOLLOW_UP_STEPS: Record<Exclude<FollowUpAction, 'done'>, (ref: RequestRef) => Promise<unknown>> = {
  remind: (ref) => sendReminder(ref),
  final_notice: (ref) => sendFinalNotice(ref),
  escalate: (ref) => escalate(ref),
};

/** The step that made a follow-up letter, by the letter's kind (its outbox id): see finishUnsentLetter. */
const UNSENT_LETTER_STEPS: Record<string, (ref: RequestRef) => Promise<unknown>> = {
  reminder: FOLLOW_UP_STEPS.remind,
  'final-notice': FOLLOW_UP_STEPS.final_notice,
  complaint: FOLLOW_UP_STEPS.escalate,
};
