// A runtime (functions/runtime/ports.ts) of in-memory stand-ins, for unit tests of the use cases:
// mail into an array (and the delivery log read from it), evidence in a Map, a steppable clock, a
// fixed signing key, a workflow starter that records its calls, sealing without a key file, and the
// table in dynalite kept in memory (memoryTable). Run the code under test inside it with runWith.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { simpleParser } from 'mailparser';
import { createDocumentClient, type TablePort } from '../../functions/adapters/clients.ts';
import type { Clock } from '../../functions/adapters/clock.ts';
import { loadConfig } from '../../functions/adapters/config.ts';
import type { DeliveryQuery } from '../../functions/adapters/delivery-log.ts';
import { zoneResolver } from '../../functions/adapters/dns.ts';
import type { OutgoingMail } from '../../functions/adapters/mailer.ts';
import { SecretOpenError } from '../../functions/adapters/secrets.ts';
import { createTableInput } from '../../functions/data/schema.ts';
import type { MailSend, Runtime } from '../../functions/runtime/ports.ts';

/** The settings every test runtime starts from (the required ones), overridden by `env`. */
export const TEST_ENV: Record<string, string> = {
  AWS_REGION: 'local',
  TABLE_NAME: 'optout',
  OPTOUT_FROM_ADDRESS: 'optout@autopilot.localhost',
  OPTOUT_INBOUND_DOMAIN: 'in.autopilot.localhost',
  OPTOUT_PUBLIC_URL: 'http://127.0.0.1:3000',
};

export interface SteppableClock extends Clock {
  /** Moves the clock on by `ms`. */
  advance(ms: number): void;
  set(at: Date): void;
}

export function steppableClock(start: Date): SteppableClock {
  let at = start.getTime();
  return {
    speed: 1,
    now: () => new Date(at),
    realSecondsUntil: (until) => Math.max(0, Math.ceil((until.getTime() - at) / 1000)),
    advance(ms) {
      at += ms;
    },
    set(next) {
      at = next.getTime();
    },
  };
}

export interface SentMail extends MailSend {
  mail: OutgoingMail;
}

export interface MemoryRuntime extends Runtime {
  clock: SteppableClock;
  /** Every message the mail service accepted, in order. */
  sent: SentMail[];
  /** Evidence by object key. */
  stored: Map<string, Buffer>;
  /** Every workflow start and stop, in order. */
  workflowCalls: { op: 'start' | 'stop'; name: string; input?: { submissionId: string } }[];
  /**
   * Makes the next send fail after the service accepted it (the message is in `sent`, the caller sees
   * an error): a lost answer. Or, with 'before', fail without sending.
   */
  failNextSend(when: 'after' | 'before', error?: Error): void;
}

const normalize = (text: string | undefined) => (text ?? '').replace(/\r\n/g, '\n').trim();

const failingTable: TablePort = {
  send: () => Promise.reject(new Error('this test runtime has no table (pass memoryTable().table)')),
};

export function memoryRuntime(options: { env?: Record<string, string>; table?: TablePort; now?: Date } = {}): MemoryRuntime {
  const settings = loadConfig({ ...TEST_ENV, ...options.env });
  const sent: SentMail[] = [];
  const stored = new Map<string, Buffer>();
  const workflowCalls: MemoryRuntime['workflowCalls'] = [];
  let nextFailure: { when: 'after' | 'before'; error: Error } | undefined;
  let sequence = 0;
  return {
    settings,
    table: options.table ?? failingTable,
    clock: steppableClock(options.now ?? new Date('2026-03-02T09:00:00Z')),
    sent,
    stored,
    workflowCalls,
    failNextSend(when, error = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })) {
      nextFailure = { when, error };
    },
    mail: {
      async send(message) {
        const failure = nextFailure;
        nextFailure = undefined;
        if (failure?.when === 'before') throw failure.error;
        sent.push(message);
        if (failure?.when === 'after') throw failure.error;
        sequence += 1;
        return { sesMessageId: `memory-${sequence}` };
      },
    },
    evidence: {
      async put(key, body) {
        stored.set(key, Buffer.from(body));
      },
      async get(key) {
        const body = stored.get(key);
        if (!body) throw Object.assign(new Error(`no evidence ${key}`), { code: 'ENOENT' });
        return body;
      },
      async deletePrefixes(prefixes) {
        let deleted = 0;
        for (const key of [...stored.keys()]) {
          if (prefixes.some((p) => key.startsWith(p))) {
            stored.delete(key);
            deleted += 1;
          }
        }
        return deleted;
      },
    },
    secrets: {
      async seal(plaintext, context) {
        return `mem.${Buffer.from(context).toString('base64url')}.${plaintext.toString('base64url')}`;
      },
      async open(sealed, context) {
        const [, sealedFor, body] = sealed.split('.');
        if (sealedFor !== Buffer.from(context).toString('base64url')) throw new SecretOpenError(`sealed for another context than "${context}"`);
        return Buffer.from(body ?? '', 'base64url');
      },
    },
    signing: { key: async () => Buffer.alloc(32, 7) },
    workflow: {
      async start(name, input) {
        workflowCalls.push({ op: 'start', name, input });
      },
      async stop(name) {
        workflowCalls.push({ op: 'stop', name });
      },
    },
    dns: () => zoneResolver({}),
    /** Read from `sent`, the way the SES emulator's store is read (adapters/delivery-log.ts): recipients, subject and text of the MIME. */
    deliveryLog: {
      async find(query: DeliveryQuery) {
        const to = query.to.map((a) => a.toLowerCase());
        for (const [index, m] of sent.entries()) {
          if (!to.every((a) => m.mail.to.some((t) => t.toLowerCase() === a))) continue;
          const parsed = await simpleParser(m.raw);
          if (parsed.subject === query.subject && normalize(parsed.text) === normalize(query.text)) return { sesMessageId: `memory-log-${index + 1}` };
        }
        return undefined;
      },
    },
  };
}

/** A table in dynalite that keeps its data in memory, created from functions/data/schema.ts. */
export async function memoryTable(tableName = 'optout'): Promise<{ table: TablePort; close(): Promise<void> }> {
  const server: Server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const admin = new DynamoDBClient({ region: 'local', endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await admin.send(new CreateTableCommand(createTableInput(tableName)));
  // createTableMs: 0 makes it ACTIVE on dynalite's next tick; ask until it says so (at most 100 times).
  for (let i = 0; ; i++) {
    const { Table } = await admin.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') break;
    if (i === 100) throw new Error(`dynalite table ${tableName} is not ACTIVE`);
  }
  admin.destroy();
  const table = createDocumentClient({ region: 'local', dynamoEndpoint: endpoint });
  return {
    table,
    async close() {
      table.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
