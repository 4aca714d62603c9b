// The whole system on one machine: dynalite (data under OPTOUT_DATA_DIR), the SES v2 emulator with
// its mail viewer, the web server, the local workflow runner, and the SMTP server for replies.
// Used by `npm start` (main.ts) and by the integration tests. With `<data dir>/personal.json` (written
// by `npx optout setup`) it runs in personal mode instead (personal.ts): mail goes out through the
// person's own SMTP server and replies are read from their IMAP inbox; no SES emulator, no SMTP server.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import dynalite from 'dynalite';
import * as sesLocal from 'aws-ses-v2-local';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ResourceInUseException } from '@aws-sdk/client-dynamodb';
import { createTableInput } from '../../functions/data/schema.ts';
import { localConfig } from '../../functions/adapters/config.ts';
import { type Clock, clockFor } from '../../functions/adapters/clock.ts';
import { composeLocal } from '../../functions/runtime/compose.ts';
import type { Runtime } from '../../functions/runtime/ports.ts';
import { runWith } from '../../functions/runtime/scope.ts';
import { runDueBrowserJobs } from '../../functions/app/browser-jobs.ts';
import { sendDueDigests } from '../../functions/app/notify.ts';
import { DIGESTS_EVERY_MINUTES } from '../../functions/core/schedules.ts';
import { sweepExpired } from './retention.ts';
import { LocalWorkflowRunner, type ExecutionRecord, type FaultPlan, type WaitTimer } from './workflow-runner.ts';
import { startHttpServer } from './http-server.ts';
import { startSmtpServer, type SmtpServerHandle } from './smtp-server.ts';
import { assertLocalHost, checkMailServers, loadPersonalConfig, personalEnv, personalTransport, startPersonalMail, type PersonalMail } from './personal.ts';

export interface LocalStackOptions {
  dataDir: string;
  /** 0 picks a free port (tests). */
  port: number;
  sesPort: number;
  smtpPort: number;
  host?: string;
  clockSpeed?: number;
  /**
   * Reuse an SES endpoint already running in another process (OPTOUT_SES_ENDPOINT for `npm start`;
   * tests restart the app but keep the mailbox): mail and the outbox's delivery log survive the app.
   */
  sesEndpoint?: string;
  retryIntervalMs?: number;
  /** Settings as environment variables, over this process's environment (the stack never writes process.env). */
  env?: Record<string, string>;
  onExecutionFinished?: (record: ExecutionRecord) => void;
  onWorkflowEvent?: (entry: unknown) => void;
  /** The bench only: drives the workflow's long waits by simulated time (infra/local/workflow-runner.ts WaitTimer). */
  waitTimer?: WaitTimer;
  /** The bench only: the clock every function of the stack reads (default: system time, or scaled by clockSpeed). */
  clock?: Clock;
  /** How often (real ms) the browser-job scheduler looks for due re-checks; EventBridge does this hourly on AWS. */
  browserJobsIntervalMs?: number;
  /** Tests only (main.ts never sets them): permanent errors injected into Task states and into mail-in. */
  faults?: { tasks?: FaultPlan; mailIn?: (raw: Buffer) => boolean };
  /** Personal mode: how often (real ms) the inbox is read; 0: only on `inbox.pollOnce()` (tests). Default: the file's pollSeconds. */
  inboxPollMs?: number;
}

export interface LocalStack {
  /** "personal" when `<data dir>/personal.json` exists (personal.ts), else "demo". */
  mode: 'demo' | 'personal';
  url: string;
  /** Demo mode only (empty in personal mode): the SES emulator and the SMTP port for replies. */
  sesUrl: string;
  smtpPort: number;
  /** Personal mode only: the person's address and their inbox reader. */
  personal?: { email: string; inbox: PersonalMail };
  dynamoEndpoint: string;
  /** The ports the functions of this stack use (functions/runtime/compose.ts); tests run their own checks in it (runWith). */
  runtime: Runtime;
  runner: LocalWorkflowRunner;
  resumed: string[];
  stop(): Promise<void>;
}

// aws-ses-v2-local is CommonJS with `exports.default`; under ESM interop the function sits one level down.
type SesStart = (config?: { host?: string; port?: number }) => Promise<Server>;
const startSes: SesStart = (sesLocal.default as unknown as { default?: SesStart }).default ?? (sesLocal.default as unknown as SesStart);

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePort((server.address() as AddressInfo).port));
  });
}

async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient({ region: 'local', endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  for (let i = 0; i < 50; i++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  client.destroy();
}

/** The scaled clock keeps its origin in the data folder, so simulated time goes on across restarts. */
function clockOrigin(dataDir: string, speed: number): { realMs: number; simMs: number } {
  const file = join(dataDir, 'clock.json');
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { realMs: number; simMs: number; speed: number };
    if (saved.speed === speed) return saved;
  }
  const origin = { realMs: Date.now(), simMs: Date.now(), speed };
  writeFileSync(file, JSON.stringify(origin));
  return origin;
}

const HOUR_MS = 3_600_000;
const DIGESTS_EVERY_MS = DIGESTS_EVERY_MINUTES * 60_000;

/** Runs `run` in `runtime` every `intervalMs` of real time, one run at a time (a run still busy skips a tick). */
function startRepeating(runtime: Runtime, intervalMs: number, run: () => Promise<void>): { stop(): Promise<void> } {
  let current: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    current = runWith(runtime, run).finally(() => {
      busy = false;
    });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await current;
    },
  };
}

function logFailure(what: string) {
  return (error: Error) => console.error(JSON.stringify({ level: 'error', msg: `${what} failed`, error: error.message }));
}

/**
 * The local stand-in for the Digests schedule (functions/handlers/digests.ts, every 10 minutes): a
 * light timer of its own, apart from the browser jobs, every 10 minutes of the (possibly scaled)
 * clock, at least every minute and at most every 50 ms of real time.
 */
function startDigests(runtime: Runtime): { stop(): Promise<void> } {
  const intervalMs = Math.min(60_000, Math.max(50, DIGESTS_EVERY_MS / runtime.clock.speed));
  return startRepeating(runtime, intervalMs, () => sendDueDigests().then(() => undefined, logFailure('digests')));
}

/**
 * The local stand-in for the hourly EventBridge schedule (browser jobs) and for DynamoDB TTL and the S3
 * lifecycle (the retention sweep).
 */
function startHousekeeping(runtime: Runtime, intervalMs: number): { stop(): Promise<void> } {
  // The sweep scans the whole table: at most once per hour of the (possibly scaled) clock.
  let lastSweep = Number.NEGATIVE_INFINITY;
  const sweepIfDue = async () => {
    const now = runtime.clock.now().getTime();
    if (now - lastSweep < HOUR_MS) return;
    lastSweep = now;
    await sweepExpired();
  };
  return startRepeating(runtime, intervalMs, () =>
    runDueBrowserJobs()
      .then(() => undefined, logFailure('browser jobs'))
      .then(sweepIfDue)
      .catch(logFailure('retention sweep')),
  );
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const host = options.host ?? '127.0.0.1';
  const dataDir = resolve(options.dataDir);
  // Personal mode: checked before anything starts, so bad settings stop here with a clear message.
  const personal = await loadPersonalConfig(dataDir);
  if (personal) {
    assertLocalHost(host);
    await checkMailServers(personal);
  }
  mkdirSync(join(dataDir, 'dynamodb'), { recursive: true });

  const dynamo = dynalite({ path: join(dataDir, 'dynamodb'), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const dynamoPort = await listen(dynamo, 0, host);
  const dynamoEndpoint = `http://${host}:${dynamoPort}`;

  let ses: Server | undefined;
  let sesUrl = personal ? '' : options.sesEndpoint;
  if (!sesUrl && !personal) {
    const started = await startSes({ host, port: options.sesPort });
    ses = started;
    sesUrl = `http://${host}:${(started.address() as AddressInfo).port}`;
  }

  // The web server answers in the runtime, which needs the server's URL: it is set just below.
  let runtime: Runtime | undefined;
  const http = await startHttpServer(options.port, host, (fn) => {
    if (!runtime) return Promise.reject(new Error('the local stack is still starting'));
    return runWith(runtime, fn);
  });
  const url = `http://${host}:${(http.address() as AddressInfo).port}`;

  // The functions' settings, as on AWS from the environment: ours over this process's, with the local
  // defaults (functions/settings/schema.ts) of the rest, parsed now, so a bad value stops here.
  const settings = localConfig(
    {
      TABLE_NAME: 'optout',
      DYNAMODB_ENDPOINT: dynamoEndpoint,
      SES_ENDPOINT: sesUrl ?? '',
      OPTOUT_DATA_DIR: dataDir,
      OPTOUT_MODE: '',
      OPTOUT_FROM_NAME: '',
      ...(personal ? personalEnv(personal) : {}),
      ...options.env,
    },
    { publicUrl: url },
  );
  const speed = options.clockSpeed ?? settings.clockSpeed;
  const stackClock = options.clock ?? clockFor(speed, speed === 1 ? undefined : clockOrigin(dataDir, speed));

  await ensureTable(dynamoEndpoint, 'optout');

  const runner: LocalWorkflowRunner = new LocalWorkflowRunner({
    retryIntervalMs: options.retryIntervalMs,
    onFinish: options.onExecutionFinished,
    onEvent: options.onWorkflowEvent,
    waitTimer: options.waitTimer,
    faults: options.faults?.tasks,
    scope: (fn) => runWith(built, fn),
  });
  const built = composeLocal(settings, {
    clock: stackClock,
    workflow: { start: (name, input) => runner.start(name, input), stop: (name) => runner.stopExecution(name) },
    mailTransport: personal ? personalTransport(personal) : undefined,
  });
  runtime = built;
  const smtp: SmtpServerHandle | undefined = personal
    ? undefined
    : await startSmtpServer(built, options.smtpPort, host, {
        deadLetterDir: join(dataDir, 'dead-letter', 'mail-in'),
        fault: options.faults?.mailIn,
      });
  const personalMail = personal
    ? startPersonalMail(personal, built, { pollMs: options.inboxPollMs, deadLetterDir: join(dataDir, 'dead-letter', 'inbox'), fault: options.faults?.mailIn })
    : undefined;
  const resumed = await runner.resumeUnfinished();
  const jobs = startHousekeeping(built, options.browserJobsIntervalMs ?? settings.browserJobsIntervalMs);
  const digests = startDigests(built);

  return {
    mode: personal ? 'personal' : 'demo',
    url,
    sesUrl: sesUrl ?? '',
    smtpPort: smtp?.port ?? 0,
    personal: personal && personalMail ? { email: personal.email, inbox: personalMail } : undefined,
    dynamoEndpoint,
    runtime: built,
    runner,
    resumed,
    async stop() {
      await jobs.stop();
      await digests.stop();
      await runner.stop();
      await smtp?.close();
      await personalMail?.stop();
      const httpClosed = new Promise<void>((r) => http.close(() => r()));
      http.closeAllConnections();
      await httpClosed;
      built.close?.();
      await new Promise<void>((r) => dynamo.close(() => r()));
      if (ses) {
        const sesClosed = new Promise<void>((r) => ses!.close(() => r()));
        ses.closeAllConnections();
        await sesClosed;
      }
    },
  };
}
