// Named errors that the HTTP layer maps to responses. Everything else is a 500.
import type { z } from 'zod';

export interface FieldIssue {
  path: string;
  message: string;
}

/** 400: the input was wrong; `issues` names each field and why. Nothing was stored. */
export class ValidationError extends Error {
  constructor(
    message: string,
    readonly issues: FieldIssue[],
  ) {
    super(message);
  }
}

/** 404: unknown id, or a token that does not match (indistinguishable on purpose). */
export class NotFound extends Error {}

/** 409: the action does not fit the current state. */
export class Conflict extends Error {}

/** 429: a limit was reached; the same call may succeed at `retryAt`. */
export class TooManyRequests extends Error {
  constructor(
    message: string,
    readonly retryAt: Date,
  ) {
    super(message);
  }
}

/** Parses `body` with `schema`, or throws a ValidationError naming every wrong field (unknown keys each by name). */
export function parseInput<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = result.error.issues.flatMap((issue): FieldIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ path: [...issue.path, k].join('.'), message: 'is not a field we know; leave it out' }));
    }
    return [{ path: issue.path.join('.') || '(body)', message: issue.message }];
  });
  throw new ValidationError(what, issues);
}
