// Scheduled entry (EventBridge, hourly) of the browser-jobs function: re-checks and late first tries.
// It carries Chromium like the ApplyInBrowser function.
import { runDueBrowserJobs } from '../app/browser-jobs.ts';

/** Jobs per invocation: each launches Chromium (a few seconds); the rest wait for the next hour. */
const JOBS_PER_RUN = 20;

export async function handler(): Promise<{ ran: number }> {
  const { ran } = await runDueBrowserJobs(JOBS_PER_RUN);
  console.log(JSON.stringify({ level: 'info', msg: 'browser jobs run', count: ran.length, outcomes: ran.map((r) => r.outcome) }));
  return { ran: ran.length };
}
