// The single-table layout: one source of truth for the local table (created in dynalite) and the
// CDK TableV2. Every access pattern that exists, and the functions/data module that reads and writes
// it; nothing outside functions/data touches the table (test/unit/table-access.test.ts checks both).
//
//   pattern                            key                                              module
//   submission (or its tombstone) .... PK=SUB#<id>, SK=#SUB                              store.ts, erase.ts
//   a submission's requests + events . PK=SUB#<id>, SK begins_with REQ#                  store.ts
//   everything of a submission ....... PK=SUB#<id> (the items marked SUB# below)         erase.ts (export, erasure)
//   request by reply token ........... GSI1: GSI1PK=REPLY#<token>, GSI1SK=REQ             store.ts
//   request by a letter's Message-ID . PK=MSG#<message-id>, SK=#MSG (pointer)            store.ts, erase.ts
//   provider session (sealed) ........ PK=SUB#<id>, SK=SESSION#<provider>                sessions.ts
//   outbox letter .................... PK=SUB#<id>, SK=LETTER#<letter id>                outbox.ts
//   status mail claim ................ PK=SUB#<id>, SK=NOTIFY#summary | NOTIFY#<request>#<change key>   app/notify.ts (via store.ts putItem)
//   digest: a pending change ......... PK=SUB#<id>, SK=DIGESTCHANGE#<at>#<request>#<change key>         digest.ts
//   digest: next, last, send claim ... PK=SUB#<id>, SK=DIGEST#NEXT | DIGEST#LAST | DIGEST#SENT#<due>    digest.ts
//   due digests ...................... PK=DIGESTJOB, SK=<due ISO>#<id> (one query)       digest.ts
//   due browser jobs ................. PK=BROWSERJOB, SK=<due ISO>#<id>#<request> (one query)          browser-jobs.ts
//   scheduled run claim .............. PK=SCHEDULE, SK=<schedule>#<event time>           scheduled-runs.ts
//   inbound message by hash .......... PK=MAIL#<sha256>, SK=#MAIL (dedupe + record)      inbound.ts, erase.ts
//   unmatched inbound mail ........... PK=UNMATCHED, SK=<at>#<sha256>                    inbound.ts
//   delivery log record (AWS) ........ PK=SENT#<letter id>, SK=#SENT (SES Send events)   outbox.ts
//   catalog contact health ........... PK=CONTACT#<provider>, SK=<address>               contacts.ts
//   abuse limit (sliding window) ..... PK=LIMIT#<scope>#<sha256 of the subject>, SK=#LIMIT             limits.ts
//   daily counter .................... PK=COUNT#<name>, SK=<UTC day>                     limits.ts
//   IMAP inbox cursor ................ PK=INBOX#<account>, SK=<mailbox> (personal mode)  mailbox.ts
//   workflow execution (local only) .. PK=EXEC, SK=<execution name>                      executions.ts
//   expired items (local only) ....... Scan, FilterExpression expiresAt < now            retention.ts (DynamoDB's TTL on AWS)
//
// Items expire through the TTL attribute `expiresAt` (epoch seconds); reads treat expired items as gone.
export const TABLE_KEYS = {
  partitionKey: 'PK',
  sortKey: 'SK',
  gsi1: { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
  ttlAttribute: 'expiresAt',
} as const;

/** The partition of the browser-job pointers: one query finds the due ones (browser-jobs.ts). */
export const BROWSER_JOB_PARTITION = 'BROWSERJOB';

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
  browserJob: (due: string, submissionId: string, requestId: string) => ({ PK: BROWSER_JOB_PARTITION, SK: `${due}#${submissionId}#${requestId}` }),
  scheduledRun: (schedule: string, time: string) => ({ PK: 'SCHEDULE', SK: `${schedule}#${time}` }),
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
