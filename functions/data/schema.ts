// The single-table layout: one source of truth for the local table (created in dynalite) and the
// CDK TableV2. Access patterns:
//   submission by id ................ PK=SUB#<id>, SK=#SUB
//   a submission's requests+events .. PK=SUB#<id>, SK begins_with REQ#
//   request by reply token .......... GSI1: GSI1PK=REPLY#<token>
//   request by a letter's Message-ID  PK=MSG#<message-id>, SK=#MSG (pointer item)
//   inbound message by hash ......... PK=MAIL#<sha256>, SK=#MAIL (dedupe + evidence record)
//   unmatched inbound mail .......... PK=UNMATCHED, SK=<at>#<sha256>
//   provider session (sealed) ....... PK=SUB#<id>, SK=SESSION#<provider>
//   local workflow executions ....... PK=EXEC, SK=<execution name>   (local runtime only)
//   catalog contact health .......... PK=CONTACT#<provider>, SK=<address>
//   abuse limit (sliding window) .... PK=LIMIT#<scope>#<sha256 of the subject>, SK=#LIMIT
//   daily counter ................... PK=COUNT#<name>, SK=<UTC day>
//   IMAP inbox cursor ............... PK=INBOX#<account>, SK=<mailbox>   (personal mode only)
//   outbox letter (app/outbox.ts) ... PK=SUB#<id>, SK=LETTER#<letter id>
//   delivery log record (AWS) ....... PK=SENT#<letter id>, SK=#SENT     (from SES Send events)
export const TABLE_KEYS = {
  partitionKey: 'PK',
  sortKey: 'SK',
  gsi1: { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
  ttlAttribute: 'expiresAt',
} as const;

export const key = {
  submission: (id: string) => ({ PK: `SUB#${id}`, SK: '#SUB' }),
  request: (submissionId: string, requestId: string) => ({ PK: `SUB#${submissionId}`, SK: `REQ#${requestId}` }),
  event: (submissionId: string, requestId: string, eventKey: string) => ({
    PK: `SUB#${submissionId}`,
    SK: `REQ#${requestId}#EV#${eventKey}`,
  }),
  messagePointer: (messageId: string) => ({ PK: `MSG#${messageId.replace(/^<|>$/g, '')}`, SK: '#MSG' }),
  inboundMail: (hash: string) => ({ PK: `MAIL#${hash}`, SK: '#MAIL' }),
  unmatched: (at: string, hash: string) => ({ PK: 'UNMATCHED', SK: `${at}#${hash}` }),
  session: (submissionId: string, provider: string) => ({ PK: `SUB#${submissionId}`, SK: `SESSION#${provider}` }),
  execution: (name: string) => ({ PK: 'EXEC', SK: name }),
  contact: (provider: string, address: string) => ({ PK: `CONTACT#${provider}`, SK: address.toLowerCase() }),
  limit: (scope: string, subjectHash: string) => ({ PK: `LIMIT#${scope}#${subjectHash}`, SK: '#LIMIT' }),
  dailyCount: (name: string, day: string) => ({ PK: `COUNT#${name}`, SK: day }),
  inboxCursor: (account: string, mailbox: string) => ({ PK: `INBOX#${account.toLowerCase()}`, SK: mailbox }),
  letter: (submissionId: string, letterId: string) => ({ PK: `SUB#${submissionId}`, SK: `LETTER#${letterId}` }),
  delivery: (letterId: string) => ({ PK: `SENT#${letterId}`, SK: '#SENT' }),
};

/** CreateTable input for dynalite (the same shape CDK declares). */
export function createTableInput(tableName: string) {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [
      { AttributeName: 'PK', AttributeType: 'S' as const },
      { AttributeName: 'SK', AttributeType: 'S' as const },
      { AttributeName: 'GSI1PK', AttributeType: 'S' as const },
      { AttributeName: 'GSI1SK', AttributeType: 'S' as const },
    ],
    KeySchema: [
      { AttributeName: 'PK', KeyType: 'HASH' as const },
      { AttributeName: 'SK', KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: 'GSI1',
        KeySchema: [
          { AttributeName: 'GSI1PK', KeyType: 'HASH' as const },
          { AttributeName: 'GSI1SK', KeyType: 'RANGE' as const },
        ],
        Projection: { ProjectionType: 'ALL' as const },
      },
    ],
  };
}
