// What one card of the status page says about a request, as data: where it stands in the summary,
// its progress line (sent -> due date -> reminder -> final notice -> complaint, or the browser's
// step), and what happens next and when. Pure: the page (app/status-page.ts) adds words and dates.
// Design:
// - Statuses are grouped through the lifecycle (core/lifecycle.ts): the event that leads to a status
//   names the group (handed_over, failed, escalated and reply_refused need the person; a letter out
//   or the initial status is waiting), so a new status cannot be left out of a group list here.
// - Done steps carry the day of their event; planned ones the day the follow-up rule
//   (core/followup.ts nextFollowUp) gives, chained by the grace periods. A step the request no
//   longer needs (it was confirmed, cancelled...) is shown as not needed.
import { type FollowUpSettings, nextFollowUp } from './followup.ts';
import { INITIAL_STATUS, letterOut, reachedBy, type RequestStatus } from './lifecycle.ts';

export type SummaryGroup = 'needsYou' | 'waiting' | 'confirmed' | 'cancelled';
/** The order of the summary at the top of the page. */
export const SUMMARY_GROUPS: readonly SummaryGroup[] = ['needsYou', 'waiting', 'confirmed', 'cancelled'];

export type StepKey = 'sent' | 'due' | 'reminder' | 'finalNotice' | 'complaint' | 'browser' | 'handedOver' | 'confirmed' | 'refused' | 'cancelled' | 'failed';
export type StepState = 'done' | 'planned' | 'skipped';
export interface Step {
  key: StepKey;
  state: StepState;
  /** YYYY-MM-DD: the day it happened (done) or is planned for; null when not known. */
  date: string | null;
}

export type NextKind = 'queued' | 'reminder' | 'finalNotice' | 'complaint' | 'waiting' | 'you' | 'refused' | 'escalated' | 'confirmed' | 'cancelled' | 'failed';

export interface CardRequest {
  status: RequestStatus;
  channel: string;
  dueAt: string | null;
  events: { at: string; kind: string }[];
}

const DAY_MS = 86_400_000;

export function summaryGroup(status: RequestStatus): SummaryGroup {
  if (reachedBy(status, 'handed_over') || reachedBy(status, 'failed') || reachedBy(status, 'escalated') || reachedBy(status, 'reply_refused')) {
    return 'needsYou';
  }
  if (reachedBy(status, 'person_confirmed')) return 'confirmed';
  if (reachedBy(status, 'person_cancelled')) return 'cancelled';
  return 'waiting';
}

/** The status's end of the line, named by the event that leads there; undefined while it runs. */
function outcomeOf(status: RequestStatus): StepKey | undefined {
  if (reachedBy(status, 'person_confirmed')) return 'confirmed';
  if (reachedBy(status, 'reply_refused')) return 'refused';
  if (reachedBy(status, 'person_cancelled')) return 'cancelled';
  if (reachedBy(status, 'failed')) return 'failed';
  if (reachedBy(status, 'handed_over')) return 'handedOver';
  return undefined;
}

function day(iso: string | undefined): string | null {
  return iso ? iso.slice(0, 10) : null;
}

function eventAt(request: CardRequest, kind: string): string | undefined {
  return request.events.find((e) => e.kind === kind)?.at;
}

function plus(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** The follow-up's next action and when, from the request's own events (core/followup.ts decides). */
function followUp(request: CardRequest, settings: FollowUpSettings) {
  return nextFollowUp(
    {
      status: request.status,
      dueDate: request.dueAt ?? undefined,
      remindedAt: eventAt(request, 'reminder'),
      finalNoticeAt: eventAt(request, 'final-notice'),
      escalatedAt: eventAt(request, 'escalated'),
    },
    settings,
  );
}

/** The planned days of the letter's follow-up steps still to come, chained by the grace periods. */
function plannedDays(request: CardRequest, settings: FollowUpSettings): Partial<Record<StepKey, string>> {
  if (!letterOut(request.status)) return {};
  const next = followUp(request, settings);
  if (next.action === 'remind') {
    const finalNotice = plus(next.at, settings.reminderGraceDays);
    return {
      reminder: day(next.at.toISOString())!,
      finalNotice: day(finalNotice.toISOString())!,
      complaint: day(plus(finalNotice, settings.finalNoticeGraceDays).toISOString())!,
    };
  }
  if (next.action === 'final_notice')
    return { finalNotice: day(next.at.toISOString())!, complaint: day(plus(next.at, settings.finalNoticeGraceDays).toISOString())! };
  if (next.action === 'escalate') return { complaint: day(next.at.toISOString())! };
  return {};
}

/** The progress line: done steps first (in order), then the outcome, then what is planned or no longer needed. */
export function progress(request: CardRequest, settings: FollowUpSettings, today: string): Step[] {
  const outcome = outcomeOf(request.status);
  const steps: Step[] = [];
  if (request.channel === 'email') {
    const planned = plannedDays(request, settings);
    const sent = eventAt(request, 'sent');
    steps.push({ key: 'sent', state: sent ? 'done' : 'planned', date: day(sent) });
    if (request.dueAt) {
      const passed = request.dueAt < today;
      steps.push({ key: 'due', state: passed ? 'done' : outcome ? 'skipped' : 'planned', date: request.dueAt });
    }
    for (const [key, kind] of [
      ['reminder', 'reminder'],
      ['finalNotice', 'final-notice'],
      ['complaint', 'escalated'],
    ] as const) {
      const at = eventAt(request, kind);
      if (at) steps.push({ key, state: 'done', date: day(at) });
      else steps.push({ key, state: planned[key] ? 'planned' : 'skipped', date: planned[key] ?? null });
    }
  } else {
    // The browser's step: switched off or sent (its 'confirmed' event), or still to come while queued.
    const done = eventAt(request, 'confirmed');
    if (done) steps.push({ key: 'browser', state: 'done', date: day(done) });
    else if (request.status === INITIAL_STATUS) steps.push({ key: 'browser', state: 'planned', date: null });
  }
  const browserDone = steps.some((s) => s.key === 'browser' && s.state === 'done');
  if (outcome && !(outcome === 'confirmed' && browserDone)) {
    steps.push({ key: outcome, state: 'done', date: day(request.events.at(-1)?.at) });
  }
  const rank: Record<StepState, number> = { done: 0, planned: 1, skipped: 2 };
  // A stable sort keeps the order within each state.
  return steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank[a.s.state] - rank[b.s.state] || a.i - b.i)
    .map(({ s }) => s);
}

/** What happens next, and the day it is planned for (null when it does not wait for a day). */
export function nextStep(request: CardRequest, settings: FollowUpSettings): { kind: NextKind; date: string | null } {
  const { status } = request;
  if (reachedBy(status, 'handed_over')) return { kind: 'you', date: null };
  if (status === INITIAL_STATUS) return { kind: 'queued', date: null };
  if (letterOut(status)) {
    const next = followUp(request, settings);
    const date = day(next.at.toISOString());
    if (next.action === 'remind') return { kind: 'reminder', date };
    if (next.action === 'final_notice') return { kind: 'finalNotice', date };
    if (next.action === 'escalate') return { kind: 'complaint', date };
    return { kind: 'waiting', date: null };
  }
  if (reachedBy(status, 'reply_refused')) return { kind: 'refused', date: null };
  if (reachedBy(status, 'escalated')) return { kind: 'escalated', date: null };
  if (reachedBy(status, 'person_confirmed')) return { kind: 'confirmed', date: null };
  if (reachedBy(status, 'person_cancelled')) return { kind: 'cancelled', date: null };
  return { kind: 'failed', date: null };
}
