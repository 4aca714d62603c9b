// Provider sessions in the table: one item per submission and provider (PK=SUB#<id>,
// SK=SESSION#<provider>) holding the cookies sealed by functions/app/sessions.ts, which alone seals
// and opens them; nothing here sees them in the clear. In the submission's partition, so deleting a
// person's data deletes them with the rest.
import { key } from './schema.ts';
import { deleteItem, getItem, putItem, updateItemIfExists } from './store.ts';

export interface StoredSession {
  sealed: string;
  keep: boolean;
  savedAt: string;
}

export async function putSession(submissionId: string, provider: string, session: StoredSession, expiresAt: number): Promise<void> {
  await putItem(key.session(submissionId, provider), { type: 'session', ...session, expiresAt });
}

/** The stored session, unless there is none or it expired. */
export async function getSession(submissionId: string, provider: string): Promise<StoredSession | undefined> {
  return getItem<StoredSession>(key.session(submissionId, provider));
}

export async function deleteStoredSession(submissionId: string, provider: string): Promise<void> {
  await deleteItem(key.session(submissionId, provider));
}

/** Gives a stored session a new expiry (epoch seconds); a missing one is no error. */
export async function extendSession(submissionId: string, provider: string, expiresAt: number): Promise<void> {
  await updateItemIfExists(key.session(submissionId, provider), { expiresAt });
}
