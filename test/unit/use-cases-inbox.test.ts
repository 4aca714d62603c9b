// One poll of the person's inbox (functions/app/inbox.ts) with in-memory ports and a scripted mailbox:
// the position is written once per poll, a first poll without a start date reads nothing old, and a
// reply whose handling keeps failing is given up after MAX_ATTEMPTS polls, so the replies after it go on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxHeaders, InboxSession } from '../../functions/adapters/imap-inbox.ts';
import type { TablePort } from '../../functions/adapters/clients.ts';
import { sendLetter } from '../../functions/app/dispatch.ts';
import { MAX_ATTEMPTS, pollInbox, type InboxPollOptions } from '../../functions/app/inbox.ts';
import type { MailInResult } from '../../functions/app/mail-in.ts';
import { getInboxCursor } from '../../functions/data/mailbox.ts';
import { getRequest } from '../../functions/data/store.ts';
import { runWith } from '../../functions/runtime/scope.ts';
import { type MemoryRuntime, memoryRuntime, memoryTable } from '../support/memory-runtime.ts';
import { form, submittedAndRouted } from '../support/use-case-flow.ts';

const PERSON = 'inbox@example.org';
let table: Awaited<ReturnType<typeof memoryTable>>;
/** Writes of the inbox position, counted at the table. */
let cursorWrites = 0;
let runtime: MemoryRuntime;
let reference: string;

beforeAll(async () => {
  table = await memoryTable();
  const counting: TablePort = {
    send: ((command: { input?: { Item?: { type?: string } } }) => {
      if (command.input?.Item?.type === 'inbox-cursor') cursorWrites += 1;
      return table.table.send(command as never);
    }) as TablePort['send'],
  };
  runtime = memoryRuntime({ table: counting });
  const { submissionId, requestIds } = await submittedAndRouted(runtime, form(PERSON, [{ provider: 'reddit', identifier: 'inbox_m' }]));
  await runWith(runtime, async () => {
    await sendLetter({ submissionId, requestId: requestIds[0]! });
    reference = (await getRequest(submissionId, requestIds[0]!)).reference;
  });
});
afterAll(async () => {
  await table?.close();
});

/** A mailbox of `messages` (UIDs 1, 2, ...), each message's source its subject. */
function mailbox(subjects: string[]): () => Promise<InboxSession> {
  const messages: InboxHeaders[] = subjects.map((subject, i) => ({ uid: i + 1, from: 'someone@example.net', subject, references: [] }));
  return async () => ({
    uidValidity: '7',
    lastUid: messages.length,
    headersAfter: async (after) => messages.filter((m) => m.uid > after),
    headersSince: async () => messages,
    source: async (uid) => Buffer.from(messages[uid - 1]!.subject),
    move: async () => undefined,
    close: async () => undefined,
  });
}

const handledFine = async () => ({ outcome: 'ignored' }) as unknown as MailInResult;

describe('polling the inbox', () => {
  it('starts at the end of the mailbox when it has no start date, and reads what comes after', async () => {
    const options: InboxPollOptions = { ownAddress: 'first@example.org', mailbox: 'INBOX', receive: handledFine };
    const first = await runWith(runtime, () => pollInbox(mailbox([`Re: ${reference}`, 'Hello']), options));
    expect(first).toEqual({ seen: 0, handled: [] });
    expect(await runWith(runtime, () => getInboxCursor('first@example.org', 'INBOX'))).toEqual({ uidValidity: '7', lastUid: 2 });
    const next = await runWith(runtime, () => pollInbox(mailbox([`Re: ${reference}`, 'Hello', `Re: ${reference} again`]), options));
    expect(next.seen).toBe(1);
    expect(next.handled.map((h) => h.uid)).toEqual([3]);
  });

  it('gives up a reply that keeps failing after MAX_ATTEMPTS polls, keeps it, and reads the ones after it; one position write a poll', async () => {
    const kept: { uid: number; raw?: string; error: string }[] = [];
    const options: InboxPollOptions = {
      ownAddress: PERSON,
      mailbox: 'INBOX',
      since: new Date('2026-03-01T00:00:00Z'),
      receive: async (raw) => {
        if (raw.toString().includes('POISON')) throw new Error('a bug in the classifier');
        return handledFine();
      },
      deadLetter: (message, raw, error) => {
        kept.push({ uid: message.uid, raw: raw?.toString(), error: error.message });
        return `dead-letter/${message.uid}.eml`;
      },
    };
    const open = mailbox([`Re: ${reference} (thanks)`, 'Not ours', `Re: ${reference} POISON`, `Re: ${reference} (decision)`]);
    const writesBefore = cursorWrites;
    for (let poll = 1; poll < MAX_ATTEMPTS; poll += 1) {
      await expect(runWith(runtime, () => pollInbox(open, options))).rejects.toThrow('a bug in the classifier');
      expect(await runWith(runtime, () => getInboxCursor(PERSON, 'INBOX'))).toEqual({ uidValidity: '7', lastUid: 2, failing: { uid: 3, attempts: poll } });
    }
    const last = await runWith(runtime, () => pollInbox(open, options));
    expect(last.givenUp).toEqual([{ uid: 3, error: 'a bug in the classifier', kept: 'dead-letter/3.eml' }]);
    expect(kept).toEqual([{ uid: 3, raw: `Re: ${reference} POISON`, error: 'a bug in the classifier' }]);
    expect(last.handled.map((h) => h.uid)).toEqual([4]);
    expect(await runWith(runtime, () => getInboxCursor(PERSON, 'INBOX'))).toEqual({ uidValidity: '7', lastUid: 4 });
    // One write a poll, whatever the number of messages; none when nothing changed.
    expect(cursorWrites - writesBefore).toBe(MAX_ATTEMPTS);
    expect(await runWith(runtime, () => pollInbox(open, options))).toEqual({ seen: 0, handled: [] });
    expect(cursorWrites - writesBefore).toBe(MAX_ATTEMPTS);
  });
});
