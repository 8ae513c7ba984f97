import { ActionFailure } from '../errors.js';
import type { RunServices } from '../context/services.js';
import { fetchTransport, type WireResponse } from './transport.js';

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** An HTTP result as actions expose it: `outputs` = {statusCode, headers, body}. */
export interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: unknown;
}

const MAX_RESPONSE_BYTES = 100 * 1024 * 1024;

/**
 * Sends one request through the run's transport (real HTTP unless the host put a service in
 * process). JSON bodies are parsed; other text stays text; binary content comes back as the
 * `{"$content-type", "$content"}` envelope Logic Apps uses. A request that gets no response throws
 * (the retry loop treats it like a 408).
 */
export async function sendHttp(services: RunServices, request: HttpRequest): Promise<HttpResult> {
  const method = request.method.toUpperCase();
  const headers: Record<string, string> = { ...request.headers };
  let body: string | Uint8Array | undefined;
  if (request.body !== undefined && request.body !== null && method !== 'GET' && method !== 'HEAD') {
    if (typeof request.body === 'string') body = request.body;
    else if (isContentEnvelope(request.body)) {
      body = Buffer.from(String(request.body.$content), 'base64');
      headers['Content-Type'] ??= String(request.body['$content-type']);
    } else {
      body = JSON.stringify(request.body);
      if (!hasHeader(headers, 'content-type')) headers['Content-Type'] = 'application/json';
    }
  }
  const transport = services.transport ?? fetchTransport(services.fetch);
  let response: WireResponse;
  try {
    response = await transport.send({ method, url: request.url, headers, body }, { timeoutMs: services.requestTimeoutMs });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new NoResponseError(`${method} ${request.url} got no response: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
  if (tooLarge(response.body)) {
    throw new ActionFailure('ResponseTooLarge', `The response of ${request.url} is larger than ${MAX_RESPONSE_BYTES} bytes.`);
  }
  return { statusCode: response.statusCode, headers: response.headers, body: decodeBody(response.body, response.headers['content-type'] ?? '') };
}

export class NoResponseError extends Error {}

function isContentEnvelope(value: unknown): value is { '$content-type': unknown; $content: unknown } {
  return typeof value === 'object' && value !== null && '$content' in value;
}

function tooLarge(body: string | Uint8Array): boolean {
  if (typeof body !== 'string') return body.byteLength > MAX_RESPONSE_BYTES;
  // A UTF-16 unit is at most 3 UTF-8 bytes: only a long text needs counting.
  return body.length * 3 > MAX_RESPONSE_BYTES && Buffer.byteLength(body) > MAX_RESPONSE_BYTES;
}

function hasHeader(headers: Record<string, string>, lowerCaseName: string): boolean {
  for (const name in headers) if (name.toLowerCase() === lowerCaseName) return true;
  return false;
}

const TEXT_TYPES = /json|text|xml|javascript|x-www-form-urlencoded/i;

/** The body as a flow sees it, the same whether the transport handed over bytes or (in-process) text. */
function decodeBody(raw: string | Uint8Array, contentType: string): unknown {
  if (raw.length === 0) return undefined;
  const isText = contentType === '' || TEXT_TYPES.test(contentType);
  if (!isText) return { '$content-type': contentType, $content: (typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)).toString('base64') };
  const text = typeof raw === 'string' ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
  if (/json/i.test(contentType) || (contentType === '' && /^\s*[[{]/.test(text))) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

const STATUS_CODES: Record<number, string> = {
  400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 405: 'MethodNotAllowed', 406: 'NotAcceptable', 408: 'RequestTimeout', 409: 'Conflict', 410: 'Gone',
  412: 'PreconditionFailed', 413: 'RequestEntityTooLarge', 415: 'UnsupportedMediaType', 422: 'UnprocessableEntity', 429: 'TooManyRequests',
  500: 'InternalServerError', 501: 'NotImplemented', 502: 'BadGateway', 503: 'ServiceUnavailable', 504: 'GatewayTimeout',
};

/** The action error code for an HTTP status, as run history shows it (`NotFound`, `TooManyRequests`). */
export function statusCodeName(statusCode: number): string {
  return STATUS_CODES[statusCode] ?? (statusCode >= 500 ? 'InternalServerError' : statusCode >= 400 ? 'BadRequest' : `Http${statusCode}`);
}
