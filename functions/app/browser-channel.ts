// The settings / web-form channel: runs the provider's playbook with the person's session in a
// headless browser. Success is only what the engine read back; walls hand over to the person; a
// failure falls back to the email letter where the provider has an address.
import type { CookieParam } from 'puppeteer-core';
import { runPlaybook, type PlaybookResult } from '../browser/engine.ts';
import type { PlaybookContext } from '../browser/run.ts';
import { closeGuardedPage, launchBrowser, openGuardedPage } from '../browser/launch.ts';
import { getProvider } from '../core/providers/catalog.ts';
import { message } from '../core/messages.ts';
import type { Provider } from '../core/providers/schema.ts';
import type { Playbook } from '../core/providers/playbook.ts';
import { clock } from '../adapters/clock.ts';
import { config } from '../adapters/config.ts';
import { putEvidence } from '../adapters/evidence.ts';
import { addEvent, getRequest, type RequestRecord, type Submission } from '../data/store.ts';
import { applyEvent } from '../data/lifecycle.ts';
import { INITIAL_STATUS } from '../core/lifecycle.ts';
import { scheduleRecheck } from './browser-schedule.ts';
import { type BrowserOutcome, fallBack } from './browser-fallback.ts';
import { browserChannel, handToPerson, loadVerifiedSubmission, type RequestRef } from './dispatch.ts';
import { deleteSession, loadSession } from './sessions.ts';
import { notifyStatusChange } from './notify.ts';

/** Test-only mapping of provider origins to fixture servers; the engine refuses it in production. */
function originOverride(): Record<string, string> | undefined {
  return config().originOverride;
}

/** What the engine gets for one run: the form's values, the session, and the person's language (its labels are tried first). */
export function playbookContext(request: RequestRecord, submission: Submission, cookies: CookieParam[]): PlaybookContext {
  return {
    values: { identifier: request.identifier, name: submission.name, email: submission.email, reference: request.reference },
    cookies,
    lang: submission.lang,
  };
}

/**
 * The confirmed event's wording, by what the channel is: a settings toggle was read back as off after
 * a reload; a web form was sent and the provider's confirmation was shown (nothing is "switched off").
 */
export function confirmationDetail(
  channel: { type: 'settings' | 'webform'; label: string },
  playbook: Pick<Playbook, 'description'>,
  result: Pick<PlaybookResult, 'outcome' | 'reason'>,
): string {
  if (channel.type === 'webform') {
    return `"${channel.label}": the form was sent and the provider's confirmation was shown (${playbook.description}).`;
  }
  return result.outcome === 'done'
    ? `"${channel.label}" switched off and read back as off (${playbook.description}).`
    : `"${channel.label}" was already off; read back, nothing to change.`;
}

/**
 * Runs a playbook once with the person's session and stores the screenshots as evidence. The
 * browser is launched for this run only (one task run, one launch) and closed whatever happens.
 */
export async function runProviderPlaybook(
  request: RequestRecord,
  submission: Submission,
  provider: Provider,
  playbook: Playbook,
  cookies: CookieParam[],
): Promise<{ result: PlaybookResult; evidence: string[] }> {
  const browser = await launchBrowser();
  let result: PlaybookResult;
  try {
    const page = await openGuardedPage(browser, { allowedOrigins: provider.origins, originOverride: originOverride() });
    result = await runPlaybook(page, playbook, playbookContext(request, submission, cookies));
    await closeGuardedPage(page);
  } finally {
    await browser.close();
  }
  const evidence: string[] = [];
  const stamp = clock().now().toISOString().replace(/[:.]/g, '-');
  for (const [i, shot] of result.screenshots.entries()) {
    const label = shot.label.replace(/[^\w-]/g, '-');
    evidence.push(await putEvidence(`screenshots/${request.submissionId}/${request.id}/${stamp}-${i + 1}-${label}.png`, shot.png, 'image/png'));
  }
  return { result, evidence };
}

export async function applyInBrowser(ref: RequestRef): Promise<BrowserOutcome> {
  const request = await getRequest(ref.submissionId, ref.requestId);
  if (request.status !== INITIAL_STATUS) return { ...ref, channel: 'none' };
  const submission = await loadVerifiedSubmission(ref.submissionId);
  const provider = getProvider(request.provider);
  const channel = browserChannel(provider, submission.jurisdiction);
  const playbook = channel?.playbook ? provider.playbooks[channel.playbook] : undefined;
  if (!channel || !playbook) return fallBack(ref, `${provider.name} has no playbook for your region`);
  const session = await loadSession(ref.submissionId, provider.slug);
  if (!session && playbook.requiresSession) return fallBack(ref, 'no session was given for this account');

  const { result, evidence } = await runProviderPlaybook(request, submission, provider, playbook, session?.cookies ?? []);
  if (session && !session.keep) await deleteSession(ref.submissionId, provider.slug);

  const now = clock().now().toISOString();
  // One event per attempt: a retry of the same attempt finds the request unchanged (same updatedAt)
  // and writes nothing twice; a later attempt (a session given afterwards) gets its own event.
  const eventKey = `browser:${request.updatedAt}`;
  if (result.outcome === 'done' || result.outcome === 'already_off') {
    const moved = await applyEvent(ref, 'browser_confirmed', {
      channel: channel.type,
      target: channel.url,
      sentAt: now,
    });
    if (moved) {
      await addEvent({
        submissionId: ref.submissionId,
        requestId: ref.requestId,
        key: eventKey,
        at: now,
        kind: 'confirmed',
        detail: confirmationDetail(channel, playbook, result),
        evidence,
      });
      await notifyStatusChange(ref.submissionId, ref.requestId, `browser-confirmed:${now}`);
      if (session?.keep && channel.type === 'settings') await scheduleRecheck(ref);
    }
    return { ...ref, channel: 'none' };
  }
  await addEvent({
    submissionId: ref.submissionId,
    requestId: ref.requestId,
    key: eventKey,
    at: now,
    kind: result.outcome === 'needs_user_action' ? 'browser_stopped' : 'browser_failed',
    detail: result.reason,
    evidence,
  });
  if (result.outcome === 'needs_user_action') {
    await handToPerson(request, provider, submission, message(submission.lang, 'browserStopped', { reason: result.reason }));
    return { ...ref, channel: 'none' };
  }
  return fallBack(ref, result.reason);
}
