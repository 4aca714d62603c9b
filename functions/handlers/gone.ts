// A workflow step for a submission that no longer exists: the person deleted everything (a tombstone
// is left, functions/data/erase.ts) or its retention period ended. The step does nothing and ends its
// branch quietly instead of failing: no letter, no status mail, no "failed" record.
import { getSubmission } from '../data/store.ts';

/**
 * One output that every Choice of workflows/submission.asl.json reads as "nothing left to do": no
 * request ids to map over, no channel to send on, follow-up done. Only ids, like every task output.
 */
export function goneOutput(ids: { submissionId: string; requestId?: string }) {
  return { ...ids, gone: true, requestIds: [] as string[], channel: 'none', sent: false, action: 'done', waitSeconds: 0, next: 'done' };
}

export async function submissionGone(submissionId: string): Promise<boolean> {
  return (await getSubmission(submissionId)) === undefined;
}
