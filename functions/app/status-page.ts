// The status page (GET /status/{id}): one card per request, readable on a phone, rendered on the
// server so it works without JavaScript (templates/pages/status.html; status.js only sends a
// session file as JSON). Each card says what was done, shows the progress line with dates, what
// happens next and when, and offers the one action that fits now as the primary button (hand over
// a session, open the provider's page, mark confirmed), the others as secondary ones. A summary at
// the top counts the requests per group. The groups, steps and next step are core/status-card.ts's.
import { config } from '../adapters/config.ts';
import { clock } from '../adapters/clock.ts';
import { isClosed } from '../core/lifecycle.ts';
import { fill, type PageText, pageText } from '../core/page-text.ts';
import { nextStep, progress, SUMMARY_GROUPS, type Step, type SummaryGroup, summaryGroup } from '../core/status-card.ts';
import { render } from '../core/templates.ts';
import type { Language } from '../core/model.ts';
import { channelText, statusText } from './notify.ts';
import { sessionUse } from './session-upload.ts';
import type { RequestView, SubmissionView } from './submissions.ts';

/** How the page links a piece of evidence (the HTTP layer owns evidence URLs). */
export type EvidenceLink = (submissionId: string, evidenceKey: string, token: string) => { name: string; href: string };

/** A sentence with one date in it, split so the page can mark the date up as <time>. */
interface Dated {
  before: string;
  date: { iso: string; text: string } | null;
  after: string;
}

function formatDay(lang: Language, iso: string): string {
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
}

function dated(lang: Language, text: string, iso: string | null, vars: Record<string, string> = {}): Dated {
  const [before = '', after = ''] = fill(text, vars).split('{date}');
  return { before, date: iso ? { iso, text: formatDay(lang, iso) } : null, after };
}

const STEP_TEXT: Record<Step['key'], (t: PageText, state: Step['state']) => string> = {
  sent: (t, s) => (s === 'done' ? t.stepSentDone : t.stepSentPlanned),
  due: (t) => t.stepDue,
  reminder: (t, s) => (s === 'done' ? t.stepReminderDone : s === 'planned' ? t.stepReminderPlanned : t.stepReminderSkipped),
  finalNotice: (t, s) => (s === 'done' ? t.stepFinalNoticeDone : s === 'planned' ? t.stepFinalNoticePlanned : t.stepFinalNoticeSkipped),
  complaint: (t, s) => (s === 'done' ? t.stepComplaintDone : s === 'planned' ? t.stepComplaintPlanned : t.stepComplaintSkipped),
  browser: (t, s) => (s === 'done' ? t.stepBrowserDone : t.stepBrowserPlanned),
  handedOver: (t) => t.stepHandedOver,
  confirmed: (t) => t.stepConfirmed,
  refused: (t) => t.stepRefused,
  cancelled: (t) => t.stepCancelled,
  failed: (t) => t.stepFailed,
};

const SUMMARY_TEXT: Record<SummaryGroup, (t: PageText) => [one: string, other: string]> = {
  needsYou: (t) => [t.summaryNeedsYouOne, t.summaryNeedsYouOther],
  waiting: (t) => [t.summaryWaitingOne, t.summaryWaitingOther],
  confirmed: (t) => [t.summaryConfirmedOne, t.summaryConfirmedOther],
  cancelled: (t) => [t.summaryCancelledOne, t.summaryCancelledOther],
};

/** "3 sent and waiting, 1 confirmed, 1 needs you": the groups that hold a request, in a fixed order. */
function summary(lang: Language, t: PageText, requests: RequestView[]) {
  const plural = new Intl.PluralRules(lang);
  return SUMMARY_GROUPS.flatMap((group) => {
    const count = requests.filter((r) => summaryGroup(r.status) === group).length;
    if (count === 0) return [];
    const [one, other] = SUMMARY_TEXT[group](t);
    return [{ group, count, text: fill(plural.select(count) === 'one' ? one : other, { count }) }];
  });
}

/** What was done, in one line: by channel, and whether it is done yet. */
function whatWasDone(t: PageText, r: RequestView): string {
  const done = r.events.some((e) => (r.channel === 'email' ? e.kind === 'sent' : e.kind === 'confirmed'));
  if (r.channel === 'email') return done ? fill(t.cardDoneEmail, { target: r.target ?? '' }) : t.cardTodoEmail;
  if (r.channel === 'settings') return done ? t.cardDoneSettings : t.cardTodoSettings;
  if (r.channel === 'webform') return done ? t.cardDoneWebform : t.cardTodoWebform;
  return t.cardNoChannel;
}

function next(lang: Language, t: PageText, r: RequestView, settings: { reminderGraceDays: number; finalNoticeGraceDays: number }): Dated {
  const { kind, date } = nextStep(r, settings);
  const vars = { provider: r.providerName, due: r.dueAt ? formatDay(lang, r.dueAt) : '', action: r.userAction ?? '' };
  const text: Record<typeof kind, string> = {
    queued: t.nextQueued,
    reminder: r.dueAt ? t.nextReminder : t.nextWaiting,
    finalNotice: t.nextFinalNotice,
    complaint: t.nextComplaint,
    waiting: t.nextWaiting,
    you: r.userAction ? t.nextYou : t.nextYouNoAction,
    refused: t.nextRefused,
    escalated: t.nextEscalated,
    confirmed: t.nextConfirmed,
    cancelled: t.nextCancelled,
    failed: t.nextFailed,
  };
  return dated(lang, text[kind], date, vars);
}

/**
 * The one action that fits now: hand over a session where the browser could then act, else open
 * the provider's page where the person acts, else mark confirmed (an open request: the company
 * may have answered the person directly). Closed requests offer none.
 */
function primaryAction(r: RequestView, session: ReturnType<typeof sessionUse>): 'session' | 'deepLink' | 'confirm' | null {
  if (isClosed(r.status)) return null;
  if (session === 'first-try') return 'session';
  if (r.deepLink && summaryGroup(r.status) === 'needsYou') return 'deepLink';
  return 'confirm';
}

function card(view: SubmissionView, token: string, r: RequestView, evidenceLink: EvidenceLink, today: string) {
  const lang = view.lang;
  const t = pageText(lang);
  const settings = { reminderGraceDays: config().reminderGraceDays, finalNoticeGraceDays: config().finalNoticeGraceDays };
  const session = sessionUse(r, view.jurisdiction);
  const primary = primaryAction(r, session);
  const open = !isClosed(r.status);
  return {
    id: r.id,
    provider: r.provider,
    providerName: r.providerName,
    identifier: r.identifier,
    reference: r.reference,
    status: r.status,
    channel: r.channel,
    group: summaryGroup(r.status),
    statusText: statusText(lang, r.status),
    channelText: channelText(lang, r.channel),
    whatWasDone: whatWasDone(t, r),
    steps: progress(r, settings, today).map((step) => ({ ...step, text: dated(lang, STEP_TEXT[step.key](t, step.state), step.date) })),
    next: next(lang, t, r, settings),
    primarySession: primary === 'session',
    primaryDeepLink: primary === 'deepLink',
    primaryConfirm: primary === 'confirm',
    deepLink: r.deepLink,
    // The provider's page as a secondary action, where it is not the primary one.
    secondaryDeepLink: open && !!r.deepLink && primary !== 'deepLink',
    secondaryConfirm: open && primary !== 'confirm',
    cancellable: open,
    // A session for re-checks of a setting already switched off: offered, but not as the action of the moment.
    recheckSession: session === 'recheck',
    openAtText: fill(t.actionOpenAt, { provider: r.providerName }),
    sessionUploadText: fill(t.sessionUpload, { provider: r.providerName }),
    events: r.events.map((e) => ({
      ...e,
      day: e.at.slice(0, 10),
      evidence: e.evidence.map((key) => ({ ...evidenceLink(view.id, key, token), isImage: key.endsWith('.png') })),
    })),
  };
}

export function renderStatusPage(view: SubmissionView, token: string, evidenceLink: EvidenceLink): string {
  const lang = view.lang;
  const t = pageText(lang);
  const encoded = encodeURIComponent(token);
  const today = clock().now().toISOString().slice(0, 10);
  return render('pages/status.html', {
    lang,
    t,
    id: view.id,
    token: encoded,
    forName: fill(t.statusFor, { name: view.name }),
    verified: view.status !== 'awaiting_verification',
    summary: summary(lang, t, view.requests),
    requests: view.requests.map((r) => card(view, token, r, evidenceLink, today)),
  });
}
