// The Retry policy of every Task in workflows/submission.asl.json, written once. Step Functions cannot
// share a Retry block between states, so the ASL file (which both runtimes load as it is) repeats it
// on each Task; test/unit/workflow-file.test.ts fails when one differs from this. To change the
// policy, change it here and on every Task of the ASL file.

/**
 * Every Task: Lambda's own transient failures, and TransientError (functions/handlers/task.ts names
 * an error retryable: throttling, a 5xx, a dropped connection). Backoff 2, 4, 8... seconds, at most
 * 120, with full jitter, 6 attempts; anything else goes to the state's Catch at once.
 */
export const TRANSIENT_RETRY = {
  ErrorEquals: ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException', 'TransientError'],
  IntervalSeconds: 2,
  MaxAttempts: 6,
  BackoffRate: 2,
  MaxDelaySeconds: 120,
  JitterStrategy: 'FULL',
} as const;

/**
 * Tasks that send a letter through the outbox, in addition: LetterInDoubt (functions/app/outbox.ts), a
 * letter that may have gone out while the delivery log does not show it yet, is asked again later
 * (15 s, then up to 60 s apart, 6 times) before the send grace period lets it be resent.
 */
export const LETTER_IN_DOUBT_RETRY = {
  ErrorEquals: ['LetterInDoubt'],
  IntervalSeconds: 15,
  MaxAttempts: 6,
  BackoffRate: 2,
  MaxDelaySeconds: 60,
} as const;

/** The Tasks whose step sends a letter through the outbox (the first letter; the follow-up letters). */
export const LETTER_TASKS = ['SendLetter', 'FollowUp'] as const;
