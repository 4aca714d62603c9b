// Node's http server in front of the same handleHttp that API Gateway calls on AWS.
import { createServer, type IncomingMessage, type Server } from 'node:http';
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

export function startHttpServer(port: number, host = '127.0.0.1'): Promise<Server> {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://local');
      const body = await readBody(req);
      if (body === 'too-large') {
        res.writeHead(413, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `request body is larger than ${MAX_BODY_BYTES} bytes` }));
        return;
      }
      const response = await handleHttp({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v])),
        body,
      });
      res.writeHead(response.status, response.headers).end(response.body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'internal error' }));
      console.error(error);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
