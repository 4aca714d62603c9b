// What the settings schema says about each setting besides its type (schema.ts): the environment
// variable, the description, the runtimes, the CDK context key, the local default. Kept in a zod
// registry next to each field's schema, so one z.object carries both.
import { z } from 'zod';
import type { ValueType } from './types.ts';

export const RUNTIMES = ['local', 'personal', 'aws'] as const;
/** local: `npm start` (demo); personal: `npm start` after `optout setup`; aws: the CDK deployment. */
export type Runtime = (typeof RUNTIMES)[number];

export interface SettingMeta {
  /** The environment variable the code reads; absent for CDK-only deployment settings. */
  env?: string;
  /** Read when `env` is unset (AWS_DEFAULT_REGION for AWS_REGION). */
  fallbackEnv?: string;
  /** What it does (Markdown: it goes into the README as written). */
  description: string;
  /** The rule in words ("a whole number of 1 or more"), from the value type. */
  rule: string;
  runtimes: readonly Runtime[];
  /**
   * The CDK context key that sets it on AWS; `required`: the synth stops without it; `note`: a rule
   * only the deployment checks (infra/cdk/settings.ts), for the README.
   */
  context?: { key: string; required?: boolean; note?: string };
  /** The value the local runtime fills in for a required setting left unset. */
  localDefault?: string;
  /** The default as the README shows it, where it is no plain value ("all", "the local URL"). */
  defaultText?: string;
  /** Set by the runtime itself, not by a person (who sets it, and how). */
  setBy?: string;
  /** A valid value: shown in messages (`-c key=example`) and stood in for CloudFormation references in tests. */
  example: string;
}

export const settingsRegistry = z.registry<SettingMeta>();

export type Meta = Omit<SettingMeta, 'rule'>;

export function withDefault<T>(type: ValueType<z.ZodType<T>>, value: z.util.NoUndefined<T>, meta: Meta) {
  return type.schema.default(value).register(settingsRegistry, { ...meta, rule: type.rule });
}

export function optional<T>(type: ValueType<z.ZodType<T>>, meta: Meta) {
  return type.schema.optional().register(settingsRegistry, { ...meta, rule: type.rule });
}

export function required<T>(type: ValueType<z.ZodType<T>>, meta: Meta) {
  // A copy: metadata is kept per schema instance, and value types are shared between settings.
  return type.schema.clone().register(settingsRegistry, { ...meta, rule: type.rule });
}

export const ALL: readonly Runtime[] = RUNTIMES;
export const LOCAL: readonly Runtime[] = ['local', 'personal'];
export const AWS: readonly Runtime[] = ['aws'];
