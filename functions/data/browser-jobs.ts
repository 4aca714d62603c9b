// Browser-job pointers: one item per planned job (PK=BROWSERJOB, SK=<due ISO>#<submission>#<request>),
// so one query of the partition finds the jobs that are due. The request itself names its one current
// job (browserJobAt, app/browser-schedule.ts); a pointer of an earlier plan is skipped and dropped by
// the run (app/browser-jobs.ts). Erasing a person's data deletes theirs (erase.ts).
import { BROWSER_JOB_PARTITION, key } from './schema.ts';
import { ddb } from '../adapters/clients.ts';
import { config } from '../adapters/config.ts';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { deleteItem, putItem } from './store.ts';

export interface BrowserJobPointer {
  /** `<due ISO>#<submission>#<request>`: the pointer's sort key, which dropBrowserJob takes. */
  SK: string;
  submissionId: string;
  requestId: string;
}

export async function putBrowserJob(ref: { submissionId: string; requestId: string }, due: string, expiresAt: number): Promise<void> {
  await putItem(key.browserJob(due, ref.submissionId, ref.requestId), { type: 'browserjob', ...ref, expiresAt });
}

/** The pointers due at `now` (ISO), oldest first, at most `limit`. */
export async function dueBrowserJobs(now: string, limit: number): Promise<BrowserJobPointer[]> {
  const { Items } = await ddb().send(
    new QueryCommand({
      TableName: config().tableName,
      KeyConditionExpression: 'PK = :pk AND SK <= :now',
      ExpressionAttributeValues: { ':pk': BROWSER_JOB_PARTITION, ':now': `${now}#~` },
      Limit: limit,
      ConsistentRead: true,
    }),
  );
  return (Items ?? []) as BrowserJobPointer[];
}

export async function dropBrowserJob(sk: string): Promise<void> {
  await deleteItem({ PK: BROWSER_JOB_PARTITION, SK: sk });
}
