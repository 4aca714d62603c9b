// An embedded IMAP server for the personal-mode tests (hoodiecrow-imap): one user, an INBOX and a
// Sent folder marked \Sent (SPECIAL-USE), in memory. Tests put replies into the inbox and read what
// the runtime filed in Sent, and check that nothing in the inbox was flagged, moved or deleted.
import type { AddressInfo } from 'node:net';
import hoodiecrow from 'hoodiecrow-imap';

export interface TestImap {
  port: number;
  /** Puts a message into a folder as a mail server does on delivery (`at`: its arrival, the IMAP internal date; now by default). */
  deliver(raw: Buffer, folder?: string, at?: Date): void;
  messages(folder: string): { raw: string; flags: string[] }[];
  stop(): Promise<void>;
}

export async function startTestImap(user: string, password: string): Promise<TestImap> {
  const server = hoodiecrow({
    plugins: ['ID', 'ENABLE', 'IDLE', 'SPECIAL-USE', 'UIDPLUS', 'MOVE', 'UNSELECT'],
    users: { [user]: { password } },
    storage: {
      INBOX: { messages: [] },
      '': { separator: '/', folders: { Sent: { 'special-use': '\\Sent', messages: [] }, Archive: { messages: [] } } },
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    deliver(raw, folder = 'INBOX', at = new Date()) {
      server.appendMessage(folder, [], at, raw.toString('binary'));
    },
    messages(folder) {
      return (server.getMailbox(folder)?.messages ?? []).map((m) => ({ raw: m.raw, flags: [...(m.flags ?? [])] }));
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
