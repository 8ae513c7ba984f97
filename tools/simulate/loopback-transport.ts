import { Agent, request as httpRequest, type IncomingMessage } from 'node:http';
import type { HttpTransport, WireRequest, WireResponse } from '../engine/connectors/transport.js';

export interface LoopbackTransport extends HttpTransport {
  /** Closes the kept-alive sockets. */
  close(): void;
}

/**
 * Real HTTP to the simulator's own services (plain HTTP on 127.0.0.1), through node:http with
 * kept-alive sockets: a fetch call costs about three times the CPU of a request on a kept-alive
 * socket (Request, Headers, web streams and an abort signal per call), and a simulated day makes
 * some 25,000 of them. The flow sees what fetch would give it: header names in lower case sorted
 * by name, the body's bytes; fetch's default request headers are sent too. A redirect, or a URL
 * of any other origin, goes to `fallback` (fetch follows redirects).
 */
export function loopbackTransport(origins: readonly string[], fallback: HttpTransport): LoopbackTransport {
  const local = origins.map((origin) => `${origin.replace(/\/+$/, '')}/`);
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  return {
    send(request, options) {
      if (!local.some((origin) => request.url.startsWith(origin))) return fallback.send(request, options);
      return send(agent, request, options.timeoutMs).then((response) => (response === 'redirect' ? fallback.send(request, options) : response));
    },
    close() {
      agent.destroy();
    },
  };
}

function send(agent: Agent, request: WireRequest, timeoutMs: number): Promise<WireResponse | 'redirect'> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { accept: '*/*', 'accept-language': '*', 'sec-fetch-mode': 'cors', 'user-agent': 'node' };
    for (const name in request.headers) headers[name.toLowerCase()] = request.headers[name]!;
    // fetch labels a text body it was not told the type of.
    if (typeof request.body === 'string' && headers['content-type'] === undefined) headers['content-type'] = 'text/plain;charset=UTF-8';
    // A length, never chunks, as fetch sends a body it holds whole.
    if (request.body !== undefined) headers['content-length'] = String(typeof request.body === 'string' ? Buffer.byteLength(request.body) : request.body.byteLength);
    else if (request.method === 'POST' || request.method === 'PUT') headers['content-length'] = '0';
    const outgoing = httpRequest(request.url, { method: request.method, headers, agent }, (response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location !== undefined) {
        response.resume();
        clearTimeout(timer);
        resolve('redirect');
        return;
      }
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        clearTimeout(timer);
        resolve({ statusCode: status, headers: sortedHeaders(response), body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) });
      });
      response.on('error', fail);
    });
    const timer = setTimeout(() => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    function fail(error: Error) {
      clearTimeout(timer);
      reject(error);
    }
    outgoing.on('error', fail);
    outgoing.end(request.body);
  });
}

/** Header names in lower case, sorted, repeated values joined with ", ": as fetch's Headers lists them. */
function sortedHeaders(response: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(response.headers).sort()) {
    const value = response.headers[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
