// hoodiecrow-imap (the scriptable IMAP server of the personal-mode tests) ships no types; this is the
// part of its API test/support/imap.ts uses.
declare module 'hoodiecrow-imap' {
  import type { Server } from 'node:net';
  interface StoredMessage {
    raw: string;
    flags: string[];
    internaldate?: Date | string;
    uid?: number;
  }
  interface Mailbox {
    messages: StoredMessage[];
  }
  interface HoodiecrowServer {
    server: Server;
    listen(port: number, host: string, callback: () => void): void;
    close(callback: () => void): void;
    getMailbox(path: string): Mailbox | undefined;
    appendMessage(mailbox: string, flags: string[], internaldate: Date, raw: string): void;
  }
  export default function hoodiecrow(options: Record<string, unknown>): HoodiecrowServer;
}
