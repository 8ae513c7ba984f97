import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One canned response: matched by method and path (query ignored unless `query` is given). */
export interface CannedResponse {
  method: string;
  path: string;
  query?: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** How many requests this entry answers (default 1; 0 = forever). */
  times?: number;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A small HTTP server on 127.0.0.1 that answers from a list and records what it received. */
export async function startCannedServer(responses: CannedResponse[]): Promise<{ url: string; received: ReceivedRequest[]; close(): Promise<void> }> {
  const remaining = responses.map((r) => ({ ...r, left: r.times ?? 1 }));
  const received: ReceivedRequest[] = [];
  let self = '';
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text === '' ? undefined : text;
      try {
        if (text !== '') body = JSON.parse(text);
      } catch {
        // keep text
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(request.headers)) if (typeof v === 'string') headers[k] = v;
      const query = decodeURIComponent(url.search.replace(/^\?/, ''));
      received.push({ method: request.method ?? 'GET', path: decodeURIComponent(url.pathname), query, headers, body });
      const match = remaining.find((r) => r.left !== -1 && r.method.toUpperCase() === request.method && r.path === decodeURIComponent(url.pathname) && (r.query === undefined || r.query === query));
      if (!match) {
        response.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { code: 'NoCannedResponse', message: `no canned response for ${request.method} ${url.pathname}` } }));
        return;
      }
      if (match.left > 0 && --match.left === 0) match.left = -1;
      // `{{server}}` in a canned body or header stands for this server's own URL (nextLink, Location).
      const payload = (match.body === undefined ? '' : typeof match.body === 'string' ? match.body : JSON.stringify(match.body)).replaceAll('{{server}}', self);
      const replyHeaders = Object.fromEntries(Object.entries(match.headers ?? {}).map(([k, v]) => [k, v.replaceAll('{{server}}', self)]));
      response.writeHead(match.status, { ...(match.body !== undefined && typeof match.body !== 'string' ? { 'Content-Type': 'application/json' } : {}), ...replyHeaders }).end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  self = `http://127.0.0.1:${port}`;
  return { url: self, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
