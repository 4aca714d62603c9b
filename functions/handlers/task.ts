// Wraps a workflow step for both runtimes: validates the ids it gets, and names retryable failures
// "TransientError" so the ASL's Retry (backoff + jitter) catches them and nothing else.
import { z } from 'zod';
import { lambdaEntry } from './aws-runtime.ts';
import { goneOutput, submissionGone } from './gone.ts';

const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);

export class TransientError extends Error {
  override name = 'TransientError';
}

function isTransient(error: unknown): boolean {
  const e = error as { $retryable?: unknown; $metadata?: { httpStatusCode?: number }; code?: string; name?: string; cause?: unknown };
  if (!e || typeof e !== 'object') return false;
  if (e.name === 'TransientError' || e.$retryable) return true;
  if ((e.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  if (e.name === 'ThrottlingException' || e.name === 'ProvisionedThroughputExceededException' || e.name === 'TooManyRequestsException') return true;
  if (e.code && TRANSIENT_CODES.has(e.code)) return true;
  return e.cause ? isTransient(e.cause) : false;
}

const Ids = z.object({
  submissionId: z.string().regex(/^[\w-]{8,64}$/),
  requestId: z
    .string()
    .regex(/^r\d{1,4}$/)
    .optional(),
});

export type Step<I, O> = (input: I) => Promise<O>;

export function workflowTask<I extends object, O>(step: Step<I, O>): (input: unknown) => Promise<O> {
  return lambdaEntry(async (input: unknown) => {
    const parsed = Ids.safeParse(input);
    if (!parsed.success) {
      throw new Error(`workflow task got bad ids: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    }
    // Deleted by the person (or past retention): end the branch quietly, before acting or after a
    // step failed because the data went away while it ran.
    if (await submissionGone(parsed.data.submissionId)) return goneOutput(parsed.data) as O;
    try {
      return await step(input as I);
    } catch (error) {
      if (await submissionGone(parsed.data.submissionId).catch(() => false)) return goneOutput(parsed.data) as O;
      if (isTransient(error)) throw new TransientError((error as Error).message, { cause: error });
      throw error;
    }
  });
}
