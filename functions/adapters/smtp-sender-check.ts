// Personal mode, for `optout setup` and the start: whether the person's SMTP server takes their address
// as the sender. nodemailer's verify() only logs in, and a provider refuses a From address the account
// may not send as only at MAIL FROM, which only a mail transaction shows. This one goes as far as
// RCPT TO (the person's own address) and is reset before DATA (RFC 5321 4.1.1.5 RSET): nothing is sent.
// A small dialog of its own, because nodemailer's SMTP connection goes on to DATA by itself once the
// recipients are accepted. It runs after verify(), so the server, TLS and password are known to work.
import { connect as connectPlain, isIP, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { explainMailError, type MailServer } from './mail-servers.ts';

const TIMEOUT_MS = 20_000;

interface Reply {
  code: number;
  /** Every line of the reply, joined. */
  text: string;
}

/** An SMTP reply that is not the expected one, in the shape explainMailError reads from nodemailer. */
function replyError(command: string, reply: Reply): Error {
  return Object.assign(new Error(reply.text), {
    code: command === 'AUTH' ? 'EAUTH' : command === 'MAIL FROM' ? 'EENVELOPE' : 'EPROTOCOL',
    command,
    responseCode: reply.code,
    response: reply.text,
  });
}

/** Reads replies off `socket`, one per call; a reply ends at the line with a space after its code. */
function replyReader(first: Socket) {
  let socket = first;
  let buffer = '';
  let lines: string[] = [];
  const ready: Reply[] = [];
  let waiting: { resolve: (reply: Reply) => void; reject: (error: Error) => void } | undefined;
  let failed: Error | undefined;
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString('latin1');
    for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
      const line = buffer.slice(0, end).replace(/\r$/, '');
      buffer = buffer.slice(end + 1);
      lines.push(line.slice(4));
      if (!/^\d{3}(?: |$)/.test(line)) continue;
      ready.push({ code: Number(line.slice(0, 3)), text: `${line.slice(0, 3)} ${lines.join(' ')}`.trim() });
      lines = [];
    }
    if (waiting && ready.length) {
      const { resolve } = waiting;
      waiting = undefined;
      resolve(ready.shift()!);
    }
  };
  const onError = (error: Error) => {
    failed = error;
    waiting?.reject(error);
    waiting = undefined;
  };
  const onClose = () => onError(Object.assign(new Error('the server closed the connection'), { code: 'ECONNECTION' }));
  const attach = (next: Socket) => {
    socket = next;
    socket.on('data', onData);
    socket.on('error', onError);
    socket.on('close', onClose);
    socket.setTimeout(TIMEOUT_MS, () => onError(Object.assign(new Error('the server stopped answering'), { code: 'ETIMEDOUT' })));
  };
  attach(first);
  return {
    next(): Promise<Reply> {
      if (ready.length) return Promise.resolve(ready.shift()!);
      if (failed) return Promise.reject(failed);
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
      });
    },
    /** Hands the reader to the TLS socket that now wraps the plain one (STARTTLS). */
    detach(): Socket {
      socket.removeListener('data', onData);
      socket.removeListener('error', onError);
      socket.removeListener('close', onClose);
      socket.setTimeout(0);
      return socket;
    },
    attach,
    get socket() {
      return socket;
    },
  };
}

/** Opens a transaction From `from` up to RCPT TO `from`, then resets it; throws a MailServerError (setting email when the From is refused). */
export async function checkSender(server: MailServer, from: string): Promise<void> {
  const tlsOptions = { host: server.host, port: server.port, ...(isIP(server.host) ? {} : { servername: server.host }) };
  const first = server.security === 'tls' ? connectTls(tlsOptions) : connectPlain({ host: server.host, port: server.port });
  const reader = replyReader(first);
  const expect = async (command: string, line: string | undefined, ok: (code: number) => boolean): Promise<Reply> => {
    if (line !== undefined) reader.socket.write(`${line}\r\n`);
    const reply = await reader.next();
    if (!ok(reply.code)) throw replyError(command, reply);
    return reply;
  };
  const positive = (code: number) => code >= 200 && code < 300;
  try {
    await expect('CONN', undefined, (code) => code === 220);
    let ehlo = await expect('EHLO', 'EHLO localhost', positive);
    if (server.security === 'starttls') {
      await expect('STARTTLS', 'STARTTLS', (code) => code === 220);
      const plain = reader.detach();
      const secure = connectTls({ ...tlsOptions, socket: plain });
      reader.attach(secure);
      await new Promise<void>((resolve, reject) => {
        secure.once('secureConnect', resolve);
        secure.once('error', reject);
      });
      ehlo = await expect('EHLO', 'EHLO localhost', positive);
    }
    const mechanisms = /\bAUTH[ =]([^\n]*)/i.exec(ehlo.text)?.[1]?.toUpperCase().split(/\s+/) ?? [];
    if (mechanisms.includes('PLAIN') || !mechanisms.includes('LOGIN')) {
      const token = Buffer.from(`\0${server.user}\0${server.password}`, 'utf8').toString('base64');
      await expect('AUTH', `AUTH PLAIN ${token}`, (code) => code === 235);
    } else {
      await expect('AUTH', 'AUTH LOGIN', (code) => code === 334);
      await expect('AUTH', Buffer.from(server.user, 'utf8').toString('base64'), (code) => code === 334);
      await expect('AUTH', Buffer.from(server.password, 'utf8').toString('base64'), (code) => code === 235);
    }
    await expect('MAIL FROM', `MAIL FROM:<${from}>`, positive);
    await expect('RCPT TO', `RCPT TO:<${from}>`, positive);
    await expect('RSET', 'RSET', positive);
    reader.socket.write('QUIT\r\n');
  } catch (error) {
    throw explainMailError('SMTP', server, error, from);
  } finally {
    reader.socket.end();
    reader.socket.destroy();
  }
}
