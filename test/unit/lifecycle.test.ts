// The request lifecycle table, exhaustively: every status x every event, against the expected table
// written out here by hand (so a change to core/lifecycle.ts must be made twice, on purpose).
import { describe, expect, it } from 'vitest';
import {
  canApply,
  fromStatuses,
  isClosed,
  LIFECYCLE_EVENTS,
  type LifecycleEvent,
  letterOut,
  mayEscalate,
  nextStatus,
  reachedBy,
  REQUEST_STATUSES,
  type RequestStatus,
} from '../../functions/core/lifecycle.ts';

const OPEN: RequestStatus[] = ['queued', 'sent', 'acknowledged', 'refused', 'needs_user_action', 'reminded', 'escalated'];
const all = (to: RequestStatus, from: RequestStatus[]) => Object.fromEntries(from.map((s) => [s, to]));

const EXPECTED: Record<LifecycleEvent, Partial<Record<RequestStatus, RequestStatus>>> = {
  channel_chosen: { queued: 'queued' },
  letter_sent: { queued: 'sent' },
  handed_over: { queued: 'needs_user_action' },
  bounced: { sent: 'needs_user_action', acknowledged: 'needs_user_action', reminded: 'needs_user_action' },
  browser_confirmed: { queued: 'confirmed' },
  browser_retry: { needs_user_action: 'queued' },
  reply_acknowledged: { sent: 'acknowledged' },
  reply_confirmed: {
    sent: 'confirmed',
    acknowledged: 'confirmed',
    reminded: 'confirmed',
    needs_user_action: 'confirmed',
    refused: 'confirmed',
    escalated: 'confirmed',
  },
  reply_refused: { sent: 'refused', acknowledged: 'refused', reminded: 'refused' },
  reply_needs_person: { sent: 'needs_user_action', acknowledged: 'needs_user_action', reminded: 'needs_user_action' },
  reply_extension: { sent: 'acknowledged', acknowledged: 'acknowledged' },
  reminder_sent: { sent: 'reminded', acknowledged: 'reminded' },
  final_notice_sent: { reminded: 'reminded' },
  escalated: { refused: 'escalated', reminded: 'escalated' },
  person_confirmed: all('confirmed', OPEN),
  person_cancelled: all('cancelled', OPEN),
  failed: all('failed', OPEN),
};

describe('the request lifecycle', () => {
  it('knows exactly the events of the expected table', () => {
    expect([...LIFECYCLE_EVENTS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const event of Object.keys(EXPECTED) as LifecycleEvent[]) {
    for (const status of REQUEST_STATUSES) {
      const want = EXPECTED[event][status];
      it(`${event} from ${status}: ${want ?? 'does not apply'}`, () => {
        expect(nextStatus(status, event)).toBe(want);
        expect(canApply(status, event)).toBe(want !== undefined);
        expect(fromStatuses(event).includes(status)).toBe(want !== undefined);
      });
    }
  }

  it('calls closed exactly the statuses no event leaves', () => {
    expect(REQUEST_STATUSES.filter(isClosed)).toEqual(['confirmed', 'failed', 'cancelled']);
  });

  it('says a letter is out while it was sent, acknowledged or reminded', () => {
    expect(REQUEST_STATUSES.filter(letterOut)).toEqual(['sent', 'acknowledged', 'reminded']);
  });

  it('lets a refused request escalate at once, a reminded one only after its final notice', () => {
    for (const status of REQUEST_STATUSES) {
      expect(mayEscalate({ status })).toBe(status === 'refused');
      expect(mayEscalate({ status, finalNoticeAt: '2026-01-01T00:00:00.000Z' })).toBe(status === 'refused' || status === 'reminded');
    }
  });

  it('knows where each event leads', () => {
    for (const event of LIFECYCLE_EVENTS) {
      for (const status of REQUEST_STATUSES) {
        expect(reachedBy(status, event)).toBe(Object.values(EXPECTED[event]).includes(status));
      }
    }
  });
});
