// Personal mode, mail in: the person's own mailbox over IMAP (imapflow). This module only talks IMAP;
// what to read and what to do with it is functions/app/inbox.ts. Design:
// - One short connection per poll (connect, read what is new, log out): nothing to keep alive, and a
//   network hiccup costs one poll, not a reconnect state machine. The poll interval is the latency.
// - The mailbox is opened read-only (EXAMINE) and messages are fetched with BODY.PEEK, so the person's
//   mail is never changed, not even its \Seen flag. Only when the person configured `moveTo` is the
//   mailbox opened read-write, to move handled replies there.
// - Sent letters are appended to the Sent folder (the configured one, or the one the server marks
//   \Sent); `sentFolder: null` turns that off for providers that file SMTP mail themselves (Gmail).
import { connect as connectPlain, isIP } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import { checkSecurity, explainMailError, MailServerError, wrongService, type ImapServer } from './mail-servers.ts';

export interface InboxHeaders {
  uid: number;
  from?: string;
  subject: string;
  messageId?: string;
  inReplyTo?: string;
  references: string[];
}

export interface InboxSession {
  /** UIDVALIDITY of the mailbox: UIDs are only comparable while it stays the same. */
  uidValidity: string;
  /** Headers of the messages with a UID above `afterUid`, oldest first. */
  headersAfter(afterUid: number): Promise<InboxHeaders[]>;
  /** Headers of the messages that arrived on or after the day of `since` (IMAP SEARCH SINCE), oldest first. */
  headersSince(since: Date): Promise<InboxHeaders[]>;
  /** The highest UID the mailbox has given so far (UIDNEXT - 1): where a cursor starts when nothing is to be read. */
  lastUid: number;
  /** The raw message, without setting \Seen. */
  source(uid: number): Promise<Buffer>;
  /** Moves a message to the configured folder (only called when the person set `moveTo`). */
  move(uid: number, folder: string): Promise<void>;
  close(): Promise<void>;
}

function clientOptions(server: ImapServer): ImapFlowOptions {
  checkSecurity('IMAP', server);
  return {
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    // imapflow knows this option but its types do not list it: STARTTLS required, or never tried.
    ...({ doSTARTTLS: server.security === 'starttls' ? true : server.security === 'none' ? false : undefined } as object),
    auth: { user: server.user, pass: server.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
  } as ImapFlowOptions;
}

/** Connects and logs in, or throws a MailServerError naming the setting. */
async function connectImap(server: ImapServer): Promise<ImapFlow> {
  const client = new ImapFlow(clientOptions(server));
  // An error after connect (a dropped socket) must not crash the process; the current command fails.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw explainMailError('IMAP', server, error);
  }
  return client;
}

async function logout(client: ImapFlow): Promise<void> {
  try {
    await client.logout();
  } catch {
    client.close();
  }
}

const MESSAGE_ID = /<[^<>\s]+>/g;

function ids(value: string | undefined): string[] {
  return (value?.match(MESSAGE_ID) ?? []).map((id) => id.slice(1, -1));
}

function folderError(server: ImapServer, error: unknown): MailServerError {
  const detail = (error as { responseText?: string }).responseText ?? (error as Error).message;
  return new MailServerError(`IMAP folder "${server.mailbox}" cannot be opened at ${server.host} (setting imap.mailbox): ${detail}`, 'imap.mailbox');
}

export async function openInbox(server: ImapServer): Promise<InboxSession> {
  const client = await connectImap(server);
  let mailbox: Awaited<ReturnType<ImapFlow['mailboxOpen']>>;
  try {
    mailbox = await client.mailboxOpen(server.mailbox, { readOnly: !server.moveTo });
  } catch (error) {
    await logout(client);
    throw folderError(server, error);
  }
  /** The headers of the messages in `range` with a UID above `afterUid`, oldest first. */
  const headers = async (range: string | { since: Date }, afterUid: number): Promise<InboxHeaders[]> => {
    if (mailbox.exists === 0) return [];
    const out: InboxHeaders[] = [];
    for await (const message of client.fetch(range, { uid: true, envelope: true, headers: ['references', 'in-reply-to'] }, { uid: true })) {
      // "n:*" always returns the last message, even when its UID is below n.
      if (message.uid <= afterUid) continue;
      const lines = message.headers?.toString('utf8').replace(/\r?\n[ \t]+/g, ' ') ?? '';
      const header = (name: string) => new RegExp(`^${name}:(.*)$`, 'im').exec(lines)?.[1];
      out.push({
        uid: message.uid,
        from: message.envelope?.from?.[0]?.address?.toLowerCase(),
        subject: message.envelope?.subject ?? '',
        messageId: ids(message.envelope?.messageId)[0],
        inReplyTo: ids(message.envelope?.inReplyTo ?? header('in-reply-to'))[0],
        references: ids(header('references')),
      });
    }
    return out.sort((a, b) => a.uid - b.uid);
  };
  return {
    uidValidity: String(mailbox.uidValidity),
    lastUid: Math.max(0, Number(mailbox.uidNext ?? 1) - 1),
    headersAfter: (afterUid) => headers(`${afterUid + 1}:*`, afterUid),
    async headersSince(since) {
      if (mailbox.exists === 0) return [];
      // imapflow answers a search that finds nothing with no fetch at all.
      return headers({ since }, 0);
    },
    async source(uid) {
      const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
      if (message === false || !message.source) throw new Error(`IMAP message ${uid} is gone from ${server.mailbox}`);
      return message.source;
    },
    async move(uid, folder) {
      await client.messageMove(String(uid), folder, { uid: true });
    },
    async close() {
      await logout(client);
    },
  };
}

/** The folder sent letters are filed in, or undefined when there is none (or the person turned it off). */
async function sentFolder(client: ImapFlow, server: ImapServer): Promise<string | undefined> {
  if (server.sentFolder === null) return undefined;
  if (server.sentFolder) return server.sentFolder;
  const folders = await client.list();
  return folders.find((f) => f.specialUse === '\\Sent')?.path;
}

/** Files a sent letter (already accepted by SMTP) in the Sent folder; returns the folder, if any. */
export async function appendToSent(server: ImapServer, raw: Buffer): Promise<string | undefined> {
  if (server.sentFolder === null) return undefined;
  const client = await connectImap(server);
  try {
    const folder = await sentFolder(client, server);
    if (folder) await client.append(folder, raw, ['\\Seen']);
    return folder;
  } finally {
    await logout(client);
  }
}

/** How long the greeting probe waits for the server's first line. */
const PROBE_MS = 5_000;

/**
 * The server's first line at the IMAP port, or undefined (nothing within PROBE_MS, or no connection:
 * the real connection then says why). imapflow waits for an IMAP greeting and reports any other only
 * as a timeout; this probe tells "an SMTP server answered" (the SMTP port typed as the IMAP port) apart.
 */
function greeting(server: ImapServer): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket =
      server.security === 'tls'
        ? connectTls({ host: server.host, port: server.port, ...(isIP(server.host) ? {} : { servername: server.host }) })
        : connectPlain({ host: server.host, port: server.port });
    let received = '';
    const done = (line: string | undefined) => {
      socket.destroy();
      resolve(line);
    };
    socket.setTimeout(PROBE_MS, () => done(undefined));
    socket.on('error', () => done(undefined));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const end = received.indexOf('\n');
      if (end >= 0) done(received.slice(0, end).trim());
    });
    socket.on('end', () => done(received.trim() || undefined));
  });
}

/**
 * For `optout setup` and the start of personal mode: checks the greeting, logs in, opens the inbox,
 * and says which folder sent letters would go to.
 */
export async function checkImap(server: ImapServer): Promise<{ messages: number; sentFolder?: string }> {
  checkSecurity('IMAP', server);
  const wrong = wrongService('IMAP', server, await greeting(server));
  if (wrong) throw wrong;
  const client = await connectImap(server);
  try {
    const status = await client.status(server.mailbox, { messages: true }).catch((error: unknown) => {
      throw folderError(server, error);
    });
    // imapflow answers false (no exception) for a folder the server does not have.
    if (status === false) throw folderError(server, new Error('no such folder'));
    return { messages: status.messages ?? 0, sentFolder: await sentFolder(client, server) };
  } catch (error) {
    throw explainMailError('IMAP', server, error);
  } finally {
    await logout(client);
  }
}
