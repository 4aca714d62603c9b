// Expiry in the local runtime (infra/local/retention.ts): dynalite has no TTL, so the sweep deletes
// items whose `expiresAt` (epoch seconds, the table's TTL attribute) has passed. On AWS DynamoDB's TTL
// does this and nothing calls it. The one Scan of the table; it runs on a timer, never on a request.
import { DeleteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../adapters/clients.ts';
import { config } from '../adapters/config.ts';
import { isConditionFailure } from './store.ts';

/** Deletes the items expired at `nowSeconds`; returns how many. */
export async function deleteExpiredItems(nowSeconds: number): Promise<number> {
  let deleted = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await ddb().send(
      new ScanCommand({
        TableName: config().tableName,
        FilterExpression: 'expiresAt < :now',
        ExpressionAttributeValues: { ':now': nowSeconds },
        ProjectionExpression: 'PK, SK, expiresAt',
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      try {
        // Only if nobody moved the expiry since the scan (an item written again lives on).
        await ddb().send(
          new DeleteCommand({
            TableName: config().tableName,
            Key: { PK: item.PK, SK: item.SK },
            ConditionExpression: 'expiresAt = :seen',
            ExpressionAttributeValues: { ':seen': item.expiresAt },
          }),
        );
        deleted += 1;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return deleted;
}
