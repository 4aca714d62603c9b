// The outbox's table items (app/outbox.ts): one letter record per letter id, claimed with a conditional
// put before SES is called and moved through its states with conditional updates; and, on AWS, the
// delivery log: one record per letter id that SES reported sent (a Send event, app/outbox.ts
// recordSesSend). Letter records live in the submission's partition, so deleting a person's data
// deletes them with everything else.
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../adapters/clients.ts';
import { config } from '../adapters/config.ts';
import { key } from './schema.ts';
import { expiresAt, isConditionFailure } from './store.ts';

/**
 * claimed: rendered and stored, its lifecycle event not yet applied; sending: the event applied, SES
 * may have been called (a re-run asks the delivery log first); sent: SES (or the SMTP server)
 * accepted it; filed: a draft for the person, stored with its event and never sent by itself (the
 * complaint draft goes out attached to the person's next mail); void: its event no longer applied
 * when it was claimed (never sent).
 */
export type LetterState = 'claimed' | 'sending' | 'sent' | 'filed' | 'void';

export interface LetterRecord {
  letterId: string;
  submissionId: string;
  requestId: string;
  kind: string;
  state: LetterState;
  /** The letter's date (clock time of the claim): every re-render and the event use it. */
  claimedAt: string;
  /** Clock time the last send began; the grace period of a letter in doubt counts from it. */
  sendingSince?: string;
  /** How many times SES (or SMTP) was called for it (more than 1 only after the log showed no send). */
  sends: number;
  messageId: string;
  /** The exact MIME that goes out (evidence store), resent byte for byte. */
  evidenceKey: string;
  to: string[];
  cc?: string[];
  sesMessageId?: string;
  sentAt?: string;
  expiresAt: number;
}

function table(): string {
  return config().tableName;
}

export async function getLetter(submissionId: string, letterId: string): Promise<LetterRecord | undefined> {
  const { Item } = await ddb().send(new GetCommand({ TableName: table(), Key: key.letter(submissionId, letterId), ConsistentRead: true }));
  if (!Item) return undefined;
  const { PK: _pk, SK: _sk, type: _type, ...rest } = Item;
  return rest as LetterRecord;
}

/** Claims the letter id; false when a record exists already (another run claimed it). */
export async function claimLetter(letter: Omit<LetterRecord, 'expiresAt'>): Promise<boolean> {
  try {
    await ddb().send(
      new PutCommand({
        TableName: table(),
        Item: { ...key.letter(letter.submissionId, letter.letterId), type: 'letter', ...letter, expiresAt: expiresAt() },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/**
 * Moves the letter from `from` to `to` with `patch`; `since` (when given) must still be the record's
 * sendingSince, so of two runs resending a letter in doubt only one wins. Returns false if it lost.
 */
export async function moveLetter(
  letter: Pick<LetterRecord, 'submissionId' | 'letterId'>,
  from: LetterState,
  to: LetterState,
  patch: Partial<LetterRecord> = {},
  since?: string,
): Promise<boolean> {
  const fields = Object.entries({ ...patch, state: to }).filter(([, v]) => v !== undefined);
  const names: Record<string, string> = { '#state': 'state' };
  const values: Record<string, unknown> = { ':from': from };
  const sets = fields.map(([field, value], i) => {
    names[`#f${i}`] = field;
    values[`:v${i}`] = value;
    return `#f${i} = :v${i}`;
  });
  let condition = '#state = :from';
  if (since !== undefined) {
    names['#since'] = 'sendingSince';
    values[':since'] = since;
    condition += ' AND #since = :since';
  }
  try {
    await ddb().send(
      new UpdateCommand({
        TableName: table(),
        Key: key.letter(letter.submissionId, letter.letterId),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** AWS delivery log: SES reported the letter sent (a Send event carrying its `letter` tag). */
export async function recordDelivery(letterId: string, sesMessageId: string, at: string): Promise<boolean> {
  try {
    await ddb().send(
      new PutCommand({
        TableName: table(),
        Item: { ...key.delivery(letterId), type: 'delivery', letterId, sesMessageId, at, expiresAt: expiresAt() },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function findDelivery(letterId: string): Promise<{ sesMessageId: string; at: string } | undefined> {
  const { Item } = await ddb().send(new GetCommand({ TableName: table(), Key: key.delivery(letterId), ConsistentRead: true }));
  return Item ? { sesMessageId: Item.sesMessageId as string, at: Item.at as string } : undefined;
}
