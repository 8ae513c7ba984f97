import { ActionFailure } from '../errors.js';
import type { RunServices } from '../context/services.js';

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
 * Sends one request over real HTTP. JSON bodies are parsed; other text stays text; binary content
 * comes back as the `{"$content-type", "$content"}` envelope Logic Apps uses. A request that gets no
 * response throws (the retry loop treats it like a 408).
 */
export async function sendHttp(services: RunServices, request: HttpRequest): Promise<HttpResult> {
  const headers: Record<string, string> = { ...request.headers };
  let body: string | Blob | undefined;
  if (request.body !== undefined && request.body !== null && !/^(GET|HEAD)$/i.test(request.method)) {
    if (typeof request.body === 'string') body = request.body;
    else if (isContentEnvelope(request.body)) {
      body = new Blob([Buffer.from(String(request.body.$content), "base64")]);
      headers['Content-Type'] ??= String(request.body['$content-type']);
    } else {
      body = JSON.stringify(request.body);
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
    }
  }
  let response: Response;
  try {
    response = await services.fetch(request.url, { method: request.method.toUpperCase(), headers, body, redirect: 'follow', signal: AbortSignal.timeout(services.requestTimeoutMs) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new NoResponseError(`${request.method.toUpperCase()} ${request.url} got no response: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
  const responseHeaders: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    responseHeaders[key] = value;
  });
  const buffer = Buffer.from(await response.arrayBuffer());
  if (buffer.length > MAX_RESPONSE_BYTES) throw new ActionFailure('ResponseTooLarge', `The response of ${request.url} is larger than ${MAX_RESPONSE_BYTES} bytes.`);
  return { statusCode: response.status, headers: responseHeaders, body: decodeBody(buffer, responseHeaders['content-type'] ?? '') };
}

export class NoResponseError extends Error {}

function isContentEnvelope(value: unknown): value is { '$content-type': unknown; $content: unknown } {
  return typeof value === 'object' && value !== null && '$content' in value;
}

function decodeBody(buffer: Buffer, contentType: string): unknown {
  if (buffer.length === 0) return undefined;
  const text = /json|text|xml|javascript|x-www-form-urlencoded/i.test(contentType) || contentType === '' ? buffer.toString('utf8') : undefined;
  if (text === undefined) return { '$content-type': contentType, $content: buffer.toString('base64') };
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
