// When a request's next browser job is due (see browser-jobs.ts). Kept apart from the jobs
// themselves so the web handlers can plan a job without loading the browser code.
import { config } from '../adapters/config.ts';
import { clock, DAY_MS } from '../adapters/clock.ts';
import { expiresAt, putItem, updateRequest } from '../data/store.ts';
import type { RequestRef } from './dispatch.ts';

export const BROWSER_JOB_PARTITION = 'BROWSERJOB';

/** Plans the request's next browser job at `at` (replacing any earlier plan). */
export async function scheduleBrowserJob(ref: RequestRef, at: Date): Promise<void> {
  const due = at.toISOString();
  // The request names its one current job; pointers left from an earlier plan are skipped and dropped.
  await updateRequest(ref.submissionId, ref.requestId, { browserJobAt: due });
  await putItem(
    { PK: BROWSER_JOB_PARTITION, SK: `${due}#${ref.submissionId}#${ref.requestId}` },
    { type: 'browserjob', ...ref, expiresAt: expiresAt() },
  );
}

/**
 * Claims the run of `schedule` for its scheduled `time` (the EventBridge event's `time`, the same in
 * every delivery of one event): true for the first claim only. EventBridge delivers at least once,
 * so a duplicate delivery finds the time claimed and does nothing. The claim expires after two days.
 */
export async function claimScheduledRun(schedule: string, time: string): Promise<boolean> {
  const now = clock().now();
  return putItem(
    { PK: 'SCHEDULE', SK: `${schedule}#${time}` },
    { type: 'schedule-run', claimedAt: now.toISOString(), expiresAt: Math.floor(now.getTime() / 1000) + 2 * 86_400 },
    true,
  );
}

export async function scheduleRecheck(ref: RequestRef): Promise<void> {
  const days = config().recheckDays;
  if (days > 0) await scheduleBrowserJob(ref, new Date(clock().now().getTime() + days * DAY_MS));
}

