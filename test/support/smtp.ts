// An embedded SMTP submission server for the personal-mode tests (smtp-server): it asks for a login
// like a mail provider does, keeps every message it accepts, and can be told to refuse a sender, as
// a provider refuses a From address that is not the account's.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Submitted {
  mailFrom: string;
  rcptTo: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

export interface TestSmtp {
  port: number;
  messages: Submitted[];
  /** Senders refused at MAIL FROM with 553 (5.7.1), as a provider refuses an address it does not own. */
  refuseFrom: Set<string>;
  stop(): Promise<void>;
}

export async function startTestSmtp(user: string, password: string): Promise<TestSmtp> {
  const messages: Submitted[] = [];
  const refuseFrom = new Set<string>();
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) return callback(null, { user });
      callback(Object.assign(new Error('5.7.8 Username and Password not accepted'), { responseCode: 535 }));
    },
    onMailFrom(address, _session, callback) {
      if (refuseFrom.has(address.address.toLowerCase())) {
        return callback(Object.assign(new Error(`5.7.1 Sender address rejected: not owned by user ${user}`), { responseCode: 553 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            messages.push({
              mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              rcptTo: session.envelope.rcptTo.map((r) => r.address),
              raw,
              parsed,
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    messages,
    refuseFrom,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
