// Node's http server in front of the same handleHttp that API Gateway calls on AWS.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { decodeBody, handleHttp, MAX_BODY_BYTES } from '../../functions/handlers/http.ts';

/** The body's bytes; 'aborted' when the client went away before sending all of it. */
async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large' | 'aborted'> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) return 'too-large';
      chunks.push(chunk as Buffer);
    }
  } catch {
    // ECONNRESET, "aborted": the client's doing, not an error of ours.
    return 'aborted';
  }
  return req.complete ? Buffer.concat(chunks) : 'aborted';
}

/** An answer written straight to the socket, for requests that never reach the request handler. */
function replyOnSocket(socket: Duplex, status: number, reason: string, error: string, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify({ error });
  const lines = Object.entries({
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(payload)),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
    connection: 'close',
  }).map(([k, v]) => `${k}: ${v}\r\n`);
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${lines.join('')}\r\n${payload}`);
}

function reply(res: ServerResponse, status: number, error: string): void {
  const payload = JSON.stringify({ error });
  res
    .writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(payload)),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    })
    .end(payload);
}

/** Runs a request in the stack's runtime (functions/runtime/scope.ts). */
export type Scope = <T>(fn: () => Promise<T>) => Promise<T>;

export function startHttpServer(port: number, host: string, scope: Scope): Promise<Server> {
  // Without a Host header Node would answer 400 itself, with an empty body: we say why instead.
  const server = createServer({ requireHostHeader: false }, async (req, res) => {
    try {
      // Path and query split by hand: new URL() would read "//host/x" as another host.
      const raw = req.url ?? '/';
      const queryAt = raw.indexOf('?');
      const path = queryAt === -1 ? raw : raw.slice(0, queryAt);
      const query = queryAt === -1 ? '' : raw.slice(queryAt + 1);
      if (req.httpVersion === '1.1' && !req.headers.host) {
        reply(res, 400, 'the request has no Host header (HTTP/1.1 requires one)');
        return;
      }
      const body = await readBody(req);
      if (body === 'aborted') {
        // Nobody is left to answer: one line in the log, no stack trace, nothing sent.
        console.warn(JSON.stringify({ level: 'warn', msg: 'client aborted the request before its body was complete', method: req.method, path }));
        res.destroy();
        return;
      }
      if (body === 'too-large') {
        reply(res, 413, `request body is larger than ${MAX_BODY_BYTES} bytes`);
        return;
      }
      const response = await scope(() =>
        handleHttp({
          method: req.method ?? 'GET',
          path,
          query: Object.fromEntries(new URLSearchParams(query)),
          headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v])),
          ...decodeBody(body),
          urlLength: raw.length,
          clientAddress: req.socket.remoteAddress,
        }),
      );
      res.writeHead(response.status, response.headers).end(response.body);
    } catch (error) {
      if (res.writable && !res.headersSent) reply(res, 500, 'internal error');
      console.error(error);
    }
  });
  // CONNECT asks for a tunnel (a proxy's job): Node would close the connection without a word.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    replyOnSocket(socket, 405, 'Method Not Allowed', 'method CONNECT not allowed: this server is no proxy', { allow: 'GET, HEAD, POST, DELETE' });
  });
  // Requests Node refuses before our handler (headers or URL too long, malformed HTTP) get a body that
  // says why, not Node's bare status line.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || (socket as { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    if (error.code === 'HPE_HEADER_OVERFLOW') {
      replyOnSocket(socket, 431, 'Request Header Fields Too Large', 'the URL or headers are too long (16 KB at most)');
    } else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      replyOnSocket(socket, 408, 'Request Timeout', 'the request took too long to arrive');
    } else {
      // llhttp says what it choked on ("Invalid method encountered"); never the request's own bytes.
      const reason = (error as { reason?: unknown }).reason;
      replyOnSocket(socket, 400, 'Bad Request', `the request is not valid HTTP${typeof reason === 'string' ? ` (${reason})` : ''}`);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
