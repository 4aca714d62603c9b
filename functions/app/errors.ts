// Named errors that the HTTP layer maps to responses. Everything else is a 500.

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
