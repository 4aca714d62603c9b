// The request lifecycle as data: every status a request can have, and every event that moves it,
// with the statuses it may come from and the status it leads to. This is the one place that lists
// statuses (test/unit/status-lists.test.ts fails on a status list anywhere else):
// app code names the event (functions/data/lifecycle.ts applyEvent does the conditional write), and
// asks the predicates below (isClosed, mayEscalate...) instead of keeping its own lists.

export const REQUEST_STATUSES = [
  'queued',
  'sent',
  'acknowledged',
  'confirmed',
  'refused',
  'needs_user_action',
  'reminded',
  'escalated',
  'failed',
  'cancelled',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** A request is created in this status (PlanRequests); every later status comes from an event. */
export const INITIAL_STATUS: RequestStatus = 'queued';

type Moves = Partial<Record<RequestStatus, RequestStatus>>;

/** Every status from which the person, a failure or a confirmation may still end the request. */
const UNTIL_CLOSED = (to: RequestStatus): Moves => ({
  queued: to,
  sent: to,
  acknowledged: to,
  refused: to,
  needs_user_action: to,
  reminded: to,
  escalated: to,
});

/** While a letter is out with the provider and the provider has not answered for good. */
const LETTER_OUT = (to: RequestStatus): Moves => ({ sent: to, acknowledged: to, reminded: to });

/**
 * event -> (from -> to). A status missing from an event's row means the event does not apply there
 * (applyEvent writes nothing and says so). Same-status moves guard a write on the status (a channel
 * chosen only while queued, a final notice only while reminded).
 */
const TRANSITIONS = {
  /** ChooseChannel or the browser fallback picked a channel; the request stays queued. */
  channel_chosen: { queued: 'queued' },
  /** The outbox claimed the first letter (written before SES is called). */
  letter_sent: { queued: 'sent' },
  /** No channel we can use: the person acts, with a deep link. */
  handed_over: { queued: 'needs_user_action' },
  /** A letter bounced: the person acts. */
  bounced: LETTER_OUT('needs_user_action'),
  /** The browser switched the setting off (or found it off) and read it back. */
  browser_confirmed: { queued: 'confirmed' },
  /** A session arrived after a hand-over: the browser tries again. */
  browser_retry: { needs_user_action: 'queued' },
  reply_acknowledged: { sent: 'acknowledged' },
  /** An authenticated confirmation; also after an escalation or a refusal (the company gave in). */
  reply_confirmed: { ...LETTER_OUT('confirmed'), needs_user_action: 'confirmed', refused: 'confirmed', escalated: 'confirmed' },
  reply_refused: LETTER_OUT('refused'),
  /** Identity asked, or another channel named: the person acts. */
  reply_needs_person: LETTER_OUT('needs_user_action'),
  /** One extension of the deadline (the due date moves; a first answer counts as acknowledgement). */
  reply_extension: { sent: 'acknowledged', acknowledged: 'acknowledged' },
  reminder_sent: { sent: 'reminded', acknowledged: 'reminded' },
  final_notice_sent: { reminded: 'reminded' },
  /** The complaint draft goes to the person: after a refusal, or after the final notice. */
  escalated: { refused: 'escalated', reminded: 'escalated' },
  person_confirmed: UNTIL_CLOSED('confirmed'),
  person_cancelled: UNTIL_CLOSED('cancelled'),
  /** A step failed for good (retries exhausted, or a bug). */
  failed: UNTIL_CLOSED('failed'),
} as const satisfies Record<string, Moves>;

export type LifecycleEvent = keyof typeof TRANSITIONS;
export const LIFECYCLE_EVENTS = Object.keys(TRANSITIONS) as LifecycleEvent[];

/** The status `event` leads to from `from`, or undefined when the event does not apply there. */
export function nextStatus(from: RequestStatus, event: LifecycleEvent): RequestStatus | undefined {
  return (TRANSITIONS[event] as Moves)[from];
}

export function canApply(from: RequestStatus, event: LifecycleEvent): boolean {
  return nextStatus(from, event) !== undefined;
}

/** The statuses `event` applies in. */
export function fromStatuses(event: LifecycleEvent): RequestStatus[] {
  return REQUEST_STATUSES.filter((s) => canApply(s, event));
}

/** Closed: no event leaves it (confirmed, cancelled, failed). The follow-up loop and the page stop there. */
export function isClosed(status: RequestStatus): boolean {
  return !LIFECYCLE_EVENTS.some((event) => canApply(status, event));
}

/** A letter is out with the provider and unanswered for good: a bounce of it hands the request over. */
export function letterOut(status: RequestStatus): boolean {
  return canApply(status, 'bounced');
}

/**
 * Who may escalate: a refused request at once, a reminded one only once its final notice went out
 * (when is core/followup.ts's business). Mail-in (a refusal) and the follow-up loop both ask this.
 */
export function mayEscalate(request: { status: RequestStatus; finalNoticeAt?: string }): boolean {
  if (!canApply(request.status, 'escalated')) return false;
  return request.status !== 'reminded' || !!request.finalNoticeAt;
}

/** True when `status` is where `event` leads (an outbox resuming a letter whose event was applied). */
export function reachedBy(status: RequestStatus, event: LifecycleEvent): boolean {
  return Object.values(TRANSITIONS[event] as Moves).includes(status);
}
