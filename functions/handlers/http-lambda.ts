// API Gateway HTTP API (payload v2) entry: translates the event and calls the same handleHttp that
// the local server uses.
import { handleHttp } from './http.ts';
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
  const body = event.body === undefined ? undefined : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  const response = await handleHttp({
    method: event.requestContext.http.method,
    path: event.rawPath,
    query: Object.fromEntries(new URLSearchParams(event.rawQueryString ?? '')),
    headers: event.headers ?? {},
    body,
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
