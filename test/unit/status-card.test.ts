// The status page's card logic (functions/core/status-card.ts): every status falls in one summary
// group, the progress line carries the days of what was done and of what is planned (chained by the
// grace periods), and the next step follows the follow-up rule.
import { describe, expect, it } from 'vitest';
import { REQUEST_STATUSES, type RequestStatus } from '../../functions/core/lifecycle.ts';
import { type CardRequest, nextStep, progress, summaryGroup } from '../../functions/core/status-card.ts';

const SETTINGS = { reminderGraceDays: 14, finalNoticeGraceDays: 7 };
const TODAY = '2026-06-10';

function letter(status: RequestStatus, kinds: [string, string][] = [], dueAt: string | null = '2026-06-01'): CardRequest {
  const events: [string, string][] = [['sent', '2026-05-01T10:00:00.000Z'], ...kinds];
  return { status, channel: 'email', dueAt, events: events.map(([kind, at]) => ({ kind, at })) };
}

const steps = (request: CardRequest) => progress(request, SETTINGS, TODAY).map((s) => `${s.key}:${s.state}:${s.date ?? '-'}`);

describe('the summary groups', () => {
  it('put every status in one group, the ones that need the person together', () => {
    expect(Object.fromEntries(REQUEST_STATUSES.map((s) => [s, summaryGroup(s)]))).toEqual({
      queued: 'waiting',
      sent: 'waiting',
      acknowledged: 'waiting',
      reminded: 'waiting',
      confirmed: 'confirmed',
      cancelled: 'cancelled',
      needs_user_action: 'needsYou',
      failed: 'needsYou',
      refused: 'needsYou',
      escalated: 'needsYou',
    });
  });
});

describe('the progress line of a letter', () => {
  it('plans the reminder the day after the due day, then the final notice and the complaint by the grace periods', () => {
    expect(steps(letter('sent', [], '2026-06-20'))).toEqual([
      'sent:done:2026-05-01',
      'due:planned:2026-06-20',
      'reminder:planned:2026-06-21',
      'finalNotice:planned:2026-07-05',
      'complaint:planned:2026-07-12',
    ]);
  });

  it('dates the reminder that went out, and plans from it', () => {
    expect(steps(letter('reminded', [['reminder', '2026-06-02T08:00:00.000Z']]))).toEqual([
      'sent:done:2026-05-01',
      'due:done:2026-06-01',
      'reminder:done:2026-06-02',
      'finalNotice:planned:2026-06-16',
      'complaint:planned:2026-06-23',
    ]);
  });

  it('shows every step done once the complaint draft went out', () => {
    const escalated = letter('escalated', [
      ['reminder', '2026-06-02T08:00:00.000Z'],
      ['final-notice', '2026-06-16T08:00:00.000Z'],
      ['escalated', '2026-06-23T08:00:00.000Z'],
    ]);
    expect(steps(escalated)).toEqual([
      'sent:done:2026-05-01',
      'due:done:2026-06-01',
      'reminder:done:2026-06-02',
      'finalNotice:done:2026-06-16',
      'complaint:done:2026-06-23',
    ]);
    expect(nextStep(escalated, SETTINGS)).toEqual({ kind: 'escalated', date: null });
  });

  it('ends with the outcome and marks what is no longer needed', () => {
    const confirmed = letter('confirmed', [['reply:confirmed', '2026-05-20T09:00:00.000Z']], '2026-06-20');
    expect(steps(confirmed)).toEqual([
      'sent:done:2026-05-01',
      'confirmed:done:2026-05-20',
      'due:skipped:2026-06-20',
      'reminder:skipped:-',
      'finalNotice:skipped:-',
      'complaint:skipped:-',
    ]);
    expect(steps(letter('refused', [['reply:refused', '2026-05-20T09:00:00.000Z']], '2026-06-20'))).toContain('refused:done:2026-05-20');
  });

  it('says what comes next and when, as the follow-up rule decides', () => {
    expect(nextStep(letter('acknowledged', [], '2026-06-20'), SETTINGS)).toEqual({ kind: 'reminder', date: '2026-06-21' });
    expect(nextStep(letter('reminded', [['reminder', '2026-06-02T08:00:00.000Z']]), SETTINGS)).toEqual({ kind: 'finalNotice', date: '2026-06-16' });
    expect(
      nextStep(
        letter('reminded', [
          ['reminder', '2026-06-02T08:00:00.000Z'],
          ['final-notice', '2026-06-16T08:00:00.000Z'],
        ]),
        SETTINGS,
      ),
    ).toEqual({
      kind: 'complaint',
      date: '2026-06-23',
    });
    expect(nextStep(letter('sent', [], null), SETTINGS)).toEqual({ kind: 'waiting', date: null });
    expect(nextStep({ status: 'queued', channel: 'email', dueAt: null, events: [] }, SETTINGS)).toEqual({ kind: 'queued', date: null });
    expect(nextStep(letter('refused'), SETTINGS).kind).toBe('refused');
    expect(nextStep(letter('failed'), SETTINGS).kind).toBe('failed');
  });
});

describe('the progress line of the browser channel and of a hand-over', () => {
  it('shows the setting switched off with its day, and no separate confirmation', () => {
    const switched: CardRequest = { status: 'confirmed', channel: 'settings', dueAt: null, events: [{ kind: 'confirmed', at: '2026-05-01T10:00:00.000Z' }] };
    expect(steps(switched)).toEqual(['browser:done:2026-05-01']);
  });

  it("shows the hand-over with its day, and it is the person's turn", () => {
    const handedOver: CardRequest = {
      status: 'needs_user_action',
      channel: 'webform',
      dueAt: null,
      events: [{ kind: 'needs_user_action', at: '2026-05-01T10:00:00.000Z' }],
    };
    expect(steps(handedOver)).toEqual(['handedOver:done:2026-05-01']);
    expect(nextStep(handedOver, SETTINGS)).toEqual({ kind: 'you', date: null });
  });
});
