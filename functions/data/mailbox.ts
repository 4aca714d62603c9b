// Personal mode: how far the person's IMAP inbox has been read (functions/app/inbox.ts). One item per
// account and mailbox: the mailbox's UIDVALIDITY and the highest UID looked at. A new UIDVALIDITY (the
// server renumbered the mailbox) starts over from the first message; mail-in's own dedupe by content
// hash then keeps a message that was handled before from being handled again.
import { key } from './schema.ts';
import { getItem, putItem } from './store.ts';

export interface InboxCursor {
  uidValidity: string;
  lastUid: number;
  /** The message after lastUid whose handling failed, and how many times (app/inbox.ts gives up after a few). */
  failing?: { uid: number; attempts: number };
}

export async function getInboxCursor(account: string, mailbox: string): Promise<InboxCursor | undefined> {
  const item = await getItem<InboxCursor>(key.inboxCursor(account, mailbox));
  return item ? { uidValidity: item.uidValidity, lastUid: item.lastUid, ...(item.failing ? { failing: item.failing } : {}) } : undefined;
}

/** No TTL: the cursor holds no personal data, and losing it would only mean reading the inbox again. */
export async function putInboxCursor(account: string, mailbox: string, cursor: InboxCursor): Promise<void> {
  await putItem(key.inboxCursor(account, mailbox), { type: 'inbox-cursor', ...cursor });
}
