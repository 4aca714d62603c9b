// Counters behind the public form's abuse limits (functions/app/limits.ts), in the table so that they
// hold across Lambda instances and restarts alike. Subjects (an email or client address) are stored
// only as a SHA-256 hash, and every item expires with its window.
import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../adapters/clients.ts';
import { config } from '../adapters/config.ts';
import { key } from './schema.ts';
import { isConditionFailure } from './store.ts';

export type Slot = { ok: true } | { ok: false; retryAt: Date };

function hash(subject: string): string {
  return createHash('sha256').update(subject).digest('hex');
}

/**
 * Sliding window: takes one of `max` slots that `subject` has per `windowMs`, or says when the oldest
 * slot frees up. Optimistic: the write is conditional on the version read, and retried on a race.
 */
export async function takeSlot(scope: string, subject: string, max: number, windowMs: number, now: Date): Promise<Slot> {
  const itemKey = key.limit(scope, hash(subject));
  for (let attempt = 0; attempt < 5; attempt++) {
    const { Item } = await ddb().send(new GetCommand({ TableName: config().tableName, Key: itemKey, ConsistentRead: true }));
    const version = (Item?.version as number | undefined) ?? 0;
    const recent = ((Item?.times as number[] | undefined) ?? []).filter((t) => t > now.getTime() - windowMs).sort((a, b) => a - b);
    if (recent.length >= max) return { ok: false, retryAt: new Date(recent[recent.length - max]! + windowMs) };
    try {
      await ddb().send(
        new PutCommand({
          TableName: config().tableName,
          Item: {
            ...itemKey,
            type: 'limit',
            times: [...recent, now.getTime()],
            version: version + 1,
            expiresAt: Math.ceil((now.getTime() + windowMs) / 1000),
          },
          ConditionExpression: Item ? 'version = :v' : 'attribute_not_exists(PK)',
          ExpressionAttributeValues: Item ? { ':v': version } : undefined,
        }),
      );
      return { ok: true };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
  // Five writers raced for the same subject at once: that is itself a burst; refuse this one.
  return { ok: false, retryAt: new Date(now.getTime() + 1000) };
}

/** Counts one more for `name` on the UTC day of `now`, unless the day already has `max`. Atomic. */
export async function countDaily(name: string, max: number, now: Date): Promise<Slot> {
  const day = now.toISOString().slice(0, 10);
  const nextDay = new Date(`${day}T00:00:00Z`).getTime() + 86_400_000;
  try {
    await ddb().send(
      new UpdateCommand({
        TableName: config().tableName,
        Key: key.dailyCount(name, day),
        UpdateExpression: 'ADD #n :one SET #type = :type, expiresAt = :expires',
        ConditionExpression: 'attribute_not_exists(#n) OR #n < :max',
        ExpressionAttributeNames: { '#n': 'count', '#type': 'type' },
        ExpressionAttributeValues: { ':one': 1, ':max': max, ':type': 'count', ':expires': Math.ceil(nextDay / 1000) + 86_400 },
      }),
    );
    return { ok: true };
  } catch (error) {
    if (isConditionFailure(error)) return { ok: false, retryAt: new Date(nextDay) };
    throw error;
  }
}
