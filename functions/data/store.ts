// Reads and writes of the one table. Status changes are conditional on the expected current status,
// so two writers cannot both win (data/lifecycle.ts applyEvent names the event of each); idempotent
// writes use attribute_not_exists on a deterministic key.
import { randomBytes } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, type QueryCommandInput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Basis, ChannelType, Language, RequestStatus, SubmissionStatus } from '../core/model.ts';
import type { Law } from '../core/jurisdiction.ts';
import type { Grounds } from '../core/grounds.ts';
import type { SignedAuthorization } from '../core/authorization.ts';
import { ddb } from '../adapters/clients.ts';
import { config } from '../adapters/config.ts';
import { clock, DAY_MS } from '../adapters/clock.ts';
import { key, TABLE_KEYS } from './schema.ts';

export class NotFoundError extends Error {}
export class StatusConflictError extends Error {}

export interface AccountInput {
  provider: string;
  identifier: string;
}

export interface Submission {
  id: string;
  name: string;
  email: string;
  jurisdiction: string;
  lang: Language;
  status: SubmissionStatus;
  accounts: AccountInput[];
  /** The person's own grounds for an objection, if they gave any (core/grounds.ts). */
  grounds?: Grounds;
  createdAt: string;
  verifiedAt?: string;
  /** The person's signed authorization of the operator as their agent (core/authorization.ts); absent on submissions made before it existed. */
  authorization?: SignedAuthorization;
  /** Evidence key of its PDF once stored (letters/<id>/authorization.pdf). */
  authorizationPdf?: string;
  expiresAt: number;
}

export type RequestChannel = ChannelType | 'none';

export interface RequestRecord {
  submissionId: string;
  id: string;
  provider: string;
  identifier: string;
  basis: Basis;
  law: Law;
  lang: Language;
  channel: RequestChannel;
  /** The address or URL the request goes to. */
  target?: string;
  status: RequestStatus;
  reference: string;
  replyToken: string;
  createdAt: string;
  updatedAt: string;
  sentAt?: string;
  dueDate?: string;
  extended?: boolean;
  reminders: number;
  remindedAt?: string;
  finalNoticeAt?: string;
  escalatedAt?: string;
  /** What the person must do, and where, when the status is needs_user_action. */
  userAction?: string;
  deepLink?: string;
  messageId?: string;
  /** The outbox letter whose lifecycle event was applied last (app/outbox.ts): a re-run knows it was its own. */
  outboxLetter?: string;
  /** SES's id of the first letter on records written before the outbox (now in each letter's event data). */
  sesMessageId?: string;
  /** Due time of the request's planned browser job (re-check or late first try), if any. */
  browserJobAt?: string;
  expiresAt: number;
}

export interface EventRecord {
  submissionId: string;
  requestId: string;
  key: string;
  at: string;
  kind: string;
  detail: string;
  evidence?: string[];
  data?: Record<string, string | number | boolean | null>;
}

function table(): string {
  return config().tableName;
}

export function expiresAt(from = clock().now()): number {
  return Math.floor((from.getTime() + config().retentionDays * DAY_MS) / 1000);
}

function isExpired(item: { expiresAt?: number }): boolean {
  // DynamoDB deletes expired items within days, and dynalite never does: expired means gone.
  return item.expiresAt !== undefined && item.expiresAt * 1000 < clock().now().getTime();
}

function strip<T>(item: Record<string, unknown>): T {
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _g2, type: _type, ...rest } = item;
  return rest as T;
}

export function isConditionFailure(error: unknown): boolean {
  return error instanceof ConditionalCheckFailedException || (error as Error)?.name === 'ConditionalCheckFailedException';
}

export function newId(bytes = 12): string {
  return randomBytes(bytes).toString('base64url');
}

// ---- submissions ----

export async function createSubmission(submission: Submission): Promise<void> {
  await ddb().send(
    new PutCommand({
      TableName: table(),
      Item: { ...key.submission(submission.id), type: 'submission', ...submission },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

export async function getSubmission(id: string): Promise<Submission | undefined> {
  const { Item } = await ddb().send(new GetCommand({ TableName: table(), Key: key.submission(id), ConsistentRead: true }));
  // A tombstone (the person deleted everything, functions/data/erase.ts) is no submission: 404 everywhere.
  if (!Item || isExpired(Item) || Item.status === 'deleted') return undefined;
  return strip<Submission>(Item);
}

/** Moves a submission from one of `from` to `to`; returns false if it was not in one of `from`. */
export async function transitionSubmission(id: string, from: SubmissionStatus[], to: SubmissionStatus, patch: Partial<Submission> = {}): Promise<boolean> {
  try {
    await update(key.submission(id), { ...patch, status: to }, { status: from });
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Sets fields of an existing submission other than its status (transitionSubmission moves that). */
export async function updateSubmission(id: string, patch: Omit<Partial<Submission>, 'status' | 'id'>): Promise<void> {
  await update(key.submission(id), patch, {});
}

// ---- requests ----

/** Creates the request unless it exists; returns the stored one either way. */
export async function ensureRequest(request: RequestRecord): Promise<RequestRecord> {
  try {
    await ddb().send(
      new PutCommand({
        TableName: table(),
        Item: {
          ...key.request(request.submissionId, request.id),
          [TABLE_KEYS.gsi1.partitionKey]: `REPLY#${request.replyToken}`,
          [TABLE_KEYS.gsi1.sortKey]: 'REQ',
          type: 'request',
          ...request,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return request;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return getRequest(request.submissionId, request.id);
  }
}

export async function getRequest(submissionId: string, requestId: string): Promise<RequestRecord> {
  const { Item } = await ddb().send(new GetCommand({ TableName: table(), Key: key.request(submissionId, requestId), ConsistentRead: true }));
  if (!Item) throw new NotFoundError(`request ${submissionId}/${requestId} not found`);
  return strip<RequestRecord>(Item);
}

/**
 * Updates a request on the condition that its status is one of `from` (when given).
 * Throws StatusConflictError when another writer changed it first. Status writes go through
 * data/lifecycle.ts applyEvent, which names the lifecycle event; other callers patch other fields.
 */
export async function updateRequest(
  submissionId: string,
  requestId: string,
  patch: Partial<RequestRecord>,
  expect: { status?: RequestStatus[] } = {},
): Promise<void> {
  try {
    await update(key.request(submissionId, requestId), { ...patch, updatedAt: clock().now().toISOString() }, expect);
  } catch (error) {
    if (isConditionFailure(error)) {
      throw new StatusConflictError(`request ${requestId} is not in status ${expect.status?.join('/') ?? '(any)'}; another writer changed it`);
    }
    throw error;
  }
}

export async function findRequestByReplyToken(token: string): Promise<RequestRecord | undefined> {
  const { Items } = await ddb().send(
    new QueryCommand({
      TableName: table(),
      IndexName: TABLE_KEYS.gsi1.indexName,
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': `REPLY#${token}` },
    }),
  );
  const item = Items?.[0];
  return item ? strip<RequestRecord>(item) : undefined;
}

// ---- events ----

/** Appends an event; with a deterministic key a second write is a no-op. Returns true if new. */
export async function addEvent(event: Omit<EventRecord, 'key'> & { key?: string }): Promise<boolean> {
  const eventKey = event.key ?? `${event.at}#${newId(6)}`;
  try {
    await ddb().send(
      new PutCommand({
        TableName: table(),
        Item: { ...key.event(event.submissionId, event.requestId, eventKey), type: 'event', ...event, key: eventKey, expiresAt: expiresAt() },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function getEvent(submissionId: string, requestId: string, eventKey: string): Promise<EventRecord | undefined> {
  const { Item } = await ddb().send(new GetCommand({ TableName: table(), Key: key.event(submissionId, requestId, eventKey), ConsistentRead: true }));
  return Item ? strip<EventRecord>(Item) : undefined;
}

/** All requests of a submission with their events (one query, paginated). */
export async function listRequests(submissionId: string): Promise<{ requests: RequestRecord[]; events: EventRecord[] }> {
  const requests: RequestRecord[] = [];
  const events: EventRecord[] = [];
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :req)',
    ExpressionAttributeValues: { ':pk': `SUB#${submissionId}`, ':req': 'REQ#' },
  });
  for (const item of items) {
    if (item.type === 'request') requests.push(strip<RequestRecord>(item));
    else if (item.type === 'event') events.push(strip<EventRecord>(item));
  }
  events.sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
  requests.sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }));
  return { requests, events };
}

// ---- message pointers (Message-ID -> request) ----

export async function putMessagePointer(messageId: string, submissionId: string, requestId: string): Promise<void> {
  await ddb().send(
    new PutCommand({
      TableName: table(),
      Item: { ...key.messagePointer(messageId), type: 'message', submissionId, requestId, expiresAt: expiresAt() },
    }),
  );
}

export async function findByMessageId(messageId: string): Promise<{ submissionId: string; requestId: string } | undefined> {
  const { Item } = await ddb().send(new GetCommand({ TableName: table(), Key: key.messagePointer(messageId) }));
  return Item ? { submissionId: Item.submissionId as string, requestId: Item.requestId as string } : undefined;
}

// ---- generic items (the other modules of functions/data build on these) ----

export async function putItem(itemKey: { PK: string; SK: string }, attributes: Record<string, unknown>, onlyIfAbsent = false): Promise<boolean> {
  try {
    await ddb().send(
      new PutCommand({
        TableName: table(),
        Item: { ...attributes, ...itemKey },
        ConditionExpression: onlyIfAbsent ? 'attribute_not_exists(PK)' : undefined,
      }),
    );
    return true;
  } catch (error) {
    if (onlyIfAbsent && isConditionFailure(error)) return false;
    throw error;
  }
}

export async function getItem<T>(itemKey: { PK: string; SK: string }): Promise<T | undefined> {
  const { Item } = await ddb().send(new GetCommand({ TableName: table(), Key: itemKey, ConsistentRead: true }));
  if (!Item || isExpired(Item)) return undefined;
  return strip<T>(Item);
}

/** Every item a query finds, page after page, read consistently (raw: table keys included, expired too). */
export async function queryAll(query: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'ConsistentRead'>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await ddb().send(new QueryCommand({ ...query, TableName: table(), ExclusiveStartKey: startKey, ConsistentRead: true }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

export async function queryPartition<T>(pk: string): Promise<T[]> {
  const items = await queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk } });
  return items.filter((item) => !isExpired(item)).map((item) => strip<T>(item));
}

export async function updateItem(itemKey: { PK: string; SK: string }, patch: Record<string, unknown>): Promise<void> {
  await update(itemKey, patch, {});
}

export async function deleteItem(itemKey: { PK: string; SK: string }): Promise<void> {
  await ddb().send(new DeleteCommand({ TableName: table(), Key: itemKey }));
}

/** Like updateItem, but a missing item is no error; returns whether it existed. */
export async function updateItemIfExists(itemKey: { PK: string; SK: string }, patch: Record<string, unknown>): Promise<boolean> {
  try {
    await update(itemKey, patch, {});
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

async function update(itemKey: { PK: string; SK: string }, patch: Record<string, unknown>, expect: { status?: string[] }): Promise<void> {
  const names: Record<string, string> = { '#pk': 'PK' };
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const removes: string[] = [];
  Object.entries(patch).forEach(([field, value], i) => {
    names[`#f${i}`] = field;
    if (value === undefined) removes.push(`#f${i}`);
    else {
      values[`:v${i}`] = value;
      sets.push(`#f${i} = :v${i}`);
    }
  });
  let condition = 'attribute_exists(#pk)';
  if (expect.status?.length) {
    names['#status'] = 'status';
    const placeholders = expect.status.map((status, i) => {
      values[`:s${i}`] = status;
      return `:s${i}`;
    });
    condition += ` AND #status IN (${placeholders.join(', ')})`;
  }
  const expression = [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : ''].filter(Boolean).join(' ');
  await ddb().send(
    new UpdateCommand({
      TableName: table(),
      Key: itemKey,
      UpdateExpression: expression,
      ConditionExpression: condition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: Object.keys(values).length ? values : undefined,
    }),
  );
}
