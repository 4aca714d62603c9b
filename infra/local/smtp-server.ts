// Mail in, locally: an SMTP server on SMTP_PORT that hands each message to the same receiveMail the
// SES receipt Lambda calls. Only mail for the inbound domain is accepted.
// A message that fails is not lost: the sender gets a temporary 451 (it keeps the message and tries
// again), and the raw message is kept in a dead-letter folder with an error line in the log, the
// local counterpart of the dead-letter queue and its alarm on AWS.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import type { Runtime } from '../../functions/runtime/ports.ts';
import { runWith } from '../../functions/runtime/scope.ts';
import { receiveMail } from '../../functions/app/mail-in.ts';

export interface SmtpServerHandle {
  port: number;
  close(): Promise<void>;
}

/** Larger messages are refused at the door (RFC 1870 SIZE). */
const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

export interface SmtpServerOptions {
  /** Where failed messages are kept, one `<sha256>.eml` each. */
  deadLetterDir?: string;
  /** Tests only: makes receiving this message fail, as a bug or an outage would. */
  fault?: (raw: Buffer) => boolean;
}

/** Keeps a message that failed, once per content; returns its file. */
function keepDeadLetter(dir: string, raw: Buffer): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${createHash('sha256').update(raw).digest('hex')}.eml`);
  writeFileSync(file, raw);
  return file;
}

/** Mail for `runtime`'s inbound domain, each message received in that runtime. */
export function startSmtpServer(runtime: Runtime, port: number, host = '127.0.0.1', options: SmtpServerOptions = {}): Promise<SmtpServerHandle> {
  const { inboundDomain } = runtime.settings;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onRcptTo(address, _session, callback) {
      const domain = address.address.split('@').pop()?.toLowerCase();
      if (domain !== inboundDomain.toLowerCase()) {
        return callback(Object.assign(new Error(`550 5.1.1 we only accept mail for ${inboundDomain}`), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          return callback(Object.assign(new Error('552 5.3.4 message too large'), { responseCode: 552 }));
        }
        const raw = Buffer.concat(chunks);
        const receive = options.fault?.(raw)
          ? Promise.reject(new Error('mail-in failed (injected by a test)'))
          : runWith(runtime, () =>
              receiveMail(raw, {
                rcptTo: session.envelope.rcptTo.map((r) => r.address),
                mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
                remoteIp: session.remoteAddress,
                helo: session.hostNameAppearsAs,
              }),
            );
        receive
          .then(() => callback())
          .catch((error: Error) => {
            // 451: the sender keeps the message and tries again, so nothing is lost; the copy in the
            // dead-letter folder stays for a look even if the sender gives up.
            let kept: string | undefined;
            try {
              kept = options.deadLetterDir ? keepDeadLetter(options.deadLetterDir, raw) : undefined;
            } catch (writeError) {
              console.error(JSON.stringify({ level: 'error', msg: 'mail-in dead letter not kept', error: (writeError as Error).message }));
            }
            console.error(JSON.stringify({ level: 'error', msg: 'mail-in failed', error: error.message, deadLetter: kept }));
            callback(Object.assign(new Error('451 4.3.0 temporary failure, try again later'), { responseCode: 451 }));
          });
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.server.address() as AddressInfo;
      resolve({ port: address.port, close: () => new Promise<void>((r) => server.close(() => r())) });
    });
  });
}
