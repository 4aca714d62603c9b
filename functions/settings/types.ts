// The value types settings are made of, each a zod schema over the raw text of an environment
// variable (or a CDK context value turned into text) together with the rule it enforces, in words.
// The rule is what a person reads when a value is refused, in the README, and in the synth's message,
// so the runtime and the CDK app say the same thing about the same setting.
import { z } from 'zod';

export interface ValueType<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** The rule in words, completing "must be ...". */
  rule: string;
}

/** Issues a value type words itself ("has "X": use ..."); every other issue is told as the rule. */
const OWN_WORDS = { ownWords: true };

/** How a refused value is described after the setting's name: its own words, or "must be <rule>, got ...". */
export function refusal(issue: z.core.$ZodIssue, rule: string, raw: string): string {
  if (issue.code === 'custom' && (issue.params as typeof OWN_WORDS | undefined)?.ownWords) return issue.message;
  return `must be ${rule}, got "${raw}"`;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const EMAIL = /^[^\s@<>()",;]+@([^\s@<>()",;]+)$/;
const JURISDICTION = /^(EU|EEA|[A-Z]{2}(-[A-Z0-9]{1,3})?)$/;

/** A whole number of at least `min` (and at most `max`). */
export function wholeNumber(min: number, max?: number): ValueType<z.ZodType<number>> {
  const base = z.coerce.number().int().min(min);
  return {
    schema: max === undefined ? base : base.max(max),
    rule: max === undefined ? `a whole number of ${min} or more` : `a whole number from ${min} to ${max}`,
  };
}

/** A TCP port; 0 lets the system pick a free one. */
export const port: ValueType<z.ZodType<number>> = { schema: z.coerce.number().int().min(0).max(65535), rule: 'a port number from 0 to 65535' };

/** A number above 0, fractions allowed. */
export const positiveNumber: ValueType<z.ZodType<number>> = { schema: z.coerce.number().positive(), rule: 'a number above 0' };

export const text: ValueType<z.ZodType<string>> = { schema: z.string(), rule: 'text' };

/** A domain name, lower-cased. */
export const domain: ValueType<z.ZodType<string>> = {
  schema: z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.string().regex(DOMAIN)),
  rule: 'a domain name like example.org',
};

/** An email address; its domain is lower-cased, the local part kept as written. */
export const email: ValueType<z.ZodType<string>> = {
  schema: z
    .string()
    .regex(EMAIL)
    .transform((s) => {
      const at = s.lastIndexOf('@');
      return `${s.slice(0, at)}@${s.slice(at + 1).toLowerCase()}`;
    }),
  rule: 'an email address',
};

/** The domain of an address that passed `email`. */
export function domainOfEmail(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}

/** An http(s) URL, without a trailing slash. */
export const httpUrl: ValueType<z.ZodType<string>> = {
  schema: z
    .string()
    .refine((s) => URL.canParse(s) && ['http:', 'https:'].includes(new URL(s).protocol))
    .transform((s) => s.replace(/\/$/, '')),
  rule: 'an http(s) URL',
};

/** Comma-separated items, trimmed, empty ones dropped; each item must pass `item`. */
function list(item: RegExp, normalise: (s: string) => string, rule: string): ValueType<z.ZodType<string[]>> {
  return {
    schema: z
      .string()
      .transform((s) =>
        s
          .split(',')
          .map((part) => normalise(part.trim()))
          .filter((part) => part !== ''),
      )
      .superRefine((items, ctx) => {
        const bad = items.find((i) => !item.test(i));
        if (bad !== undefined) ctx.addIssue({ code: 'custom', message: `has "${bad}": use ${rule}`, params: OWN_WORDS });
      }),
    rule,
  };
}

export const jurisdictionList = list(JURISDICTION, (s) => s.toUpperCase(), 'ISO codes like DE or US-CA, or EU / EEA, separated by commas');

export const emailList = list(EMAIL, (s) => s.toLowerCase(), 'email addresses separated by commas');

/** "1" or "0" (unset: the default). */
export const flag: ValueType<z.ZodType<boolean>> = { schema: z.enum(['0', '1']).transform((s) => s === '1'), rule: '1 or 0' };

/** One of the given words. */
export function oneOf<const T extends readonly [string, ...string[]]>(...values: T): ValueType<z.ZodType<T[number]>> {
  return { schema: z.enum(values), rule: values.length === 1 ? `"${values[0]}"` : `one of ${values.join(', ')}` };
}

/** A JSON object whose keys and values are http(s) origins. */
export const originMap: ValueType<z.ZodType<Record<string, string>>> = {
  schema: z
    .string()
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not JSON', params: OWN_WORDS });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string(), z.string())),
  rule: 'a JSON object mapping provider origins to fixture origins, e.g. {"https://www.pinterest.com":"http://127.0.0.1:4100"}',
};

/** An S3 key prefix such as inbound/ (no leading slash, ends with one). */
export const keyPrefix: ValueType<z.ZodType<string>> = { schema: z.string().regex(/^[^/].*\/$/), rule: 'an S3 key prefix like inbound/' };

/** A CloudFormation stack name. */
export const stackName: ValueType<z.ZodType<string>> = {
  schema: z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/),
  rule: 'a stack name (letters, digits and hyphens, a letter first)',
};
