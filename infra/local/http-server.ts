// Node's http server in front of the same handleHttp that API Gateway calls on AWS.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleHttp, MAX_BODY_BYTES } from '../../functions/handlers/http.ts';

async function readBody(req: IncomingMessage): Promise<string | undefined | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined;
}

function reply(res: ServerResponse, status: number, error: string): void {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' })
    .end(JSON.stringify({ error }));
}

/** Runs a request in the stack's runtime (functions/runtime/scope.ts). */
export type Scope = <T>(fn: () => Promise<T>) => Promise<T>;

export function startHttpServer(port: number, host: string, scope: Scope): Promise<Server> {
  const server = createServer(async (req, res) => {
    try {
      // Path and query split by hand: new URL() would read "//host/x" as another host.
      const raw = req.url ?? '/';
      const queryAt = raw.indexOf('?');
      const path = queryAt === -1 ? raw : raw.slice(0, queryAt);
      const query = queryAt === -1 ? '' : raw.slice(queryAt + 1);
      const body = await readBody(req);
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
          body,
          clientAddress: req.socket.remoteAddress,
        }),
      );
      res.writeHead(response.status, response.headers).end(response.body);
    } catch (error) {
      reply(res, 500, 'internal error');
      console.error(error);
    }
  });
  // Requests Node refuses before our handler (headers or URL too long, malformed HTTP) get a body that
  // says why, not Node's bare status line.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || (socket as { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    const tooLong = error.code === 'HPE_HEADER_OVERFLOW';
    const [status, text, message] = tooLong
      ? [431, 'Request Header Fields Too Large', 'the URL or headers are too long (16 KB at most)']
      : [400, 'Bad Request', 'the request is not valid HTTP'];
    const payload = JSON.stringify({ error: message });
    socket.end(
      `HTTP/1.1 ${status} ${text}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(payload)}\r\nconnection: close\r\n\r\n${payload}`,
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
