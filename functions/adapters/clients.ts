// The only place that creates AWS SDK clients. Each is created once, on first use, from config():
// with a local endpoint (dynalite, SES emulator) when one is set, against AWS otherwise.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { config } from './config.ts';

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

let documentClient: DynamoDBDocumentClient | undefined;
let sesClient: SESv2Client | undefined;
let sesOnceClient: SESv2Client | undefined;

export function ddb(): DynamoDBDocumentClient {
  if (!documentClient) {
    const { region, dynamoEndpoint } = config();
    const client = new DynamoDBClient(
      dynamoEndpoint ? { region, endpoint: dynamoEndpoint, credentials: LOCAL_CREDENTIALS } : { region },
    );
    documentClient = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }
  return documentClient;
}

export function ses(): SESv2Client {
  if (!sesClient) {
    const { region, sesEndpoint } = config();
    sesClient = new SESv2Client(
      sesEndpoint ? { region, endpoint: sesEndpoint, credentials: LOCAL_CREDENTIALS } : { region },
    );
  }
  return sesClient;
}

/**
 * SES without the SDK's retries, for letters (adapters/mailer.ts sendRawMail): a retry after a lost
 * response would send the letter twice, so the outbox resolves it from the delivery log instead.
 */
export function sesOnce(): SESv2Client {
  if (!sesOnceClient) {
    const { region, sesEndpoint } = config();
    sesOnceClient = new SESv2Client(
      sesEndpoint ? { region, endpoint: sesEndpoint, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 } : { region, maxAttempts: 1 },
    );
  }
  return sesOnceClient;
}

/** Drops the cached clients (tests and the local runtime re-point them after changing settings). */
export function resetClients(): void {
  documentClient?.destroy();
  sesClient?.destroy();
  sesOnceClient?.destroy();
  documentClient = undefined;
  sesClient = undefined;
  sesOnceClient = undefined;
}
