// The composition root: the one place that builds the adapters (table, mail, evidence, secrets,
// signing, workflow starter, clock, DNS, delivery log, inbound mail) for a runtime from a settings
// object, and nothing else does. composeAws runs once per Lambda cold start
// (functions/handlers/aws-runtime.ts); composeLocal once per local stack (infra/local/stack.ts), with
// the parts only the stack knows: its clock (kept in the data folder), its in-process workflow runner
// and, in personal mode, the person's SMTP transport.
//
// How the use cases receive the runtime: through a scope (scope.ts, AsyncLocalStorage), not a
// parameter. Every entry point establishes it explicitly with runWith: each Lambda handler
// (lambdaEntry), the local stack's web and SMTP servers, its timers, its workflow runner and its inbox
// poll, and each test. Threading a `runtime` parameter through every use case, data function and
// adapter call (some 40 modules, 150 call sites, five levels deep) would have been the larger change
// for the same result; the scope keeps call sites as they are while removing what made them hard to
// test: no module keeps a resettable adapter, none writes process.env, and code outside a runWith
// fails loudly instead of building AWS clients. A test builds its own runtime (in-memory ports,
// test/support/memory-runtime.ts) and runs the use case inside it.
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SFNClient } from '@aws-sdk/client-sfn';
import { join } from 'node:path';
import { createDocumentClient, createSesClient } from '../adapters/clients.ts';
import { type Clock, systemClock } from '../adapters/clock.ts';
import { type Config, ConfigError } from '../adapters/config.ts';
import { emulatorLog, noLog, tableLog } from '../adapters/delivery-log.ts';
import { resolverFor } from '../adapters/dns.ts';
import { fileEvidence, s3Evidence } from '../adapters/evidence.ts';
import { s3Inbound } from '../adapters/inbound.ts';
import { type MailTransport, sesMail, smtpMail } from '../adapters/mailer.ts';
import { kmsSecretBox, localSecretBox } from '../adapters/secrets.ts';
import { keyFileSigning, secretsManagerSigning } from '../adapters/signing.ts';
import { sfnWorkflow } from '../adapters/workflow.ts';
import type { EvidencePort, Runtime, SigningPort } from './ports.ts';

function missing(aws: string): never {
  throw new ConfigError(`setting ${aws} (AWS) or OPTOUT_DATA_DIR (local) is missing`);
}

/**
 * A port whose setting is missing fails when used (each of its methods rejects), not when built: not
 * every function needs every port.
 */
function failing<T extends object>(fail: () => never): T {
  return new Proxy({} as T, { get: () => async () => fail() });
}

/** The runtime on AWS: SDK clients against AWS (or the endpoints the settings name), system time. */
export function composeAws(settings: Config): Runtime {
  const { region } = settings;
  const table = createDocumentClient(settings);
  const ses = createSesClient(settings, false);
  const sesOnce = createSesClient(settings, true);
  const s3 = new S3Client({ region });
  const evidence: EvidencePort = settings.evidenceBucket
    ? s3Evidence(s3, settings.evidenceBucket)
    : settings.dataDir
      ? fileEvidence(settings.dataDir, systemClock)
      : failing(() => missing('EVIDENCE_BUCKET'));
  const signing: SigningPort = settings.signingSecretArn
    ? secretsManagerSigning(new SecretsManagerClient({ region }), settings.signingSecretArn)
    : settings.dataDir
      ? keyFileSigning(settings.dataDir)
      : failing(() => missing('SIGNING_SECRET_ARN'));
  return {
    settings,
    table,
    mail: sesMail(ses, sesOnce, settings.configurationSet),
    evidence,
    secrets: settings.sessionKeyId
      ? kmsSecretBox(new KMSClient({ region }), settings.sessionKeyId)
      : settings.dataDir
        ? localSecretBox(join(settings.dataDir, 'keys', 'session.key'))
        : failing(() => missing('SESSION_KEY_ID')),
    signing,
    workflow: sfnWorkflow(new SFNClient({ region }), settings.stateMachineArn),
    clock: systemClock,
    dns: () => resolverFor(settings),
    deliveryLog: settings.sesEndpoint ? emulatorLog(settings.sesEndpoint) : tableLog,
    inbound: s3Inbound(s3, settings),
    close() {
      table.destroy();
      ses.destroy();
      sesOnce.destroy();
      s3.destroy();
    },
  };
}

/** What only the local stack knows. */
export interface LocalParts {
  clock: Clock;
  /** The in-process workflow runner (infra/local/workflow-runner.ts). */
  workflow: Runtime['workflow'];
  /** Personal mode: the person's own SMTP server instead of the SES emulator (infra/local/personal.ts). */
  mailTransport?: MailTransport;
}

/**
 * The runtime on one machine: dynalite and the SES emulator at the endpoints the settings name,
 * evidence and keys in the data folder, the stack's clock and workflow runner. In personal mode mail
 * goes through the person's SMTP server and there is no delivery log to read (adapters/delivery-log.ts).
 */
export function composeLocal(settings: Config, parts: LocalParts): Runtime {
  const { dataDir } = settings;
  if (!dataDir) throw new ConfigError('setting OPTOUT_DATA_DIR is missing (the local runtime keeps its data there)');
  const table = createDocumentClient(settings);
  const ses = createSesClient(settings, false);
  const sesOnce = createSesClient(settings, true);
  return {
    settings,
    table,
    mail: parts.mailTransport ? smtpMail(parts.mailTransport) : sesMail(ses, sesOnce, settings.configurationSet),
    evidence: fileEvidence(dataDir, parts.clock),
    secrets: localSecretBox(join(dataDir, 'keys', 'session.key')),
    signing: keyFileSigning(dataDir),
    workflow: parts.workflow,
    clock: parts.clock,
    dns: () => resolverFor(settings),
    deliveryLog: settings.personal ? noLog : settings.sesEndpoint ? emulatorLog(settings.sesEndpoint) : tableLog,
    close() {
      table.destroy();
      ses.destroy();
      sesOnce.destroy();
    },
  };
}
