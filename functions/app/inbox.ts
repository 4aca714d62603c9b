// Personal mode: one poll of the person's own inbox. Design:
// - Only answers to our letters are touched: a message counts when its In-Reply-To/References name one
//   of our letters' Message-IDs, or its subject carries a request's reference (reply-matching.ts
//   answersOurLetter).
//   Mail from the person's own address is never one (their own status mails, their own replies).
// - Each such message goes, raw, to the same receiveMail as SMTP and SES mail (authentication,
//   matching, classification, transitions).
// - What was looked at is remembered in the table (data/mailbox.ts: UIDVALIDITY + last UID), written
//   once per poll, so a second poll or a restart reads only what is new. receiveMail's own dedupe
//   (content hash) covers the rest: a message read again after a UIDVALIDITY change is a duplicate.
// - The first poll of a mailbox (no position yet, or the server renumbered it) reads only mail that
//   arrived since `since` (IMAP SEARCH SINCE: the person's setup, before any letter went out), not the
//   years of mail before it, and not only what comes after the start either: a reply that arrived
//   while the app was not running is read.
// - A message whose handling fails stops the poll before the cursor passes it: the next poll tries it
//   again (as the SMTP server's 451 does in demo mode). After MAX_ATTEMPTS failed polls it is given up:
//   kept where `deadLetter` puts it (the data folder's dead-letter/inbox, as demo mode's SMTP path
//   keeps its own), logged, and passed, so one bad message does not hold back every later reply.
// - Nothing is deleted, flagged or moved, unless the person configured `moveTo`.
import { receiveMail, type MailInResult } from './mail-in.ts';
import { answersOurLetter } from './reply-matching.ts';
import { getInboxCursor, type InboxCursor, putInboxCursor } from '../data/mailbox.ts';
import type { InboxHeaders, InboxSession } from '../adapters/imap-inbox.ts';

/** How many polls try one message before it is given up (with the default 60 s a poll: five minutes). */
export const MAX_ATTEMPTS = 5;

export interface InboxPollOptions {
  /** The person's address: the account the cursor belongs to, and mail from it is skipped. */
  ownAddress: string;
  mailbox: string;
  moveTo?: string;
  /** The first poll of a mailbox reads mail that arrived on or after this day; without it, only what comes next. */
  since?: Date;
  /** Keeps a message given up after MAX_ATTEMPTS (its raw source when it could be read); returns where, for the log. */
  deadLetter?: (message: InboxHeaders, raw: Buffer | undefined, error: Error) => string | undefined;
  /** What handles an answer; receiveMail unless a test injects a fault. */
  receive?: (raw: Buffer, envelope: { rcptTo: string[] }) => Promise<MailInResult>;
}

export interface InboxPollResult {
  /** Messages looked at (new since the last poll). */
  seen: number;
  /** Answers to our letters handed to mail-in, with what mail-in made of them. */
  handled: { uid: number; result: MailInResult }[];
  /** Messages given up in this poll after MAX_ATTEMPTS failed ones (absent when none). */
  givenUp?: { uid: number; error: string; kept?: string }[];
}

export async function pollInbox(open: () => Promise<InboxSession>, options: InboxPollOptions): Promise<InboxPollResult> {
  const own = options.ownAddress.toLowerCase();
  const receive = options.receive ?? receiveMail;
  const session = await open();
  const handled: InboxPollResult['handled'] = [];
  const givenUp: NonNullable<InboxPollResult['givenUp']> = [];
  try {
    const stored = await getInboxCursor(own, options.mailbox);
    const known = stored && stored.uidValidity === session.uidValidity ? stored : undefined;
    const messages = known ? await session.headersAfter(known.lastUid) : options.since ? await session.headersSince(options.since) : [];
    // Where the cursor stands: after the last message looked at; on a first poll, just before the first
    // message to read (so a poll that fails on it does not start over from the mailbox's beginning), or
    // at the mailbox's end when there is none.
    const cursor: InboxCursor = known ?? { uidValidity: session.uidValidity, lastUid: messages.length ? messages[0]!.uid - 1 : session.lastUid };
    const start = JSON.stringify(cursor);
    try {
      for (const message of messages) {
        let raw: Buffer | undefined;
        try {
          const ours = message.from !== own && (await answersOurLetter(message));
          if (ours) {
            raw = await session.source(message.uid);
            const result = await receive(raw, { rcptTo: [own] });
            handled.push({ uid: message.uid, result });
            if (options.moveTo) await session.move(message.uid, options.moveTo);
          }
        } catch (error) {
          const attempts = cursor.failing?.uid === message.uid ? cursor.failing.attempts + 1 : 1;
          if (attempts < MAX_ATTEMPTS) {
            // Next time from this message on (not from a message a first poll's SINCE left out before it).
            cursor.lastUid = message.uid - 1;
            cursor.failing = { uid: message.uid, attempts };
            throw error;
          }
          const reason = error instanceof Error ? error : new Error(String(error));
          givenUp.push({ uid: message.uid, error: reason.message, kept: options.deadLetter?.(message, raw, reason) });
        }
        cursor.lastUid = message.uid;
        delete cursor.failing;
      }
    } finally {
      // Once per poll, also when a message failed: what was handled before it stays handled.
      if (JSON.stringify(cursor) !== start || !known) await putInboxCursor(own, options.mailbox, cursor);
    }
    return { seen: messages.length, handled, ...(givenUp.length ? { givenUp } : {}) };
  } finally {
    await session.close();
  }
}
