import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchTransport, type WireRequest, type WireResponse } from '../../tools/engine/connectors/transport.js';
import { readBody, startHttpServer, type RunningServer } from '../../tools/mocks/http/index.js';
import { loopbackTransport, type LoopbackTransport } from '../../tools/simulate/loopback-transport.js';

/** Echoes what the server saw, and answers the way the local mocks do (JSON, 204, a redirect, several headers). */
async function startEchoServer(): Promise<RunningServer> {
  return startHttpServer(async (request, response) => {
    const body = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/empty') {
      response.writeHead(204, { 'OData-Version': '4.0' });
      response.end();
      return;
    }
    if (url.pathname === '/redirect') {
      response.writeHead(302, { Location: '/echo?redirected=1', 'Content-Length': 0 });
      response.end();
      return;
    }
    if (url.pathname === '/bytes') {
      const bytes = Buffer.from([0, 1, 2, 250, 251, 252]);
      response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': bytes.length });
      response.end(bytes);
      return;
    }
    const seen = { method: request.method, path: request.url, body, headers: Object.fromEntries(['accept', 'content-type', 'content-length', 'transfer-encoding', 'prefer'].map((n) => [n, request.headers[n] ?? null])) };
    const text = JSON.stringify(seen);
    response.writeHead(url.searchParams.has('status') ? Number(url.searchParams.get('status')) : 200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), NextPageUri: 'http://127.0.0.1/next', 'X-Zeta': 'z', 'X-Alpha': 'a' });
    response.end(text);
  });
}

const CASES: Array<[string, Omit<WireRequest, 'url'> & { path: string }]> = [
  ['GET with JSON headers', { method: 'GET', path: '/echo?$filter=a%20eq%201', headers: { Accept: 'application/json', Prefer: 'odata.maxpagesize=10' } }],
  ['POST of JSON text', { method: 'POST', path: '/echo', headers: { 'Content-Type': 'application/json' }, body: '{"a":"é"}' }],
  ['POST of text without a type (fetch labels it text/plain)', { method: 'POST', path: '/echo', headers: {}, body: 'plain é' }],
  ['PATCH of bytes', { method: 'PATCH', path: '/echo', headers: { 'Content-Type': 'application/octet-stream' }, body: new Uint8Array([1, 2, 3]) }],
  ['POST without a body', { method: 'POST', path: '/echo', headers: {} }],
  ['DELETE', { method: 'DELETE', path: '/echo', headers: {} }],
  ['PATCH without a body', { method: 'PATCH', path: '/echo', headers: {} }],
  ['an error status', { method: 'GET', path: '/echo?status=429', headers: {} }],
  ['204 without a body', { method: 'GET', path: '/empty', headers: {} }],
  ['a redirect (followed, as fetch does)', { method: 'GET', path: '/redirect', headers: {} }],
  ['binary content', { method: 'GET', path: '/bytes', headers: {} }],
];

/** What the flow sees, minus Date (the second it was sent). */
function comparable(response: WireResponse): unknown {
  const headers = Object.fromEntries(Object.entries(response.headers).filter(([name]) => name !== 'date'));
  return { statusCode: response.statusCode, headers, headerOrder: Object.keys(headers), body: Buffer.from(response.body).toString('base64') };
}

describe('loopback transport: kept-alive node:http sockets to the local services, answering as fetch does', () => {
  let server: RunningServer;
  let loopback: LoopbackTransport;
  const viaFetch = fetchTransport(globalThis.fetch);
  beforeAll(async () => {
    server = await startEchoServer();
    loopback = loopbackTransport([server.url], viaFetch);
  });
  afterAll(async () => {
    loopback?.close();
    await server?.stop();
  });

  it.each(CASES)('%s', async (_name, { path, ...request }) => {
    const url = `${server.url}${path}`;
    const [ours, fetched] = await Promise.all([loopback.send({ ...request, url }, { timeoutMs: 5_000 }), viaFetch.send({ ...request, url }, { timeoutMs: 5_000 })]);
    expect(comparable(ours)).toEqual(comparable(fetched));
  });

  it('sends other origins through the fallback, and fails when nothing answers', async () => {
    const seen: string[] = [];
    const transport = loopbackTransport([server.url, 'http://127.0.0.1:9'], {
      send: async (request) => {
        seen.push(request.url);
        return { statusCode: 200, headers: {}, body: '' };
      },
    });
    try {
      await transport.send({ method: 'GET', url: 'http://example.invalid/x', headers: {} }, { timeoutMs: 1_000 });
      expect(seen).toEqual(['http://example.invalid/x']);
      await expect(transport.send({ method: 'GET', url: 'http://127.0.0.1:9/refused', headers: {} }, { timeoutMs: 1_000 })).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      transport.close();
    }
  });
});
