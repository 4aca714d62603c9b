// The one module that reads the environment. It parses process.env with the settings schema
// (functions/settings/schema.ts) once into a frozen object; a bad value fails with a message that
// names the variable and the rule. On AWS the CDK stack sets every variable, so a missing required
// one is a deployment error and fails at the cold start (functions/handlers/aws-runtime.ts); the local
// runtime (infra/local/stack.ts) builds its settings with localConfig(). Either way the settings
// object goes to the composition root (functions/runtime/compose.ts); config() reads it back from the
// runtime that is running.
import type { z } from 'zod';
import { currentRuntime, runtime } from '../runtime/scope.ts';
import { refusal } from '../settings/types.ts';
import { REQUIRED, RUNTIME_SETTINGS, type SettingKey, type SettingMeta, type Settings, SettingsSchema } from '../settings/schema.ts';

export { MAX_ACCOUNTS_LIMIT } from '../settings/schema.ts';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Everything the functions read; `personal` is true in personal mode (OPTOUT_MODE=personal). */
export type Config = Readonly<Settings & { personal: boolean }>;

const LenientSchema = SettingsSchema.partial(REQUIRED);

/**
 * The settings without the functions' required ones (those may be missing): for code that runs
 * outside the functions too, such as the command line, the launcher and the browser.
 */
export type HostSettings = Readonly<z.output<typeof LenientSchema>>;

type Env = Record<string, string | undefined>;

function rawValue(env: Env, meta: SettingMeta): string | undefined {
  if (!meta.env) return undefined;
  const raw = (env[meta.env] ?? (meta.fallbackEnv ? env[meta.fallbackEnv] : undefined))?.trim();
  return raw === '' ? undefined : raw;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Parses `env` with `schema`; every refused value is named, with its variable and rule. */
function parseEnv<S extends z.ZodType>(schema: S, env: Env): z.output<S> {
  const input: Record<string, string | undefined> = {};
  for (const { key, meta } of RUNTIME_SETTINGS) input[key] = rawValue(env, meta);
  const result = schema.safeParse(input);
  if (result.success) return deepFreeze(result.data);
  const messages = result.error.issues.map((issue) => {
    const entry = RUNTIME_SETTINGS.find((e) => e.key === issue.path[0]);
    if (!entry?.meta.env) return issue.message;
    const name = entry.meta.env;
    const raw = input[entry.key];
    if (raw === undefined) return `setting ${name} is missing`;
    return `setting ${name} ${refusal(issue, entry.meta.rule, raw)}`;
  });
  throw new ConfigError([...new Set(messages)].join('; '));
}

/** Parses an environment into the functions' settings (tests pass a plain object). */
export function loadConfig(env: Env): Config {
  const settings = parseEnv(SettingsSchema, env);
  return Object.freeze({ ...settings, personal: settings.mode === 'personal' });
}

/** The functions' settings from this process's environment (a Lambda's cold start: functions/handlers/aws-runtime.ts). */
export function environmentConfig(): Config {
  return loadConfig(process.env);
}

/** Parses an environment into the settings that need no required ones. */
export function loadHostSettings(env: Env): HostSettings {
  return parseEnv(LenientSchema, env);
}

/** The settings of the runtime that is running (functions/runtime/scope.ts). */
export function config(): Config {
  return runtime().settings;
}

/**
 * The settings that need none of the functions' required ones: the running runtime's, or outside one
 * (the command line, the launcher, the browser) the environment's, parsed at each call.
 */
export function hostSettings(): HostSettings {
  return currentRuntime()?.settings ?? loadHostSettings(process.env);
}

/**
 * The local runtime's view before it starts: the host settings with the local defaults filled in
 * (OPTOUT_DATA_DIR: `.optout`). Read by `npm start` and `optout setup`.
 */
export function localSettings(): HostSettings & { dataDir: string } {
  const settings = loadHostSettings({ ...process.env, ...localDefaults(process.env, {}) });
  const { dataDir } = settings;
  if (dataDir === undefined) throw new ConfigError('setting OPTOUT_DATA_DIR has no local default (functions/settings/schema.ts)');
  return { ...settings, dataDir };
}

/** The local defaults of the settings `env` leaves unset, as environment variables. */
function localDefaults(env: Env, fill: Partial<Record<SettingKey, string>>): Record<string, string> {
  const defaults: Record<string, string> = {};
  for (const { key, meta } of RUNTIME_SETTINGS) {
    const value = fill[key as SettingKey] ?? meta.localDefault;
    if (meta.env && value !== undefined && rawValue(env, meta) === undefined) defaults[meta.env] = value;
  }
  return defaults;
}

/**
 * The local runtime's settings: this process's environment, overridden by `values` (what the stack knows:
 * its endpoints, the data folder, personal mode), with the local default of each setting still unset
 * (`fill` gives the ones known only at start, such as the local URL). Parsed at once, so a bad value
 * stops the start. Nothing is written back to process.env: the object goes to the composition root.
 */
export function localConfig(values: Record<string, string>, fill: Partial<Record<SettingKey, string>> = {}): Config {
  const merged = { ...process.env, ...values };
  return loadConfig({ ...merged, ...localDefaults(merged, fill) });
}
