// The only place that creates the DynamoDB and SES clients: with a local endpoint (dynalite, the SES
// emulator) when the settings name one, against AWS otherwise. The composition root
// (functions/runtime/compose.ts) calls these once per runtime; ddb() is the current runtime's table.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { runtime } from '../runtime/scope.ts';
import type { Config } from './config.ts';

/** What functions/data calls on the table (the runtime's port, functions/runtime/ports.ts). */
export type TablePort = Pick<DynamoDBDocumentClient, 'send'>;

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** The table of the runtime that is running (functions/data is its only user). */
export function ddb(): TablePort {
  return runtime().table;
}

export function createDocumentClient({ region, dynamoEndpoint }: Pick<Config, 'region' | 'dynamoEndpoint'>): DynamoDBDocumentClient {
  const client = new DynamoDBClient(dynamoEndpoint ? { region, endpoint: dynamoEndpoint, credentials: LOCAL_CREDENTIALS } : { region });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

/**
 * SES v2. `once`: without the SDK's retries, for letters (adapters/mailer.ts): a retry after a lost
 * response would send the letter twice, so the outbox resolves it from the delivery log instead.
 */
export function createSesClient({ region, sesEndpoint }: Pick<Config, 'region' | 'sesEndpoint'>, once: boolean): SESv2Client {
  const retries = once ? { maxAttempts: 1 } : {};
  return new SESv2Client(sesEndpoint ? { region, endpoint: sesEndpoint, credentials: LOCAL_CREDENTIALS, ...retries } : { region, ...retries });
}
