// The one module that reads the environment. It parses process.env with the settings schema
// (functions/settings/schema.ts) once into a frozen object; a bad value fails with a message that
// names the variable and the rule. On AWS the CDK stack sets every variable, so a missing required
// one is a deployment error and fails here; the local runtime (infra/local/stack.ts) fills in the
// local defaults through configureEnvironment() before anything reads them.
import type { z } from 'zod';
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

/** Parses an environment into the settings that need no required ones. */
export function loadHostSettings(env: Env): HostSettings {
  return parseEnv(LenientSchema, env);
}

let cached: Config | undefined;
let cachedHost: HostSettings | undefined;

/** The functions' settings, read from the environment once. */
export function config(): Config {
  cached ??= loadConfig(process.env);
  return cached;
}

/** The settings that need none of the functions' required ones, read from the environment once. */
export function hostSettings(): HostSettings {
  cachedHost ??= loadHostSettings(process.env);
  return cachedHost;
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

/** For tests and the local runtime, which set the environment and then re-read it. */
export function resetConfig(): void {
  cached = undefined;
  cachedHost = undefined;
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
 * How the local runtime configures the functions: through the environment, the way the CDK stack
 * does on AWS. Sets `values`, fills in the local default of each setting still unset (`fill` gives
 * the ones known only at start, such as the local URL), and parses the result at once, so a bad value
 * stops the start. This is the one place that writes process.env; one composition root that hands the
 * settings object to the adapters would replace it.
 */
export function configureEnvironment(values: Record<string, string>, fill: Partial<Record<SettingKey, string>> = {}): Config {
  Object.assign(process.env, localDefaults({ ...process.env, ...values }, fill), values);
  resetConfig();
  return config();
}
