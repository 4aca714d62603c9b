// The table side of "delete everything about me" (functions/app/personal-data.ts): the tombstone that
// replaces a submission, and the deletion of every item that belongs to it. Order and idempotency are
// the use case's; this module only reads and deletes, each call safe to repeat.
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../adapters/clients.ts';
import { config } from '../adapters/config.ts';
import { clock, DAY_MS } from '../adapters/clock.ts';
import type { Language } from '../core/model.ts';
import { BROWSER_JOB_PARTITION, key } from './schema.ts';
import { isConditionFailure, queryAll, type EventRecord, type RequestRecord } from './store.ts';

/**
 * How long the tombstone stays: long enough for a task already running when the person deleted (a
 * Lambda outlives StopExecution) to find it and stop, and for the status link to keep answering 404.
 */
const TOMBSTONE_DAYS = 30;

/**
 * What replaces the submission item. While the erasure runs (`erasure: 'pending'`) it keeps the
 * address and language for the one confirmation mail, so a crash half-way can be repeated; both are
 * removed when the erasure is done, leaving only the id and the date.
 */
export interface Tombstone {
  id: string;
  status: 'deleted';
  deletedAt: string;
  erasure: 'pending' | 'done';
  mailTo?: string;
  lang?: Language;
  mailState?: 'sending' | 'sent';
  expiresAt: number;
}

type Key = { PK: string; SK: string };

function table(): string {
  return config().tableName;
}

/** The submission item as stored (the submission, or its tombstone), expired or not. */
async function rawSubmission(id: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await ddb().send(new GetCommand({ TableName: table(), Key: key.submission(id), ConsistentRead: true }));
  return Item;
}

/**
 * Replaces the submission with its tombstone, conditionally: only a live submission becomes one.
 * Returns the tombstone of an erasure still to finish (just begun, or cut off earlier), or undefined
 * when there is nothing to erase (unknown id, expired, or erased already).
 */
export async function beginErasure(id: string): Promise<Tombstone | undefined> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const item = await rawSubmission(id);
    if (!item) return undefined;
    if (item.status === 'deleted') return item.erasure === 'pending' ? (strip(item) as unknown as Tombstone) : undefined;
    const expired = typeof item.expiresAt === 'number' && item.expiresAt * 1000 < clock().now().getTime();
    if (expired) return undefined;
    const now = clock().now();
    const tombstone: Tombstone = {
      id,
      status: 'deleted',
      deletedAt: now.toISOString(),
      erasure: 'pending',
      mailTo: item.email as string,
      lang: item.lang as Language,
      expiresAt: Math.floor((now.getTime() + TOMBSTONE_DAYS * DAY_MS) / 1000),
    };
    try {
      await ddb().send(
        new PutCommand({
          TableName: table(),
          Item: { ...key.submission(id), type: 'submission', ...tombstone },
          // The submission as read, not already a tombstone: a concurrent writer makes us read again.
          ConditionExpression: 'attribute_exists(PK) AND #status = :seen',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':seen': item.status },
        }),
      );
      return tombstone;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
  throw new Error(`submission ${id} kept changing while it was being deleted; try again`);
}

/** Claims the one confirmation mail; false if it was claimed before (sent, or being sent). */
export async function claimErasureMail(id: string): Promise<boolean> {
  try {
    await ddb().send(
      new UpdateCommand({
        TableName: table(),
        Key: key.submission(id),
        UpdateExpression: 'SET mailState = :sending',
        ConditionExpression: '#status = :deleted AND attribute_not_exists(mailState)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sending': 'sending', ':deleted': 'deleted' },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Gives the claim back after the mail could not be sent, so a repeated deletion sends it. */
export async function releaseErasureMail(id: string): Promise<void> {
  await ddb()
    .send(
      new UpdateCommand({
        TableName: table(),
        Key: key.submission(id),
        UpdateExpression: 'REMOVE mailState',
        ConditionExpression: '#status = :deleted AND mailState = :sending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sending': 'sending', ':deleted': 'deleted' },
      }),
    )
    .catch((error) => {
      if (!isConditionFailure(error)) throw error;
    });
}

/** The erasure is complete: the tombstone forgets the address and language. */
export async function finishErasure(id: string): Promise<void> {
  await ddb().send(
    new UpdateCommand({
      TableName: table(),
      Key: key.submission(id),
      UpdateExpression: 'SET erasure = :done, mailState = :sent REMOVE mailTo, lang',
      ConditionExpression: '#status = :deleted',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':done': 'done', ':sent': 'sent', ':deleted': 'deleted' },
    }),
  );
}

function strip(item: Record<string, unknown>): Record<string, unknown> {
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _g2, type: _type, ...rest } = item;
  return rest;
}

export interface SubmissionItems {
  /** Every item of the submission's partition except the submission item (the tombstone). */
  keys: Key[];
  requests: RequestRecord[];
  events: EventRecord[];
  /** Stored provider sessions: which provider, when, kept or not (never the sealed cookies). */
  sessions: { provider: string; savedAt?: string; keep?: boolean }[];
}

/** Everything in the submission's partition (requests, events, sessions, notification claims...), expired or not. */
export async function submissionItems(id: string): Promise<SubmissionItems> {
  const result: SubmissionItems = { keys: [], requests: [], events: [], sessions: [] };
  const items = await queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': key.submission(id).PK } });
  for (const item of items) {
    if (item.SK === key.submission(id).SK) continue;
    result.keys.push({ PK: item.PK as string, SK: item.SK as string });
    if (item.type === 'request') result.requests.push(strip(item) as unknown as RequestRecord);
    else if (item.type === 'event') result.events.push(strip(item) as unknown as EventRecord);
    else if (item.type === 'session') {
      result.sessions.push({ provider: (item.SK as string).slice('SESSION#'.length), savedAt: item.savedAt as string, keep: item.keep as boolean });
    }
  }
  return result;
}

/** Deletes items by key, a few at a time (no batch API: the functions' grants name single-item calls). */
export async function deleteItems(keys: Key[], concurrency = 8): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const itemKey = keys[next++]!;
      await ddb().send(new DeleteCommand({ TableName: table(), Key: itemKey }));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, keys.length) }, worker));
  return keys.length;
}

/** Deletes an item outside the partition only if it points to this submission (a pointer never names another's). */
async function deleteIfOwned(itemKey: Key, submissionId: string): Promise<boolean> {
  try {
    await ddb().send(
      new DeleteCommand({
        TableName: table(),
        Key: itemKey,
        ConditionExpression: 'submissionId = :id',
        ExpressionAttributeValues: { ':id': submissionId },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** The Message-ID -> request pointers (MSG#<message-id>) of the submission's letters. */
export async function deleteMessagePointers(submissionId: string, messageIds: Iterable<string>): Promise<number> {
  let deleted = 0;
  for (const messageId of new Set(messageIds)) {
    if (await deleteIfOwned(key.messagePointer(messageId), submissionId)) deleted += 1;
  }
  return deleted;
}

/** The records of inbound mail matched to the submission (MAIL#<sha256 of the raw message>). */
export async function deleteInboundMailRecords(submissionId: string, hashes: Iterable<string>): Promise<number> {
  let deleted = 0;
  for (const hash of new Set(hashes)) {
    if (await deleteIfOwned(key.inboundMail(hash), submissionId)) deleted += 1;
  }
  return deleted;
}

/**
 * The submission's browser-job pointers (PK=BROWSERJOB, SK=<due>#<submission>#<request>), current
 * and stale: one query of that partition, which holds only planned jobs.
 */
export async function deleteBrowserJobPointers(submissionId: string): Promise<number> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk',
    FilterExpression: 'submissionId = :id',
    ExpressionAttributeValues: { ':pk': BROWSER_JOB_PARTITION, ':id': submissionId },
    ProjectionExpression: 'PK, SK',
  });
  return deleteItems(items.map((item) => ({ PK: item.PK as string, SK: item.SK as string })));
}
