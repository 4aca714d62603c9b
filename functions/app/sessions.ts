// Provider sessions (cookies) of a person: sealed at rest (KMS envelope on AWS, AES-256-GCM with a
// local key file), opened only inside the browser task, deleted after use unless the person keeps
// them for re-checks. Neither cookie values nor sealed blobs go into logs or workflow state.
import type { CookieParam } from 'puppeteer-core';
import { clock } from '../adapters/clock.ts';
import { runtime } from '../runtime/scope.ts';
import { deleteStoredSession, extendSession, getSession, putSession } from '../data/sessions.ts';
import { expiresAt } from '../data/store.ts';

function context(submissionId: string, provider: string): string {
  return `session:${submissionId}:${provider}`;
}

/** Seals and stores a session; it expires with the retention period unless `expires` (epoch seconds) says sooner. */
export async function saveSession(submissionId: string, provider: string, cookies: CookieParam[], keep: boolean, expires: number = expiresAt()): Promise<void> {
  const sealed = await runtime().secrets.seal(Buffer.from(JSON.stringify(cookies)), context(submissionId, provider));
  await putSession(submissionId, provider, { sealed, keep, savedAt: clock().now().toISOString() }, expires);
}

export async function loadSession(submissionId: string, provider: string): Promise<{ cookies: CookieParam[]; keep: boolean } | undefined> {
  const stored = await getSession(submissionId, provider);
  if (!stored) return undefined;
  const plain = await runtime().secrets.open(stored.sealed, context(submissionId, provider));
  return { cookies: JSON.parse(plain.toString('utf8')) as CookieParam[], keep: stored.keep };
}

export async function deleteSession(submissionId: string, provider: string): Promise<void> {
  await deleteStoredSession(submissionId, provider);
}

/** Gives the sessions stored for `providers` (if any) a new expiry: a confirmed submission keeps them. */
export async function extendSessions(submissionId: string, providers: string[], expires: number): Promise<void> {
  for (const provider of providers) await extendSession(submissionId, provider, expires);
}
