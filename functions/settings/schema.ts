// Every setting of Optout Autopilot, in one zod schema: the environment variable the code reads, its
// type, default and limits, what it does, the runtimes it applies to, and the CDK context key that
// sets it on AWS. The runtime parses the environment with it once (functions/adapters/config.ts), the
// CDK app parses its context with the same fields (infra/cdk/settings.ts), and the README's settings
// tables are generated from it (functions/settings/readme.ts, `npm run settings:readme`), so a default
// or a limit is written in exactly one place.
//
// Required settings have no default: on AWS the stack sets them (a missing one is a deployment error
// and fails at start); the local runtime fills in `localDefault` first (infra/local/stack.ts).
import { z } from 'zod';
import { AWS, optional, required, type SettingMeta, settingsRegistry, withDefault } from './meta.ts';
import { SET_BY_RUNTIME } from './set-by-runtime.ts';
import { SET_BY_YOU } from './set-by-you.ts';
import { domain, email, emailList, stackName } from './types.ts';

export { LONGEST_GDPR_DEADLINE_DAYS, MAX_ACCOUNTS_LIMIT } from './limits.ts';
export type { Runtime, SettingMeta } from './meta.ts';

/** What the functions and the local runtime read from the environment, in the README's order. */
export const SettingsSchema = z.object({ ...SET_BY_YOU, ...SET_BY_RUNTIME });

/**
 * The settings without a default: every runtime must have them before the functions run (the CDK
 * stack sets them, the local runtime fills in `localDefault` or its own values).
 */
export const REQUIRED = { fromAddress: true, inboundDomain: true, publicUrl: true, region: true, tableName: true } as const;

/** CDK context keys that configure the stack itself and reach no function. */
export const DeploymentOnlySchema = z.object({
  domain: required(domain, {
    description: 'the sending domain: an SES identity with Easy DKIM is created for it; `fromAddress` must be at it',
    runtimes: AWS,
    context: { key: 'domain', required: true },
    example: 'example.org',
  }),
  alarmEmail: optional(email, {
    description: 'subscribes this address to the alarm topic (confirm the mail AWS sends)',
    defaultText: 'none',
    runtimes: AWS,
    context: { key: 'alarmEmail' },
    example: 'ops@example.org',
  }),
  sandboxRecipients: withDefault(emailList, [], {
    description: 'only for testing in the SES sandbox, see section 5',
    defaultText: 'none',
    runtimes: AWS,
    context: { key: 'sandboxRecipients' },
    example: 'me@example.net',
  }),
  stackName: withDefault(stackName, 'OptoutAutopilot', {
    description: 'to run two copies in one account',
    runtimes: AWS,
    context: { key: 'stackName' },
    example: 'OptoutAutopilot',
  }),
});

export type Settings = z.output<typeof SettingsSchema>;
export type SettingKey = keyof Settings;

export interface SettingEntry {
  /** The field name in the parsed settings. */
  key: string;
  schema: z.ZodType;
  meta: SettingMeta;
  /** The default value, or undefined when it has none (required, or optional and unset). */
  default: unknown;
  required: boolean;
}

function entriesOf(shape: Record<string, z.ZodType>): SettingEntry[] {
  return Object.entries(shape).map(([key, schema]) => {
    const meta = settingsRegistry.get(schema);
    if (!meta) throw new Error(`setting ${key} has no metadata`);
    const parsed = schema.safeParse(undefined);
    return { key, schema, meta, default: parsed.success ? parsed.data : undefined, required: !parsed.success };
  });
}

/** Every setting of the runtime (environment variables), in the README's order. */
export const RUNTIME_SETTINGS: readonly SettingEntry[] = entriesOf(SettingsSchema.shape);

const DEPLOYMENT_ONLY_SETTINGS = entriesOf(DeploymentOnlySchema.shape);

/** Every setting there is: the runtime's and the deployment's own. */
export const ALL_SETTINGS: readonly SettingEntry[] = [...RUNTIME_SETTINGS, ...DEPLOYMENT_ONLY_SETTINGS];

export type ContextEntry = SettingEntry & { meta: { context: NonNullable<SettingMeta['context']> } };
const hasContext = (e: SettingEntry): e is ContextEntry => e.meta.context !== undefined;

/**
 * Every setting with a CDK context key, in the order the synth checks them: the required ones first
 * (the deployment's own, then the runtime's), then the rest in the schema's order.
 */
export const CONTEXT_SETTINGS: readonly ContextEntry[] = [
  ...DEPLOYMENT_ONLY_SETTINGS.filter(hasContext).filter((e) => e.meta.context.required),
  ...RUNTIME_SETTINGS.filter(hasContext).filter((e) => e.meta.context.required),
  ...ALL_SETTINGS.filter(hasContext).filter((e) => !e.meta.context.required),
];

/** A setting's value as an environment variable or `-c` flag writes it. */
export function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}
