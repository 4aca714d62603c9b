// A person's session for a provider, given after the request was made: an exported cookie file
// uploaded on the status page, or the list of cookies the companion extension (extension/) read from
// the person's browser for that provider's origins. Both go through the same checks and are sealed
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
import { multiLine, textRules } from '../core/text-rules.ts';
import { saveSession } from './sessions.ts';

/** Characters of a cookie file, or of a cookie list written as JSON. */
const MAX_COOKIE_CHARS = 200_000;

const UploadSchema = z.strictObject(
  {
    provider: z
      .string({ message: 'must be a text: a provider slug' })
      .superRefine(textRules())
      .refine((slug) => getCatalog().has(slug), { message: 'is not a provider in the catalog' }),
    // A cookie file's text, or a list of cookie objects (the fields of chrome.cookies.Cookie, as
    // cookie-export extensions write them): a list is read as the JSON file it would be, under the
    // same size limit and the same checks.
    cookies: z
      .union([z.string(), z.array(z.unknown())], { message: 'must be a text (an exported cookie file) or a list of cookie objects' })
      .transform((cookies) => (typeof cookies === 'string' ? cookies : JSON.stringify(cookies)))
      .pipe(multiLine(MAX_COOKIE_CHARS).refine((text) => text.trim() !== '', 'is empty: paste the exported cookie file')),
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
  const rawCookies: unknown = (body as { cookies?: unknown }).cookies;
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
    throw new ValidationError(Array.isArray(rawCookies) ? 'invalid cookie list' : 'invalid cookie file', [
      { path: 'cookies', message: (error as Error).message },
    ]);
  }
  if (cookies.length === 0) {
    throw new ValidationError(Array.isArray(rawCookies) ? 'invalid cookie list' : 'invalid cookie file', [
      { path: 'cookies', message: `holds no cookie for ${provider.name} (${provider.origins.join(', ')})` },
    ]);
  }
  await saveSession(id, provider.slug, cookies, input.keep);
  const scheduled: string[] = [];
  const { requests } = await listRequests(id);
  for (const request of requests.filter((r) => r.provider === provider.slug)) {
    const ref = { submissionId: id, requestId: request.id };
    const use = sessionUse(request, submission.jurisdiction);
    if (use === 'first-try') {
      await scheduleBrowserJob(ref, clock().now());
      scheduled.push(request.id);
    } else if (use === 'recheck' && input.keep) {
      await scheduleRecheck(ref);
      scheduled.push(request.id);
    }
  }
  return { provider: provider.slug, cookies: cookies.length, keep: input.keep, scheduled };
}

/**
 * What a session given now would do for a request: `first-try` when it was handed to the person and
 * the provider has a browser playbook (the browser tries within the hour), `recheck` for a setting
 * already switched off (a kept session lets the browser check it again), otherwise null. The status
 * page offers its upload, and the API names it, so the extension offers a hand-over, from this rule.
 */
export function sessionUse(request: { provider: string; status: string; channel?: string | null }, jurisdiction: string): 'first-try' | 'recheck' | null {
  const provider = getCatalog().get(request.provider);
  if (!provider || !browserChannel(provider, jurisdiction)) return null;
  if (request.status === 'needs_user_action') return 'first-try';
  if (request.status === 'confirmed' && request.channel === 'settings') return 'recheck';
  return null;
}
