// What happens when the browser channel cannot finish: the letter where the provider has an address,
// else a hand-over to the person. Kept apart from browser-channel.ts so the light workflow functions
// (BrowserFailed) do not carry Chromium.
import { getProvider } from '../core/providers/catalog.ts';
import { message } from '../core/messages.ts';
import { clock } from '../adapters/clock.ts';
import { addEvent, getRequest } from '../data/store.ts';
import { applyEvent } from '../data/lifecycle.ts';
import { INITIAL_STATUS } from '../core/lifecycle.ts';
import { handToPerson, loadVerifiedSubmission, type RequestRef, usableEmailChannel } from './dispatch.ts';

/** What the browser steps return; the workflow's BrowserOutcome state branches on it (test/unit/workflow-file.test.ts). */
export const BROWSER_OUTCOMES = ['email', 'none'] as const;
export type BrowserOutcome = RequestRef & { channel: (typeof BROWSER_OUTCOMES)[number] };

/** After the browser failed (or could not run): the letter if there is an address, else the person. */
export async function fallBack(ref: RequestRef, why: string): Promise<BrowserOutcome> {
  const request = await getRequest(ref.submissionId, ref.requestId);
  if (request.status !== INITIAL_STATUS) return { ...ref, channel: request.channel === 'email' ? 'email' : 'none' };
  const submission = await loadVerifiedSubmission(ref.submissionId);
  const provider = getProvider(request.provider);
  const email = await usableEmailChannel(provider, submission.jurisdiction, request.basis);
  if (email) {
    if (!(await applyEvent(ref, 'channel_chosen', { channel: 'email', target: email.address }, request.status))) {
      return { ...ref, channel: 'none' }; // moved on meanwhile (cancelled by the person)
    }
    await addEvent({
      submissionId: ref.submissionId,
      requestId: ref.requestId,
      key: 'fallback',
      at: clock().now().toISOString(),
      kind: 'fallback',
      detail: `Browser channel not possible (${why}); sending the letter by email instead.`,
    });
    return { ...ref, channel: 'email' };
  }
  await handToPerson(request, provider, submission, message(submission.lang, 'browserCouldNot', { reason: why }));
  return { ...ref, channel: 'none' };
}

export async function browserFailed(input: RequestRef & { error?: { Error?: string; Cause?: string } }): Promise<BrowserOutcome> {
  const ref = { submissionId: input.submissionId, requestId: input.requestId };
  // The cause may quote page text but never cookies: the engine does not put them in errors.
  const why = `browser run failed: ${input.error?.Error ?? 'error'}`;
  return fallBack(ref, why);
}
