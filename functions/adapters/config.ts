// Settings from the environment, read once. The local runtime (infra/local) fills the local defaults
// into the environment before anything reads them; on AWS the CDK stack sets every variable, so a
// missing one is a deployment error and fails fast here.

export class ConfigError extends Error {}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (value === undefined || value === '') throw new ConfigError(`setting ${name} is missing`);
  return value;
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`setting ${name} must be a positive number, got "${raw}"`);
  return value;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = positiveNumber(env, name, fallback);
  if (!Number.isInteger(value)) throw new ConfigError(`setting ${name} must be a whole number of 1 or more, got "${env[name]}"`);
  return value;
}

function nonNegativeInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`setting ${name} must be a whole number of 0 or more, got "${raw}"`);
  return value;
}

export interface Config {
  region: string;
  tableName: string;
  /** Local endpoints (dynalite, SES emulator); absent on AWS. */
  dynamoEndpoint?: string;
  sesEndpoint?: string;
  /** The deployment's sending address: every letter comes From it (personal mode: the person's own). */
  fromAddress: string;
  /** Display name of the From address (personal mode: the person's name). */
  fromName?: string;
  /**
   * Personal mode (infra/local/personal.ts): the person runs it for themselves, with their own mailbox.
   * Letters are theirs, in the first person: no agent, no reply+token address, no Cc to themselves.
   */
  personal: boolean;
  /** Replies go to reply+<token>@<inboundDomain>. */
  inboundDomain: string;
  /** Base URL of the web form and status pages, used in emails. */
  publicUrl: string;
  /** The authorized agent named in letters. */
  operatorName: string;
  retentionDays: number;
  maxAccounts: number;
  /** Days after the deadline before the final notice, and after that before escalation. */
  reminderGraceDays: number;
  finalNoticeGraceDays: number;
  /** Days between re-checks of a setting switched off in the browser (session kept); 0: never. */
  recheckDays: number;
  /** Hours an unconfirmed submission (and any session given with it) is kept before it is deleted. */
  unverifiedHours: number;
  /** Abuse limits of the public form (app/limits.ts): verification mails to one address per 24 h, */
  addressMailsPerDay: number;
  /** submissions from one client address per hour, and verification mails per UTC day in all. */
  clientSubmissionsPerHour: number;
  dailyVerificationMails: number;
  /** Jurisdiction codes (or EU, EEA) accepted by the form; empty: all. */
  allowedJurisdictions: string[];
  /** Local folder for evidence and keys (local runtime only). */
  dataDir?: string;
  evidenceBucket?: string;
  sessionKeyId?: string;
  signingSecretArn?: string;
  configurationSet?: string;
  /**
   * Seconds (of the clock, scaled locally) a letter found "sending" waits for the delivery log to show
   * it before it is sent again (app/outbox.ts): SES Send events reach the table within seconds on AWS.
   */
  sendGraceSeconds: number;
}

/**
 * An inline Map state runs at most 40 iterations at once (Step Functions and the local interpreter
 * alike); the follow-up loop of every request must run at the same time, so 40 is the ceiling.
 */
export const MAX_ACCOUNTS_LIMIT = 40;

function maxAccounts(env: NodeJS.ProcessEnv): number {
  const value = positiveNumber(env, 'OPTOUT_MAX_ACCOUNTS', MAX_ACCOUNTS_LIMIT);
  if (!Number.isInteger(value) || value > MAX_ACCOUNTS_LIMIT) {
    throw new ConfigError(`setting OPTOUT_MAX_ACCOUNTS must be a whole number up to ${MAX_ACCOUNTS_LIMIT}, got ${value}`);
  }
  return value;
}

let cached: Config | undefined;

export function config(): Config {
  cached ??= loadConfig(process.env);
  return cached;
}

/** For tests and the local runtime, which set the environment and then re-read it. */
export function resetConfig(): void {
  cached = undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  return {
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? required(env, 'AWS_REGION'),
    tableName: required(env, 'TABLE_NAME'),
    dynamoEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    sesEndpoint: env.SES_ENDPOINT || undefined,
    fromAddress: required(env, 'OPTOUT_FROM_ADDRESS'),
    fromName: env.OPTOUT_FROM_NAME || undefined,
    personal: env.OPTOUT_MODE === 'personal',
    inboundDomain: required(env, 'OPTOUT_INBOUND_DOMAIN'),
    publicUrl: required(env, 'OPTOUT_PUBLIC_URL').replace(/\/$/, ''),
    operatorName: env.OPTOUT_OPERATOR_NAME || 'Optout Autopilot',
    retentionDays: positiveNumber(env, 'OPTOUT_RETENTION_DAYS', 730),
    maxAccounts: maxAccounts(env),
    reminderGraceDays: positiveNumber(env, 'OPTOUT_REMINDER_GRACE_DAYS', 14),
    finalNoticeGraceDays: positiveNumber(env, 'OPTOUT_FINAL_NOTICE_GRACE_DAYS', 7),
    recheckDays: nonNegativeInteger(env, 'OPTOUT_RECHECK_DAYS', 30),
    unverifiedHours: positiveNumber(env, 'OPTOUT_UNVERIFIED_HOURS', 72),
    addressMailsPerDay: positiveInteger(env, 'OPTOUT_ADDRESS_MAILS_PER_DAY', 3),
    clientSubmissionsPerHour: positiveInteger(env, 'OPTOUT_CLIENT_SUBMISSIONS_PER_HOUR', 10),
    dailyVerificationMails: positiveInteger(env, 'OPTOUT_DAILY_VERIFICATION_MAILS', 1000),
    allowedJurisdictions: (env.OPTOUT_ALLOWED_JURISDICTIONS ?? '')
      .split(',')
      .map((code) => code.trim().toUpperCase())
      .filter(Boolean),
    dataDir: env.OPTOUT_DATA_DIR || undefined,
    evidenceBucket: env.EVIDENCE_BUCKET || undefined,
    sessionKeyId: env.SESSION_KEY_ID || undefined,
    signingSecretArn: env.SIGNING_SECRET_ARN || undefined,
    configurationSet: env.SES_CONFIGURATION_SET || undefined,
    sendGraceSeconds: positiveNumber(env, 'OPTOUT_SEND_GRACE_SECONDS', 120),
  };
}
