// Scheduled entry (EventBridge, every 10 minutes: core/schedules.ts) of the light Digests function:
// sends the status digests and complaint drafts that are due (functions/app/notify.ts). No browser;
// the local runtime runs the same function on a timer.
import { claimScheduledRun } from '../data/scheduled-runs.ts';
import { sendDueDigests } from '../app/notify.ts';
import { lambdaEntry } from './aws-runtime.ts';

/** Digests per invocation; the rest go out at the next run. */
const DIGESTS_PER_RUN = 200;

/** The part of EventBridge's scheduled event used here: `time` is the scheduled time. */
interface ScheduledEvent {
  time?: string;
}

export const handler = lambdaEntry(async (event: ScheduledEvent = {}): Promise<{ sent: number; duplicate?: true }> => {
  // At most one run per scheduled time (a duplicate delivery does nothing; a run by hand always runs).
  if (event.time && !(await claimScheduledRun('digests', event.time))) return { sent: 0, duplicate: true };
  const sent = await sendDueDigests(DIGESTS_PER_RUN);
  console.log(JSON.stringify({ level: 'info', msg: 'digests run', sent }));
  return { sent };
});
