// The status page's "upload an exported cookie file" for a provider: the person's session, sealed
// at once, so the browser channel can act for them. We never ask for or store a password.
import { z } from 'zod';
import { getCatalog, getProvider } from '../core/providers/catalog.ts';
import { parseCookieExport } from '../browser/cookies.ts';
import { getSubmission, listRequests } from '../data/store.ts';
import { clock } from '../adapters/clock.ts';
import { browserChannel } from './dispatch.ts';
import { scheduleBrowserJob, scheduleRecheck } from './browser-schedule.ts';
import { verifySignature } from '../adapters/signing.ts';
import { NotFound, parseInput, ValidationError } from './errors.ts';
import { multiLine } from '../core/text-rules.ts';
import { saveSession } from './sessions.ts';

const UploadSchema = z.strictObject(
  {
    provider: z
      .string({ message: 'must be a text: a provider slug' })
      .refine((slug) => getCatalog().has(slug), { message: 'is not a provider in the catalog' }),
    cookies: multiLine(200_000).refine((text) => text.trim() !== '', 'is empty: paste the exported cookie file'),
    keep: z.boolean({ message: 'must be true or false' }).default(false),
  },
  { message: 'must be a JSON object' },
);

export interface SessionUploaded {
  provider: string;
  cookies: number;
  keep: boolean;
  /** Requests the browser will now work on: a first try (handed over before) or resumed re-checks. */
  scheduled: string[];
}

export async function uploadSession(id: string, token: string | undefined, body: unknown): Promise<SessionUploaded> {
  if (!token || !(await verifySignature('status', id, token))) throw new NotFound('submission not found');
  const submission = await getSubmission(id);
  if (!submission) throw new NotFound('submission not found');
  const input = parseInput(UploadSchema, body, 'invalid session upload');
  // A session is only ever kept for an account the person listed (and confirmed) in this submission.
  if (!submission.accounts.some((a) => a.provider === input.provider)) {
    throw new ValidationError('invalid session upload', [
      { path: 'provider', message: `is not one of the accounts of this submission (${[...new Set(submission.accounts.map((a) => a.provider))].join(', ')})` },
    ]);
  }
  const provider = getProvider(input.provider);
  let cookies: ReturnType<typeof parseCookieExport>;
  try {
    cookies = parseCookieExport(input.cookies, provider.origins);
  } catch (error) {
    throw new ValidationError('invalid cookie file', [{ path: 'cookies', message: (error as Error).message }]);
  }
  if (cookies.length === 0) {
    throw new ValidationError('invalid cookie file', [{ path: 'cookies', message: `holds no cookie for ${provider.name} (${provider.origins.join(', ')})` }]);
  }
  await saveSession(id, provider.slug, cookies, input.keep);
  const scheduled: string[] = [];
  if (browserChannel(provider, submission.jurisdiction)) {
    const { requests } = await listRequests(id);
    for (const request of requests.filter((r) => r.provider === provider.slug)) {
      const ref = { submissionId: id, requestId: request.id };
      if (request.status === 'needs_user_action') {
        await scheduleBrowserJob(ref, clock().now());
        scheduled.push(request.id);
      } else if (request.status === 'confirmed' && request.channel === 'settings' && input.keep) {
        await scheduleRecheck(ref);
        scheduled.push(request.id);
      }
    }
  }
  return { provider: provider.slug, cookies: cookies.length, keep: input.keep, scheduled };
}
