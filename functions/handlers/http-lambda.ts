// API Gateway HTTP API (payload v2) entry: translates the event and calls the same handleHttp that
// the local server uses.
import { decodeBody, handleHttp } from './http.ts';
import { lambdaEntry } from './aws-runtime.ts';

interface HttpApiEvent {
  rawPath: string;
  rawQueryString?: string;
  headers?: Record<string, string | undefined>;
  body?: string;
  isBase64Encoded?: boolean;
  requestContext: { http: { method: string; sourceIp?: string } };
}

export const handler = lambdaEntry(async (event: HttpApiEvent) => {
  // A binary body arrives base64-encoded: its bytes must be UTF-8 (decodeBody), as on the local server.
  const body = event.body === undefined ? {} : event.isBase64Encoded ? decodeBody(Buffer.from(event.body, 'base64')) : { body: event.body || undefined };
  const rawQuery = event.rawQueryString ?? '';
  const response = await handleHttp({
    method: event.requestContext.http.method,
    path: event.rawPath,
    query: Object.fromEntries(new URLSearchParams(rawQuery)),
    headers: event.headers ?? {},
    ...body,
    // As sent, undecoded: API Gateway gives the path and query raw.
    urlLength: event.rawPath.length + (rawQuery ? rawQuery.length + 1 : 0),
    clientAddress: event.requestContext.http.sourceIp,
  });
  const binary = Buffer.isBuffer(response.body);
  return {
    statusCode: response.status,
    headers: response.headers,
    body: binary ? (response.body as Buffer).toString('base64') : response.body,
    isBase64Encoded: binary,
  };
});
