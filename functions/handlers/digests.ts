// Scheduled entry (EventBridge, hourly) of the light Digests function: sends the daily status digests
// that are due (functions/app/notify.ts). No browser; the local runtime runs the same function on a timer.
import { claimScheduledRun } from '../app/browser-schedule.ts';
import { sendDueDigests } from '../app/notify.ts';

/** Digests per invocation; the rest go out at the next hour. */
const DIGESTS_PER_RUN = 200;

/** The part of EventBridge's scheduled event used here: `time` is the scheduled hour. */
interface ScheduledEvent {
  time?: string;
}

export async function handler(event: ScheduledEvent = {}): Promise<{ sent: number; duplicate?: true }> {
  // At most one run per scheduled time (a duplicate delivery does nothing; a run by hand always runs).
  if (event.time && !(await claimScheduledRun('digests', event.time))) return { sent: 0, duplicate: true };
  const sent = await sendDueDigests(DIGESTS_PER_RUN);
  console.log(JSON.stringify({ level: 'info', msg: 'digests run', sent }));
  return { sent };
}
