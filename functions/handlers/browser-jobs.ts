// Scheduled entry (EventBridge, hourly) of the browser-jobs function: re-checks and late first tries.
// It carries Chromium like the ApplyInBrowser function.
import { runDueBrowserJobs } from '../app/browser-jobs.ts';
import { claimScheduledRun } from '../data/scheduled-runs.ts';
import { lambdaEntry } from './aws-runtime.ts';

/** Jobs per invocation: each launches Chromium (a few seconds); the rest wait for the next hour. */
const JOBS_PER_RUN = 20;

/** The part of EventBridge's scheduled event used here: `time` is the scheduled hour, e.g. 2026-05-01T10:00:00Z. */
interface ScheduledEvent {
  time?: string;
}

export const handler = lambdaEntry(async (event: ScheduledEvent = {}): Promise<{ ran: number; duplicate?: true }> => {
  // At most one run per scheduled time (a run started by hand, without a time, always runs).
  if (event.time && !(await claimScheduledRun('browser-jobs', event.time))) {
    console.log(JSON.stringify({ level: 'info', msg: 'browser jobs: this scheduled time ran already', time: event.time }));
    return { ran: 0, duplicate: true };
  }
  const { ran } = await runDueBrowserJobs(JOBS_PER_RUN);
  console.log(JSON.stringify({ level: 'info', msg: 'browser jobs run', count: ran.length, outcomes: ran.map((r) => r.outcome) }));
  return { ran: ran.length };
});
