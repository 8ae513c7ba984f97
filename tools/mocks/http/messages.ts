import type { IncomingMessage, ServerResponse } from 'node:http';

export type Headers = Record<string, string | number | readonly string[]>;

/** Writes `body` as JSON with a Content-Length; `undefined` sends an empty body. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Headers = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  sendText(response, status, text, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
}

export function sendText(response: ServerResponse, status: number, text: string | Buffer, headers: Headers = {}): void {
  response.writeHead(status, { 'Content-Length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

/** The request body was larger than the limit given to readBody. */
export class BodyTooLargeError extends Error {}

/** Reads the whole request body as UTF-8, refusing more than `maxBytes`. */
export function readBody(request: IncomingMessage, maxBytes = 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new BodyTooLargeError(`request body larger than ${maxBytes} bytes`));
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Path and query of a request URL. Query names are lower-cased because several services treat them case-insensitively. */
export interface ParsedUrl {
  path: string;
  /** Query values by lower-cased name (first occurrence wins). */
  query: Map<string, string>;
  /** The query names as sent, in order. */
  rawQueryNames: string[];
}

export function parseRequestUrl(url: string | undefined): ParsedUrl {
  const raw = url ?? '/';
  const at = raw.indexOf('?');
  const path = at < 0 ? raw : raw.slice(0, at);
  const query = new Map<string, string>();
  const rawQueryNames: string[] = [];
  if (at >= 0) {
    for (const [name, value] of new URLSearchParams(raw.slice(at + 1))) {
      rawQueryNames.push(name);
      const key = name.toLowerCase();
      if (!query.has(key)) query.set(key, value);
    }
  }
  return { path, query, rawQueryNames };
}

/** Parses `application/x-www-form-urlencoded` text into a plain record (no prototype). */
export function parseForm(text: string): Record<string, string> {
  const form = Object.create(null) as Record<string, string>;
  for (const [name, value] of new URLSearchParams(text)) form[name] = value;
  return form;
}
