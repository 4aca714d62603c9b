// Workflow steps that turn a verified submission into requests and send each one out.
// Every step is idempotent: re-running it (retry, redrive, local restart) never sends twice.
import { lawFor } from '../core/jurisdiction.ts';
import { channelsFor, getProvider, letterAddressee } from '../core/providers/catalog.ts';
import type { Channel, Provider } from '../core/providers/schema.ts';
import { basisFor, letterLanguage, renderLetter } from '../core/letters.ts';
import { deadlineFor, deadlinePlaceFor, dueDate, receiptDate, toDateString } from '../core/deadlines.ts';
import type { Basis, Language } from '../core/model.ts';
import { message } from '../core/messages.ts';
import { config } from '../adapters/config.ts';
import { clock } from '../adapters/clock.ts';
import { addEvent, ensureRequest, expiresAt, getRequest, getSubmission, type RequestRecord, type Submission } from '../data/store.ts';
import { contactFailing } from '../data/contacts.ts';
import { getSession } from '../data/sessions.ts';
import { notifyStatusChange } from './notify.ts';
import { authorizationAttachment } from './authorization.ts';
import { messageIdFor, sendThroughOutbox } from './outbox.ts';
import { newReplyToken, referenceFor, replyAddress } from './reply-matching.ts';
import { applyEvent } from '../data/lifecycle.ts';
import { INITIAL_STATUS, type LifecycleEvent } from '../core/lifecycle.ts';

export interface RequestRef {
  submissionId: string;
  requestId: string;
}

export async function loadVerifiedSubmission(submissionId: string): Promise<Submission> {
  const submission = await getSubmission(submissionId);
  if (!submission) throw new Error(`submission ${submissionId} not found`);
  if (submission.status === 'awaiting_verification') throw new Error(`submission ${submissionId} is not verified`);
  return submission;
}

/**
 * Creates one request per account (deterministic ids r1, r2...). Safe to redrive after any failure:
 * it writes only requests that do not exist yet (conditional put; an existing one is returned as
 * stored) and sends nothing, so a run cut off half-way leaves nothing a second run cannot finish.
 */
export async function planRequests(input: { submissionId: string }): Promise<{ submissionId: string; requestIds: string[] }> {
  const submission = await loadVerifiedSubmission(input.submissionId);
  if (submission.status === 'cancelled') return { submissionId: submission.id, requestIds: [] };
  const law = lawFor(submission.jurisdiction);
  const now = clock().now().toISOString();
  const requestIds: string[] = [];
  for (const [index, account] of submission.accounts.entries()) {
    const provider = getProvider(account.provider);
    const request = await ensureRequest({
      submissionId: submission.id,
      id: `r${index + 1}`,
      provider: provider.slug,
      identifier: account.identifier,
      basis: basisFor(law),
      law,
      lang: letterLanguage(provider.languages, submission.lang),
      channel: 'none',
      status: INITIAL_STATUS,
      reference: referenceFor(submission.id, index),
      replyToken: newReplyToken(),
      createdAt: now,
      updatedAt: now,
      reminders: 0,
      expiresAt: expiresAt(),
    });
    requestIds.push(request.id);
  }
  return { submissionId: submission.id, requestIds };
}

/** What ChooseChannel returns; the workflow's ChannelChoice state branches on it (test/unit/workflow-file.test.ts). */
export const CHANNEL_CHOICES = ['email', 'browser', 'none'] as const;
export type ChannelChoice = (typeof CHANNEL_CHOICES)[number];

async function hasSession(submissionId: string, provider: string): Promise<boolean> {
  return (await getSession(submissionId, provider)) !== undefined;
}

/** The addresses a person's letter may go to, best first: open in their jurisdiction, for this basis, for a person. */
export function emailChannels(provider: Provider, jurisdiction: string, basis: Basis) {
  return channelsFor(provider, jurisdiction).filter(
    (c): c is Extract<Channel, { type: 'email' }> => c.type === 'email' && !c.failing && c.audience === 'person' && (!c.bases || c.bases.includes(basis)),
  );
}

/**
 * The first of those addresses that has not bounced (bounces are recorded in the table by mail-in),
 * so a dead address moves later letters to the provider's next one.
 */
export async function usableEmailChannel(provider: Provider, jurisdiction: string, basis: Basis) {
  for (const email of emailChannels(provider, jurisdiction, basis)) {
    if (!(await contactFailing(provider.slug, email.address))) return email;
  }
  return undefined;
}

function manualChannel(provider: Provider, jurisdiction: string) {
  return channelsFor(provider, jurisdiction).find(
    (c): c is Extract<Channel, { type: 'settings' | 'webform' }> => c.type === 'settings' || c.type === 'webform',
  );
}

export function browserChannel(provider: Provider, jurisdiction: string) {
  return channelsFor(provider, jurisdiction).find(
    (c): c is Extract<Channel, { type: 'settings' | 'webform' }> =>
      (c.type === 'settings' || c.type === 'webform') && !!c.playbook && !!provider.playbooks[c.playbook],
  );
}

/** What a person must do by hand for a settings or web-form channel, in their language. */
function manualInstructions(lang: Language, provider: Provider, channel: Extract<Channel, { type: 'settings' | 'webform' }>): string {
  return channel.type === 'settings'
    ? message(lang, 'handoverSettings', { provider: provider.name, path: channel.path, label: channel.label })
    : message(lang, 'handoverWebform', { provider: provider.name, label: channel.label });
}

type EmailChannel = Extract<Channel, { type: 'email' }>;
type HandsOnChannel = Extract<Channel, { type: 'settings' | 'webform' }>;

/**
 * How a request goes out: the browser when a playbook exists and the person gave us a session, else
 * the provider's email address, else a hand-over to the person with a deep link. The one rule behind
 * chooseChannel below and the form's grouping (app/preview.ts), so the form shows what the workflow does.
 */
export type ChannelPlan =
  | { action: 'browser'; channel: HandsOnChannel }
  | { action: 'email'; channel: EmailChannel }
  | { action: 'person'; channel: HandsOnChannel | undefined };

export function planChannel(provider: Provider, jurisdiction: string, available: { session: boolean; email: EmailChannel | undefined }): ChannelPlan {
  const browser = browserChannel(provider, jurisdiction);
  if (browser && available.session) return { action: 'browser', channel: browser };
  if (available.email) return { action: 'email', channel: available.email };
  return { action: 'person', channel: manualChannel(provider, jurisdiction) };
}

/** Picks the channel for a queued request (planChannel, with the session and address health from the table). */
export async function chooseChannel(ref: RequestRef): Promise<RequestRef & { channel: ChannelChoice }> {
  const request = await getRequest(ref.submissionId, ref.requestId);
  // Already past queued (a re-run): an email request goes on to sendLetter, which sends only if
  // the letter has not gone out; anything else has nothing left to dispatch.
  if (request.status !== INITIAL_STATUS) return { ...ref, channel: request.channel === 'email' ? 'email' : 'none' };
  const submission = await loadVerifiedSubmission(ref.submissionId);
  const provider = getProvider(request.provider);
  const jurisdiction = submission.jurisdiction;

  const session = !!browserChannel(provider, jurisdiction) && (await hasSession(ref.submissionId, provider.slug));
  const email = session ? undefined : await usableEmailChannel(provider, jurisdiction, request.basis);
  const plan = planChannel(provider, jurisdiction, { session, email });
  if (plan.action === 'browser') {
    await applyEvent(ref, 'channel_chosen', { channel: plan.channel.type, target: plan.channel.url }, request.status);
    return { ...ref, channel: 'browser' };
  }
  if (plan.action === 'email') {
    await applyEvent(ref, 'channel_chosen', { channel: 'email', target: plan.channel.address }, request.status);
    return { ...ref, channel: 'email' };
  }
  await handToPerson(request, provider, submission);
  return { ...ref, channel: 'none' };
}

/** What a hand-over tells the person (in their language) and where it sends them; `why` goes first. */
export function handover(lang: Language, provider: Provider, jurisdiction: string, why?: string) {
  const manual = manualChannel(provider, jurisdiction);
  const playbook = manual?.playbook ? provider.playbooks[manual.playbook] : undefined;
  const userAction = manual
    ? `${why ? `${why} ` : ''}${manualInstructions(lang, provider, manual)}`
    : message(lang, 'handoverNone', { provider: provider.name, source: provider.sources[0] });
  const deepLink = playbook?.deepLink ?? manual?.url ?? provider.sources[0]!;
  return { channel: manual, userAction, deepLink };
}

/**
 * No channel we can use on the person's behalf: tell them exactly what to do and where, in their
 * language. `why` (already in their language) says what happened first, if anything.
 */
export async function handToPerson(
  request: RequestRecord,
  provider: Provider,
  submission: Submission,
  why?: string,
  event: Extract<LifecycleEvent, 'handed_over' | 'bounced'> = 'handed_over',
): Promise<void> {
  const { channel: manual, userAction, deepLink } = handover(submission.lang, provider, submission.jurisdiction, why);
  const ref = { submissionId: request.submissionId, requestId: request.id };
  const moved = await applyEvent(
    ref,
    event,
    {
      channel: manual?.type ?? 'none',
      target: manual?.url,
      userAction,
      deepLink,
    },
    request.status,
  );
  if (!moved) return;
  const at = clock().now().toISOString();
  await addEvent({ submissionId: request.submissionId, requestId: request.id, at, kind: 'needs_user_action', detail: userAction });
  await notifyStatusChange(request.submissionId, request.id, `needs_user_action:${at}`);
}

/** What of a request and its submission a letter is written from (a stored request, or the form's preview). */
export type LetterRequest = Pick<RequestRecord, 'lang' | 'law' | 'identifier' | 'reference' | 'basis'>;
export type LetterSubmission = Pick<Submission, 'name' | 'email' | 'jurisdiction' | 'grounds'>;

/** The parts of every letter that come from the request, its person and its provider. */
export function letterParties(request: LetterRequest, submission: LetterSubmission, provider: Provider) {
  return {
    lang: request.lang,
    law: request.law,
    // A US state's act is the person's state's (Basis/Law say "us-state"; the jurisdiction says which).
    usState: request.law === 'us-state' ? submission.jurisdiction : undefined,
    provider: { name: provider.name, legalEntity: letterAddressee(provider, request.law, submission.jurisdiction) },
    person: { name: submission.name, email: submission.email },
    account: { identifier: request.identifier },
    // Personal mode: the person writes for themselves, in the first person (no agent, no authorization).
    agent: (config().personal ? null : { name: config().operatorName }) as { name: string } | null,
    reference: request.reference,
    // The person's own grounds; each letter template decides whether to state them (core/letters.ts).
    grounds: submission.grounds ?? null,
  };
}

/**
 * The first letter of a request as it goes out at `at`, and its due date: what sendLetter sends and
 * what the form's preview shows (app/preview.ts). The due date counts from the day the letter reaches
 * the business (its zone, never early), under the holidays of its country (GDPR) or the person's
 * state (US state acts). `authorizationFile`: the attached signed authorization's file name, if any.
 */
export function composeFirstLetter(request: LetterRequest, submission: LetterSubmission, provider: Provider, at: Date, authorizationFile?: string) {
  const place = deadlinePlaceFor(provider, request.law, submission.jurisdiction);
  const due = dueDate(deadlineFor(request.basis), receiptDate(at, place.timeZones), place);
  const parties = letterParties(request, submission, provider);
  const letter = renderLetter({
    ...parties,
    agent: parties.agent && { ...parties.agent, authorizationFile },
    kind: request.basis,
    date: toDateString(at),
    dueDate: due,
  });
  return { letter, due };
}

/**
 * Sends the first letter of an email request through the outbox (app/outbox.ts): claimed with its
 * letter id before SES is called, the request moved queued -> sent by the letter_sent event, sent
 * once; a re-run finishes the bookkeeping, and a letter in doubt is resolved from the delivery log.
 */
export async function sendLetter(ref: RequestRef): Promise<RequestRef & { sent: boolean }> {
  const { outcome } = await sendThroughOutbox({
    ref,
    kind: (await getRequest(ref.submissionId, ref.requestId)).basis,
    event: 'letter_sent',
    file: 'letter.eml',
    pointers: true,
    async compose(at, request) {
      const target = request.target;
      if (request.channel !== 'email' || !target) throw new Error(`request ${ref.requestId} has no email channel`);
      const submission = await loadVerifiedSubmission(ref.submissionId);
      const provider = getProvider(request.provider);
      // Sent as the person's agent: their signed authorization goes with it, and the letter says so.
      const authorization = config().personal ? undefined : await authorizationAttachment(submission, request.reference);
      const { letter, due } = composeFirstLetter(request, submission, provider, at, authorization?.filename);
      const messageId = messageIdFor(request.reference, request.basis, 1);
      return {
        mail: {
          to: [target],
          cc: [submission.email],
          replyTo: replyAddress(request),
          subject: letter.subject,
          text: letter.text,
          attachments: authorization ? [authorization] : undefined,
        },
        patch: { sentAt: at.toISOString(), dueDate: due, messageId },
        history: {
          key: 'letter',
          kind: 'sent',
          detail: `Letter sent to ${target} (reference ${request.reference}); answer due by ${due}.`,
          data: { dueDate: due },
        },
      };
    },
  });
  return { ...ref, sent: outcome === 'sent' || outcome === 'resolved' };
}
