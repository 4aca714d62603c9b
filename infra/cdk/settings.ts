// Deployment settings, read from CDK context (`-c name=value` or cdk.json) with the same schema the
// functions parse their environment with (functions/settings/schema.ts): the same defaults, the same
// limits, the same words. A missing required value or a malformed one fails the synth with a message
// that names the context key and shows how to pass it. The context's runtime settings then reach every
// function as the environment variables the schema names (functionEnvironment).
import type { Node } from 'constructs';
import type { z } from 'zod';
import {
  CONTEXT_SETTINGS,
  DeploymentOnlySchema,
  formatValue,
  LONGEST_GDPR_DEADLINE_DAYS,
  RUNTIME_SETTINGS,
  type SettingEntry,
  type Settings,
  SettingsSchema,
} from '../../functions/settings/schema.ts';
import { domainOfEmail, refusal } from '../../functions/settings/types.ts';

/** The runtime settings a context key of the same name sets (checked against the schema below). */
const CONTEXT_KEYS = {
  fromAddress: true,
  inboundDomain: true,
  operatorName: true,
  retentionDays: true,
  maxAccounts: true,
  reminderGraceDays: true,
  finalNoticeGraceDays: true,
  recheckDays: true,
  unverifiedHours: true,
  addressMailsPerDay: true,
  clientSubmissionsPerHour: true,
  dailyVerificationMails: true,
  allowedJurisdictions: true,
  sendGraceSeconds: true,
} as const satisfies Partial<Record<keyof Settings, true>>;

const DeploySchema = SettingsSchema.pick(CONTEXT_KEYS).extend(DeploymentOnlySchema.shape);

export type DeploySettings = Readonly<z.output<typeof DeploySchema>>;

{
  const fromSchema = RUNTIME_SETTINGS.filter((e) => e.meta.context).map((e) => e.key);
  const listed = Object.keys(CONTEXT_KEYS);
  if (fromSchema.sort().join() !== listed.sort().join() || CONTEXT_SETTINGS.some((e) => e.meta.context.key !== e.key)) {
    throw new Error(
      `infra/cdk/settings.ts CONTEXT_KEYS (${listed.join(', ')}) must list the schema's context settings (${fromSchema.join(', ')}), each under its own name`,
    );
  }
}

export class SettingsError extends Error {
  override name = 'SettingsError';
}

type Lookup = (name: string) => unknown;

/** A context value as text: -c gives strings, cdk.json numbers and arrays too. Empty: unset. */
function contextText(entry: SettingEntry, raw: unknown): string | undefined {
  const key = entry.meta.context!.key;
  if (raw === undefined || raw === null) return undefined;
  let value: string;
  if (typeof raw === 'string' || typeof raw === 'number') value = String(raw);
  else if (Array.isArray(raw)) value = raw.map(String).join(',');
  else throw new SettingsError(`Context "${key}" must be ${entry.meta.rule}, got ${JSON.stringify(raw)}: pass -c ${key}=${entry.meta.example}`);
  value = value.trim();
  return value === '' ? undefined : value;
}

export function readSettings(node: Node): DeploySettings {
  return parseSettings((name) => node.tryGetContext(name));
}

/** Parses settings from any lookup (the construct tree's context in the app, a plain object in tests). */
export function parseSettings(lookup: Lookup): DeploySettings {
  const input: Record<string, string | undefined> = {};
  for (const entry of CONTEXT_SETTINGS) {
    const { key, required } = entry.meta.context;
    const missing = `Missing context "${key}": pass -c ${key}=${entry.meta.example}`;
    const raw = contextText(entry, lookup(key));
    if (raw === undefined && required) throw new SettingsError(missing);
    input[entry.key] = raw;
    const parsed = entry.schema.safeParse(raw);
    if (!parsed.success) {
      throw new SettingsError(`Context "${key}" ${refusal(parsed.error.issues[0]!, entry.meta.rule, raw ?? '')}`);
    }
    // A list that is required must not come out empty (",,").
    if (required && Array.isArray(parsed.data) && parsed.data.length === 0) throw new SettingsError(missing);
  }
  const settings = DeploySchema.parse(input);

  // The IAM grant names the domain identity; a From at another domain would be refused by SES.
  if (domainOfEmail(settings.fromAddress) !== settings.domain) {
    throw new SettingsError(`Context "fromAddress" must be an address at the sending domain "${settings.domain}", got "${settings.fromAddress}"`);
  }
  // A request must outlive its follow-up, or TTL deletes it before the reminder or the escalation.
  // (Deployment only: the local runtime allows shorter retention, for trying the sweep.)
  const longestFollowUp = LONGEST_GDPR_DEADLINE_DAYS + settings.reminderGraceDays + settings.finalNoticeGraceDays;
  if (settings.retentionDays < longestFollowUp) {
    throw new SettingsError(
      `Context "retentionDays" must be at least ${longestFollowUp} (an extended GDPR deadline of ${LONGEST_GDPR_DEADLINE_DAYS} days + reminderGraceDays + finalNoticeGraceDays), got ${settings.retentionDays}`,
    );
  }
  return Object.freeze(settings);
}

/** The environment every function gets from the context: each runtime setting under its variable. */
export function functionEnvironment(settings: DeploySettings): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const entry of RUNTIME_SETTINGS) {
    if (!entry.meta.context || !entry.meta.env) continue;
    environment[entry.meta.env] = formatValue(settings[entry.key as keyof typeof CONTEXT_KEYS]);
  }
  return environment;
}
