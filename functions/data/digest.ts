// The table side of the daily digest (functions/app/notify.ts): status changes waiting to be mailed,
// and when the submission's next digest is due. Access patterns:
//   pending changes of a submission .. PK=SUB#<id>, SK begins_with DIGESTCHANGE#   (erased with the submission)
//   its next digest (one at a time) .. PK=SUB#<id>, SK=DIGEST#NEXT  { dueAt }
//   its prompt mail (one at a time) .. PK=SUB#<id>, SK=DIGEST#PROMPT  { dueAt }  (a change that needs the person)
//   when its last digest went out .... PK=SUB#<id>, SK=DIGEST#LAST  { sentAt }
//   a digest's send claim ............ PK=SUB#<id>, SK=DIGEST#SENT#<dueAt>
//   due digests (ids only) ........... PK=DIGESTJOB, SK=<dueAt>#<submission id>   (one query, like BROWSERJOB)
import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../adapters/clients.ts';
import { config } from '../adapters/config.ts';
import { getItem, putItem, queryAll } from './store.ts';

export const DIGEST_JOB_PARTITION = 'DIGESTJOB';

export interface DigestChange {
  requestId: string;
  changeKey: string;
  /** The request's status right after the change. */
  status: string;
  at: string;
  note: string | null;
  /** Mailed promptly (a complaint draft is ready), not with the day's digest. */
  prompt?: boolean;
}

/** `next`: the day's digest (at most one a day); `prompt`: a mail within minutes, whatever the day's count. */
export type DigestSlot = 'next' | 'prompt';

type Key = { PK: string; SK: string };

const digestKey = {
  change: (submissionId: string, at: string, requestId: string, changeKey: string) => ({
    PK: `SUB#${submissionId}`,
    SK: `DIGESTCHANGE#${at}#${requestId}#${changeKey}`,
  }),
  plan: (submissionId: string, slot: DigestSlot) => ({ PK: `SUB#${submissionId}`, SK: slot === 'next' ? 'DIGEST#NEXT' : 'DIGEST#PROMPT' }),
  last: (submissionId: string) => ({ PK: `SUB#${submissionId}`, SK: 'DIGEST#LAST' }),
  sent: (submissionId: string, dueAt: string) => ({ PK: `SUB#${submissionId}`, SK: `DIGEST#SENT#${dueAt}` }),
  job: (dueAt: string, submissionId: string) => ({ PK: DIGEST_JOB_PARTITION, SK: `${dueAt}#${submissionId}` }),
};

async function deleteKey(itemKey: Key): Promise<void> {
  await ddb().send(new DeleteCommand({ TableName: config().tableName, Key: itemKey }));
}

/** Records one change for the next digest (once per change key: the caller claimed it already). */
export async function addDigestChange(submissionId: string, change: DigestChange, expiresAt: number): Promise<void> {
  await putItem(digestKey.change(submissionId, change.at, change.requestId, change.changeKey), { type: 'digest-change', ...change, expiresAt }, true);
}

/** The submission's pending changes, oldest first, with their keys (to delete once mailed). */
export async function pendingDigestChanges(submissionId: string): Promise<(DigestChange & { key: Key })[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': `SUB#${submissionId}`, ':prefix': 'DIGESTCHANGE#' },
  });
  return items.map((item) => ({
    key: { PK: item.PK as string, SK: item.SK as string },
    requestId: item.requestId as string,
    changeKey: item.changeKey as string,
    status: item.status as string,
    at: item.at as string,
    note: (item.note as string | null) ?? null,
    prompt: item.prompt === true,
  }));
}

export async function deleteDigestChanges(keys: Key[]): Promise<void> {
  for (const itemKey of keys) await deleteKey(itemKey);
}

/** When the submission's last digest went out, if one did. */
export async function lastDigestAt(submissionId: string): Promise<string | undefined> {
  return (await getItem<{ sentAt: string }>(digestKey.last(submissionId)))?.sentAt;
}

/**
 * Plans the submission's next digest (or prompt mail) at `dueAt` unless one is planned already in that
 * slot (that one will carry the change too). The plan item first, then the pointer the scheduler queries.
 */
export async function planDigest(submissionId: string, dueAt: string, expiresAt: number, slot: DigestSlot = 'next'): Promise<boolean> {
  if (!(await putItem(digestKey.plan(submissionId, slot), { type: 'digest-next', dueAt, expiresAt }, true))) return false;
  await putItem(digestKey.job(dueAt, submissionId), { type: 'digestjob', submissionId, expiresAt });
  return true;
}

/** Digests due at `now` (ISO): their pointers, oldest first, at most `limit`. */
export async function dueDigests(now: string, limit: number): Promise<{ submissionId: string; dueAt: string; key: Key }[]> {
  const { Items } = await ddb().send(
    new QueryCommand({
      TableName: config().tableName,
      KeyConditionExpression: 'PK = :pk AND SK <= :now',
      ExpressionAttributeValues: { ':pk': DIGEST_JOB_PARTITION, ':now': `${now}#~` },
      Limit: limit,
      ConsistentRead: true,
    }),
  );
  return (Items ?? []).map((item) => ({
    submissionId: item.submissionId as string,
    dueAt: (item.SK as string).slice(0, (item.SK as string).lastIndexOf('#')),
    key: { PK: item.PK as string, SK: item.SK as string },
  }));
}

/** Claims the sending of the digest planned for `dueAt`: true for the first claim only. */
export async function claimDigest(submissionId: string, dueAt: string, expiresAt: number): Promise<boolean> {
  return putItem(digestKey.sent(submissionId, dueAt), { type: 'notification', expiresAt }, true);
}

/** The send failed (SES down): the next run tries again instead of finding the digest claimed. */
export async function releaseDigestClaim(submissionId: string, dueAt: string): Promise<void> {
  await deleteKey(digestKey.sent(submissionId, dueAt));
}

/** The digest planned for `dueAt` is done: records when, and clears the plan and its pointer. */
export async function finishDigest(submissionId: string, dueAt: string, sentAt: string | undefined, expiresAt: number): Promise<void> {
  if (sentAt) await putItem(digestKey.last(submissionId), { type: 'digest-last', sentAt, expiresAt });
  for (const slot of ['next', 'prompt'] as const) {
    const planned = await getItem<{ dueAt: string }>(digestKey.plan(submissionId, slot));
    if (planned?.dueAt === dueAt) await deleteKey(digestKey.plan(submissionId, slot));
  }
  await deleteKey(digestKey.job(dueAt, submissionId));
}

/** Drops a pointer whose submission is gone (deleted by the person, or past retention). */
export async function dropDigestPointer(pointer: Key): Promise<void> {
  await deleteKey(pointer);
}
