// When a request's next browser job is due (see browser-jobs.ts). Kept apart from the jobs
// themselves so the web handlers can plan a job without loading the browser code.
import { config } from '../adapters/config.ts';
import { clock, DAY_MS } from '../adapters/clock.ts';
import { putBrowserJob } from '../data/browser-jobs.ts';
import { expiresAt, updateRequest } from '../data/store.ts';
import type { RequestRef } from './dispatch.ts';

/** Plans the request's next browser job at `at` (replacing any earlier plan). */
export async function scheduleBrowserJob(ref: RequestRef, at: Date): Promise<void> {
  const due = at.toISOString();
  // The request names its one current job; pointers left from an earlier plan are skipped and dropped.
  await updateRequest(ref.submissionId, ref.requestId, { browserJobAt: due });
  await putBrowserJob(ref, due, expiresAt());
}

export async function scheduleRecheck(ref: RequestRef): Promise<void> {
  const days = config().recheckDays;
  if (days > 0) await scheduleBrowserJob(ref, new Date(clock().now().getTime() + days * DAY_MS));
}
