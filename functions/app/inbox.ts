// Personal mode: one poll of the person's own inbox. Design:
// - Only answers to our letters are touched: a message counts when its In-Reply-To/References name one
//   of our letters' Message-IDs, or its subject carries a request's reference (reply-matching.ts
//   answersOurLetter).
//   Mail from the person's own address is never one (their own status mails, their own replies).
// - Each such message goes, raw, to the same receiveMail as SMTP and SES mail (authentication,
//   matching, classification, transitions).
// - What was looked at is remembered in the table (data/mailbox.ts: UIDVALIDITY + last UID), after each
//   message, so a second poll or a restart reads only what is new. receiveMail's own dedupe (content
//   hash) covers the rest: a message read again after a UIDVALIDITY change is a duplicate.
// - A message whose handling fails stops the poll before the cursor passes it: the next poll tries it
//   again (as the SMTP server's 451 does in demo mode).
// - Nothing is deleted, flagged or moved, unless the person configured `moveTo`.
import { receiveMail, type MailInResult } from './mail-in.ts';
import { answersOurLetter } from './reply-matching.ts';
import { getInboxCursor, putInboxCursor } from '../data/mailbox.ts';
import type { InboxSession } from '../adapters/imap-inbox.ts';

export interface InboxPollOptions {
  /** The person's address: the account the cursor belongs to, and mail from it is skipped. */
  ownAddress: string;
  mailbox: string;
  moveTo?: string;
}

export interface InboxPollResult {
  /** Messages looked at (new since the last poll). */
  seen: number;
  /** Answers to our letters handed to mail-in, with what mail-in made of them. */
  handled: { uid: number; result: MailInResult }[];
}

export async function pollInbox(open: () => Promise<InboxSession>, options: InboxPollOptions): Promise<InboxPollResult> {
  const own = options.ownAddress.toLowerCase();
  const session = await open();
  const handled: InboxPollResult['handled'] = [];
  try {
    const cursor = await getInboxCursor(own, options.mailbox);
    const after = cursor && cursor.uidValidity === session.uidValidity ? cursor.lastUid : 0;
    const messages = await session.headersAfter(after);
    for (const message of messages) {
      const ours = message.from !== own && (await answersOurLetter(message));
      if (ours) {
        const raw = await session.source(message.uid);
        const result = await receiveMail(raw, { rcptTo: [own] });
        handled.push({ uid: message.uid, result });
        if (options.moveTo) await session.move(message.uid, options.moveTo);
      }
      await putInboxCursor(own, options.mailbox, { uidValidity: session.uidValidity, lastUid: message.uid });
    }
    return { seen: messages.length, handled };
  } finally {
    await session.close();
  }
}
