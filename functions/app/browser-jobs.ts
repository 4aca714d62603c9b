// Browser work outside the submission's workflow, run by a scheduler (EventBridge on AWS, a timer in
// the local runtime): re-checking, every OPTOUT_RECHECK_DAYS, that a setting switched off stays off
// (settings come back: switch it off again and tell the person), and a first browser try for a
// request that was handed to the person when they give us a session later.
// Due jobs are pointer items in the table, read by one query (functions/data/browser-jobs.ts).
import { getProvider } from '../core/providers/catalog.ts';
import { message, type MessageKey } from '../core/messages.ts';
import { clock } from '../adapters/clock.ts';
import { dropBrowserJob, dueBrowserJobs } from '../data/browser-jobs.ts';
import { addEvent, getRequest, updateRequest } from '../data/store.ts';
import { applyEvent } from '../data/lifecycle.ts';
import { applyInBrowser, runProviderPlaybook } from './browser-channel.ts';
import { browserChannel, handToPerson, loadVerifiedSubmission, type RequestRef } from './dispatch.ts';
import { notifyStatusChange } from './notify.ts';
import { deleteSession, loadSession } from './sessions.ts';
import { scheduleRecheck } from './browser-schedule.ts';

export interface JobsRun {
  ran: { requestId: string; outcome: string }[];
}

/** Runs the jobs that are due, one after the other (one browser at a time), at most `limit`. */
export async function runDueBrowserJobs(limit = 5): Promise<JobsRun> {
  const ran: JobsRun['ran'] = [];
  for (const job of await dueBrowserJobs(clock().now().toISOString(), limit)) {
    const ref = { submissionId: job.submissionId, requestId: job.requestId };
    const request = await getRequest(ref.submissionId, ref.requestId).catch(() => undefined);
    const due = job.SK.split('#')[0];
    if (request?.browserJobAt === due) {
      // Clear the plan first: a job that throws is not retried in a loop; the person is told instead.
      await updateRequest(ref.submissionId, ref.requestId, { browserJobAt: undefined });
      try {
        ran.push({ requestId: ref.requestId, outcome: await runJob(ref) });
      } catch (error) {
        ran.push({ requestId: ref.requestId, outcome: `error: ${(error as Error).message}` });
        console.error(
          JSON.stringify({
            level: 'error',
            msg: 'browser job failed',
            submissionId: ref.submissionId,
            requestId: ref.requestId,
            error: (error as Error).message,
          }),
        );
      }
    }
    await dropBrowserJob(job.SK);
  }
  return { ran };
}

async function runJob(ref: RequestRef): Promise<string> {
  const request = await getRequest(ref.submissionId, ref.requestId);
  if (request.status === 'confirmed') return recheck(ref);
  if (request.status === 'needs_user_action') return firstTry(ref);
  return `skipped (${request.status})`;
}

/** A session arrived after the request was handed to the person: try the browser channel now. */
async function firstTry(ref: RequestRef): Promise<string> {
  const request = await getRequest(ref.submissionId, ref.requestId);
  const submission = await loadVerifiedSubmission(ref.submissionId);
  const provider = getProvider(request.provider);
  if (!browserChannel(provider, submission.jurisdiction)) return 'no browser channel';
  if (!(await applyEvent(ref, 'browser_retry', { userAction: undefined }, request.status))) {
    return 'changed meanwhile';
  }
  const outcome = await applyInBrowser(ref);
  if (outcome.channel === 'email') {
    // The letter went out before (or was refused); with no follow-up loop left for this request,
    // a failed browser try goes back to the person rather than into a letter nobody follows up.
    const again = await getRequest(ref.submissionId, ref.requestId);
    await handToPerson(again, provider, submission, message(submission.lang, 'browserLateTryFailed'));
  }
  return (await getRequest(ref.submissionId, ref.requestId)).status;
}

/** The setting was switched off before: read it again with the kept session; switch it off if it came back. */
async function recheck(ref: RequestRef): Promise<string> {
  const request = await getRequest(ref.submissionId, ref.requestId);
  const submission = await loadVerifiedSubmission(ref.submissionId);
  const provider = getProvider(request.provider);
  const channel = browserChannel(provider, submission.jurisdiction);
  const playbook = channel?.playbook ? provider.playbooks[channel.playbook] : undefined;
  const session = await loadSession(ref.submissionId, provider.slug);
  if (!channel || !playbook || !session) return 'nothing to re-check';

  const { result, evidence } = await runProviderPlaybook(request, submission, provider, playbook, session.cookies);
  const at = clock().now().toISOString();
  const say = (key: MessageKey, vars: Record<string, string | undefined>) => message(submission.lang, key, vars);
  const event = (kind: string, detail: string) => addEvent({ ...ref, key: `recheck:${at}`, at, kind, detail, evidence });
  switch (result.outcome) {
    case 'already_off':
      await event('rechecked', `Re-checked "${channel.label}": still off.`);
      await scheduleRecheck(ref);
      break;
    case 'done': {
      await event('recheck_reverted', `"${channel.label}" had been switched back on; switched off again and read back as off.`);
      await notifyStatusChange(ref.submissionId, ref.requestId, `recheck:${at}`, say('recheckReverted', { label: channel.label }));
      await scheduleRecheck(ref);
      break;
    }
    case 'needs_user_action': {
      // The kept session no longer works (logged out, CAPTCHA, 2FA): stop re-checking until a new one comes.
      await deleteSession(ref.submissionId, provider.slug);
      await event('recheck_stopped', `Could not re-check "${channel.label}": ${result.reason}. Re-checks stop until a fresh session is uploaded.`);
      await notifyStatusChange(ref.submissionId, ref.requestId, `recheck:${at}`, say('recheckStopped', { label: channel.label, reason: result.reason }));
      break;
    }
    default: {
      await event('recheck_failed', `Re-checking "${channel.label}" failed: ${result.reason}; next try at the next re-check.`);
      await notifyStatusChange(ref.submissionId, ref.requestId, `recheck:${at}`, say('recheckFailed', { label: channel.label, reason: result.reason }));
      await scheduleRecheck(ref);
    }
  }
  return `recheck ${result.outcome}`;
}
