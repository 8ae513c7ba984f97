// The Dataverse emulator's own request router, below its HTTP server (not in the package index).
import { dispatch } from '../mocks/dataverse/http/dispatch.js';
import type { RunningDataverse } from '../mocks/dataverse/index.js';
import type { HttpTransport, WireRequest, WireResponse } from '../engine/connectors/transport.js';

const NO_BODY = new Set([101, 204, 205, 304]);

/**
 * `--transport direct`: the engine's requests to the Dataverse emulator go straight to its router
 * (the same routes, store and answers its HTTP server gives), without a loopback socket and without
 * fetch's Request/Response/Headers/stream objects per call. The answer is what the HTTP server
 * writes (status, headers with Content-Length, body text) minus what Node adds to every HTTP
 * answer (Date, Connection, Keep-Alive). A flow writes two Dataverse requests per audit record,
 * so at 100k records these round trips are most of a simulation's time. Everything else (the
 * Office 365 mock, the mail sink, other Web API versions in the URL) goes to `fallback`.
 */
export function directDataverseTransport(dataverse: Pick<RunningDataverse, 'apiUrl' | 'store'>, fallback: HttpTransport): HttpTransport {
  const root = dataverse.apiUrl;
  const answer = dataverseAnswerer(dataverse);
  return {
    async send(request, options) {
      if (!request.url.startsWith(root)) return fallback.send(request, options);
      return answer(request);
    },
  };
}

/** Answers a request to the emulator's API root (`dataverse.apiUrl...`) as its HTTP server would, in process. */
function dataverseAnswerer(dataverse: Pick<RunningDataverse, 'apiUrl' | 'store'>): (request: WireRequest) => WireResponse {
  const rootPath = new URL(dataverse.apiUrl).pathname;
  const context = { store: dataverse.store, serviceRoot: dataverse.apiUrl };
  return (request) => {
    const { path, search } = splitUrl(request.url, dataverse.apiUrl, rootPath);
    const headers = new Map<string, string>();
    for (const name in request.headers) {
      const key = lowerCase(name);
      const value = request.headers[name]!;
      // fetch joins repeated names (in any case) with ", ", as the server then sees them.
      const earlier = headers.get(key);
      headers.set(key, earlier === undefined ? value : `${earlier}, ${value}`);
    }
    const body = request.body === undefined ? '' : typeof request.body === 'string' ? request.body : Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength).toString('utf8');
    const reply = dispatch({ method: request.method, path, search, headers, body }, context);
    const text = NO_BODY.has(reply.status) ? '' : reply.body;
    return { statusCode: reply.status, headers: replyHeaders(reply.headers, String(Buffer.byteLength(reply.body))), body: text };
  };
}

const lowerNames = new Map<string, string>();

/** A header name in lower case (the same few names come on every request: lowered once each). */
function lowerCase(name: string): string {
  let lower = lowerNames.get(name);
  if (lower === undefined) {
    lower = name.toLowerCase();
    if (lowerNames.size < 1000) lowerNames.set(name, lower);
  }
  return lower;
}

/**
 * The answer's headers as fetch lists them: names in lower case, sorted by name, with the
 * server's own Content-Length (sent even where no body follows: 204, 304).
 */
function replyHeaders(given: Record<string, string>, contentLength: string): Record<string, string> {
  // Insertion into two small parallel lists kept sorted (an answer has a handful of headers).
  const names: string[] = ['content-length'];
  const values: string[] = [contentLength];
  for (const name in given) {
    const lower = lowerCase(name);
    const value = given[name]!;
    const at = names.indexOf(lower);
    if (at >= 0) {
      values[at] = value;
      continue;
    }
    let i = names.length;
    names.push(lower);
    values.push(value);
    while (i > 0 && names[i - 1]! > lower) {
      names[i] = names[i - 1]!;
      values[i] = values[i - 1]!;
      i--;
    }
    names[i] = lower;
    values[i] = value;
  }
  const headers: Record<string, string> = {};
  for (let i = 0; i < names.length; i++) headers[names[i]!] = values[i]!;
  return headers;
}

/**
 * URLs the URL parser leaves as they are: printable ASCII without the characters it percent-encodes
 * in a path (space, quotes, angle brackets, backtick, braces), without a fragment, a backslash or a
 * dot segment. The engine's URLs are already encoded, so almost every request is one of these.
 */
const PLAIN_URL = /^[!$%&'()*+,\-./0-9:;=?@A-Z[\]^_a-z|~]*$/;
const DOT_SEGMENT = /\/\.|%2e/i;

/** The path below the API root and the query of a request URL, as `new URL()` would give them (without parsing it where that changes nothing). */
function splitUrl(url: string, root: string, rootPath: string): { path: string; search: URLSearchParams } {
  if (PLAIN_URL.test(url) && !DOT_SEGMENT.test(url.slice(root.length - 1))) {
    const query = url.indexOf('?', root.length);
    return query < 0 ? { path: url.slice(root.length), search: new URLSearchParams() } : { path: url.slice(root.length, query), search: new URLSearchParams(url.slice(query + 1)) };
  }
  const parsed = new URL(url);
  return { path: parsed.pathname.slice(rootPath.length), search: parsed.searchParams };
}
