// Claims of scheduled runs (the hourly browser jobs, the digests every 10 minutes): EventBridge
// delivers an event at least once, so each run claims its schedule's event time first
// (PK=SCHEDULE, SK=<schedule>#<time>) and a duplicate delivery finds the time claimed and does nothing. A claim expires after two days.
import { clock } from '../adapters/clock.ts';
import { key } from './schema.ts';
import { putItem } from './store.ts';

const CLAIM_SECONDS = 2 * 86_400;

/** Claims the run of `schedule` for its scheduled `time` (the event's `time`, the same in every delivery): true for the first claim only. */
export async function claimScheduledRun(schedule: string, time: string): Promise<boolean> {
  const now = clock().now();
  return putItem(
    key.scheduledRun(schedule, time),
    { type: 'schedule-run', claimedAt: now.toISOString(), expiresAt: Math.floor(now.getTime() / 1000) + CLAIM_SECONDS },
    true,
  );
}
