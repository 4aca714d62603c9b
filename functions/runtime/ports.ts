// The ports the use cases (functions/app) and the data layer (functions/data) call, one per adapter,
// each as small as what they actually use. A Runtime is one set of them: built by compose.ts for AWS
// (once per Lambda cold start) or for the local stack (once per start), or by a test from in-memory
// stand-ins (test/support/memory-runtime.ts). scope.ts hands the current one to the code that runs.
import type { DNSResolver } from 'mailauth';
import type { TablePort } from '../adapters/clients.ts';
import type { Config } from '../adapters/config.ts';
import type { Clock } from '../adapters/clock.ts';
import type { DeliveryLog } from '../adapters/delivery-log.ts';
import type { OutgoingMail } from '../adapters/mailer.ts';
import type { SecretBox } from '../adapters/secrets.ts';

/** One message handed to the mail service: the MIME already built, and what SES needs beside it. */
export interface MailSend {
  raw: Buffer;
  /** The mail it was built from (recipients, Reply-To, Message-ID). */
  mail: OutgoingMail;
  from: string;
  /** The copies, without the sender (adapters/mailer.ts). */
  cc?: string[];
  /** SES message tags (the outbox's `letter=<id>`); ignored by SMTP. */
  tags?: Record<string, string>;
  /**
   * Letters: one attempt only, no retry by the client (a retry after a lost response would be a second
   * letter; the outbox asks the delivery log instead). Status mails may be retried.
   */
  once: boolean;
}

/** Mail out: SES (the emulator locally) or, in personal mode, the person's own SMTP server. */
export interface MailPort {
  /** Resolves once the service accepted the message; SES's message id ('' over SMTP). */
  send(message: MailSend): Promise<{ sesMessageId: string }>;
}

/** Evidence (letters, replies, screenshots, authorization PDFs): S3 on AWS, files locally. Keys are checked by adapters/evidence.ts. */
export interface EvidencePort {
  put(objectKey: string, body: Buffer | string, contentType: string): Promise<void>;
  get(objectKey: string): Promise<Buffer>;
  /** Deletes every object (every version) under each prefix; returns how many went. */
  deletePrefixes(prefixes: string[]): Promise<number>;
}

/** The key that signs verification and status links. */
export interface SigningPort {
  key(): Promise<Buffer>;
}

/** Starts and stops a submission's workflow execution by its deterministic name. */
export interface WorkflowPort {
  start(name: string, input: { submissionId: string }): Promise<void>;
  stop(name: string): Promise<void>;
}

/** Mail that SES's receipt rule stored (AWS only): the raw message by its SES message id. */
export interface InboundPort {
  get(messageId: string): Promise<Buffer>;
}

export interface Runtime {
  settings: Config;
  /** The table: a DynamoDB document client (dynalite locally; functions/data is its only user). */
  table: TablePort;
  mail: MailPort;
  evidence: EvidencePort;
  /** Seals provider sessions at rest (KMS on AWS, a key file locally). */
  secrets: SecretBox;
  signing: SigningPort;
  workflow: WorkflowPort;
  clock: Clock;
  /** The DNS resolver for mail authentication, or undefined for the system's (asked per message: a local zone file may change). */
  dns(): DNSResolver | undefined;
  deliveryLog: DeliveryLog;
  inbound?: InboundPort;
  /** Releases the clients (sockets) the runtime holds; the local stack calls it when it stops. */
  close?(): void;
}
