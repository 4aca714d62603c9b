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
import { NotFound, ValidationError } from './errors.ts';
import { saveSession } from './sessions.ts';

const UploadSchema = z.object({
  provider: z.string().refine((slug) => getCatalog().has(slug), { message: 'is not a provider in the catalog' }),
  cookies: z.string().min(1, 'is empty: paste the exported cookie file').max(200_000, 'is too large'),
  keep: z.boolean().default(false),
});

export interface SessionUploaded {
  provider: string;
  cookies: number;
  keep: boolean;
  /** Requests the browser will now work on: a first try (handed over before) or resumed re-checks. */
  scheduled: string[];
}

export async function uploadSession(id: string, token: string | undefined, body: unknown): Promise<SessionUploaded> {
  if (!token || !(await verifySignature('status', id, token)) || !(await getSubmission(id))) throw new NotFound('submission not found');
  const parsed = UploadSchema.safeParse(body);
  if (!parsed.success) {
    throw new ValidationError('invalid session upload', parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })));
  }
  const provider = getProvider(parsed.data.provider);
  let cookies: ReturnType<typeof parseCookieExport>;
  try {
    cookies = parseCookieExport(parsed.data.cookies, provider.origins);
  } catch (error) {
    throw new ValidationError('invalid cookie file', [{ path: 'cookies', message: (error as Error).message }]);
  }
  if (cookies.length === 0) {
    throw new ValidationError('invalid cookie file', [{ path: 'cookies', message: `holds no cookie for ${provider.name} (${provider.origins.join(', ')})` }]);
  }
  await saveSession(id, provider.slug, cookies, parsed.data.keep);
  const submission = (await getSubmission(id))!;
  const scheduled: string[] = [];
  if (browserChannel(provider, submission.jurisdiction)) {
    const { requests } = await listRequests(id);
    for (const request of requests.filter((r) => r.provider === provider.slug)) {
      const ref = { submissionId: id, requestId: request.id };
      if (request.status === 'needs_user_action') {
        await scheduleBrowserJob(ref, clock().now());
        scheduled.push(request.id);
      } else if (request.status === 'confirmed' && request.channel === 'settings' && parsed.data.keep) {
        await scheduleRecheck(ref);
        scheduled.push(request.id);
      }
    }
  }
  return { provider: provider.slug, cookies: cookies.length, keep: parsed.data.keep, scheduled };
}
