// When a step of one request fails for good (retries exhausted, or a bug), that request is marked
// failed with the reason and the person is told; the other requests of the submission go on.
import { clock } from '../adapters/clock.ts';
import { isClosed } from '../core/lifecycle.ts';
import type { RequestRef } from './dispatch.ts';
import { notifyStatusChange } from './notify.ts';
import { message } from '../core/messages.ts';
import type { Language } from '../core/model.ts';
import { addEvent, getRequest, getSubmission } from '../data/store.ts';
import { applyEvent } from '../data/lifecycle.ts';

async function personLanguage(submissionId: string): Promise<Language> {
  return (await getSubmission(submissionId))?.lang ?? 'en';
}

export async function requestFailed(input: RequestRef & { error?: { Error?: string; Cause?: string } }): Promise<RequestRef> {
  const ref = { submissionId: input.submissionId, requestId: input.requestId };
  const request = await getRequest(ref.submissionId, ref.requestId);
  if (isClosed(request.status)) return ref;
  const cause = (input.error?.Cause ?? '').slice(0, 300);
  const reason = `${input.error?.Error ?? 'Error'}${cause ? `: ${cause}` : ''}`;
  if (await applyEvent(ref, 'failed', { userAction: message(await personLanguage(ref.submissionId), 'requestFailed', { reason }) }, request.status)) {
    const at = clock().now().toISOString();
    await addEvent({ ...ref, at, kind: 'failed', detail: `Stopped after an error: ${reason}` });
    await notifyStatusChange(ref.submissionId, ref.requestId, `failed:${at}`);
  }
  return ref;
}
