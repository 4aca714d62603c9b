// What the follow-up loop does next for a request, and when: a pure function of the request's
// status and dates, so the workflow, the status page and tests all read the same rule.
import { deadlineEnd, endOfDay } from './deadlines.ts';
import { canApply } from './lifecycle.ts';
import type { RequestStatus } from './model.ts';

export const FOLLOW_UP_ACTIONS = ['remind', 'final_notice', 'escalate', 'done'] as const;
export type FollowUpAction = (typeof FOLLOW_UP_ACTIONS)[number];

export interface FollowUpState {
  status: RequestStatus;
  dueDate?: string;
  /** Where the due day ends (the business's zones, deadlines/place.ts); none: the latest zone there is. */
  dueTimeZones?: readonly string[];
  remindedAt?: string;
  finalNoticeAt?: string;
  escalatedAt?: string;
}

export interface FollowUpSettings {
  /** Days between the reminder and the final notice. */
  reminderGraceDays: number;
  /** Days between the final notice and the escalation. */
  finalNoticeGraceDays: number;
}

const DAY_MS = 86_400_000;

/**
 * Which step is next is read from the lifecycle (functions/core/lifecycle.ts), never from status
 * names: a request the reminder applies to waits for its due day, one the final notice applies to
 * (reminded) waits for the final notice and then the complaint, one only escalation applies to (a
 * refusal) escalates at once; every other request (not dispatched, with the person, escalated, closed)
 * needs nothing from the loop.
 */
export function nextFollowUp(state: FollowUpState, settings: FollowUpSettings): { action: FollowUpAction; at: Date } {
  const now = new Date(0);
  if (canApply(state.status, 'reminder_sent')) {
    // The deadline is the whole due day where the business is; the reminder goes out once it has
    // passed there, and once the due day has ended in UTC too: letters are dated in UTC, and a
    // reminder dated on the due day itself would say the deadline passed when, by its date, it had not.
    if (!state.dueDate) return { action: 'done', at: now };
    return { action: 'remind', at: new Date(Math.max(deadlineEnd(state.dueDate, state.dueTimeZones).getTime(), endOfDay(state.dueDate).getTime()) + 1) };
  }
  if (canApply(state.status, 'final_notice_sent')) {
    if (!state.remindedAt) return { action: 'final_notice', at: now };
    if (!state.finalNoticeAt) {
      return { action: 'final_notice', at: new Date(Date.parse(state.remindedAt) + settings.reminderGraceDays * DAY_MS) };
    }
    return { action: 'escalate', at: new Date(Date.parse(state.finalNoticeAt) + settings.finalNoticeGraceDays * DAY_MS) };
  }
  if (canApply(state.status, 'escalated')) {
    // A refusal needs no further waiting: the person gets the complaint draft with an explanation.
    return state.escalatedAt ? { action: 'done', at: now } : { action: 'escalate', at: now };
  }
  return { action: 'done', at: now };
}
