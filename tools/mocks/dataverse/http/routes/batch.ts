import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { dataverseErrors } from '../../store/dataverse-error.js';
import { header, type DataverseRequest, type DataverseResponse, type RouteContext } from '../exchange.js';

type Dispatch = (request: DataverseRequest, context: RouteContext) => DataverseResponse;

interface Part {
  headers: Map<string, string>;
  content: string;
}

/** A changeset that failed: its transaction is rolled back and only this response is returned. */
class ChangesetFailed extends Error {
  constructor(readonly response: DataverseResponse, readonly contentId: string | undefined) {
    super('changeset failed');
  }
}

/**
 * `POST $batch` (multipart/mixed): requests run in order; a changeset (nested multipart) runs in
 * one SQLite transaction, so it is stored whole or not at all, and `$<Content-ID>` refers to a row
 * created earlier in the same changeset. Processing stops at the first error unless
 * `Prefer: odata.continue-on-error` is sent.
 */
export function postBatch(request: DataverseRequest, context: RouteContext, dispatch: Dispatch): DataverseResponse {
  const boundary = boundaryOf(header(request, 'content-type'));
  if (!boundary) throw dataverseErrors.badArgument("A $batch request needs Content-Type: multipart/mixed; boundary=batch_<id>.");
  const continueOnError = /odata\.continue-on-error/i.test(header(request, 'prefer') ?? '');
  const responseBoundary = `batchresponse_${randomUUID()}`;
  const out: string[] = [];
  for (const part of splitMultipart(request.body, boundary)) {
    const changesetBoundary = boundaryOf(part.headers.get('content-type'));
    let failed = false;
    if (changesetBoundary) {
      const operations = splitMultipart(part.content, changesetBoundary);
      try {
        const responses = context.store.transaction(() => runChangeset(operations, context, dispatch));
        const changesetResponse = `changesetresponse_${randomUUID()}`;
        out.push(`--${responseBoundary}\r\nContent-Type: multipart/mixed; boundary=${changesetResponse}\r\n\r\n`);
        for (const [contentId, response] of responses) out.push(`--${changesetResponse}\r\n${httpPart(response, contentId)}`);
        out.push(`--${changesetResponse}--\r\n`);
      } catch (error) {
        if (!(error instanceof ChangesetFailed)) throw error;
        out.push(`--${responseBoundary}\r\n${httpPart(error.response, error.contentId)}`);
        failed = true;
      }
    } else {
      const response = dispatch(toRequest(part, context, new Map()), context);
      out.push(`--${responseBoundary}\r\n${httpPart(response, part.headers.get('content-id'))}`);
      failed = response.status >= 400;
    }
    if (failed && !continueOnError) break;
  }
  out.push(`--${responseBoundary}--\r\n`);
  return { status: 200, headers: { 'Content-Type': `multipart/mixed; boundary=${responseBoundary}`, 'OData-Version': '4.0' }, body: out.join('') };
}

function runChangeset(operations: Part[], context: RouteContext, dispatch: Dispatch): Array<[string | undefined, DataverseResponse]> {
  const created = new Map<string, string>();
  const responses: Array<[string | undefined, DataverseResponse]> = [];
  for (const operation of operations) {
    const contentId = operation.headers.get('content-id');
    const inner = toRequest(operation, context, created);
    if (inner.method.toUpperCase() === 'GET') {
      throw new ChangesetFailed(errorAsResponse(dataverseErrors.badArgument('A GET request is not allowed inside a changeset.')), contentId);
    }
    const response = dispatch(inner, context);
    if (response.status >= 400) throw new ChangesetFailed(response, contentId);
    const entityId = response.headers['OData-EntityId'];
    if (contentId && entityId) created.set(contentId, entityId.slice(context.serviceRoot.length));
    responses.push([contentId, response]);
  }
  return responses;
}

function errorAsResponse(error: ReturnType<typeof dataverseErrors.badArgument>): DataverseResponse {
  return { status: error.status, headers: { 'Content-Type': 'application/json; odata.metadata=minimal', 'OData-Version': '4.0' }, body: JSON.stringify(error.toJSON()) };
}

/** Reads an `application/http` part: request line, headers, body; `$1` references become entity paths. */
function toRequest(part: Part, context: RouteContext, created: ReadonlyMap<string, string>): DataverseRequest {
  const [head = '', ...rest] = part.content.split(/\r?\n\r?\n/);
  const lines = head.split(/\r?\n/);
  const match = /^([A-Z]+)\s+(\S+)(?:\s+HTTP\/1\.1)?$/i.exec(lines[0]?.trim() ?? '');
  if (!match) throw dataverseErrors.badArgument(`A $batch part must start with a request line such as "POST /api/data/v9.2/accounts HTTP/1.1", got "${lines[0] ?? ''}".`);
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const at = line.indexOf(':');
    if (at > 0) headers.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
  }
  let target = match[2]!;
  const reference = /^\$(\d+)(.*)$/.exec(target);
  if (reference && created.has(reference[1]!)) target = `${created.get(reference[1]!)!}${reference[2]}`;
  const url = new URL(target, context.serviceRoot);
  const rootPath = new URL(context.serviceRoot).pathname;
  const path = url.pathname.replace(/^\/api\/data\/v9\.[0-2]\//, rootPath).slice(rootPath.length);
  let body = rest.join('\n\n').replace(/\r?\n$/, '');
  for (const [id, entity] of created) body = body.split(`"$${id}"`).join(JSON.stringify(`/${entity}`));
  return { method: match[1]!.toUpperCase(), path, search: url.searchParams, headers, body };
}

function httpPart(response: DataverseResponse, contentId: string | undefined): string {
  const head = ['Content-Type: application/http', 'Content-Transfer-Encoding: binary', ...(contentId ? [`Content-ID: ${contentId}`] : [])];
  const responseHeaders = Object.entries(response.headers).map(([name, value]) => `${name}: ${value}`);
  return `${head.join('\r\n')}\r\n\r\nHTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}\r\n${responseHeaders.join('\r\n')}\r\n\r\n${response.body}\r\n`;
}

function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/mixed/i.test(contentType.trim())) return undefined;
  return /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
}

/** The parts between `--boundary` lines, each split into its headers and content. */
function splitMultipart(body: string, boundary: string): Part[] {
  const parts: Part[] = [];
  const delimiter = `--${boundary}`;
  const chunks = body.split(new RegExp(`(?:^|\\r?\\n)${escapeRegExp(delimiter)}`));
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith('--')) break;
    const text = chunk.replace(/^[ \t]*\r?\n/, '');
    const split = /\r?\n\r?\n/.exec(text);
    const headerText = split ? text.slice(0, split.index) : text;
    const content = split ? text.slice(split.index + split[0].length) : '';
    const headers = new Map<string, string>();
    for (const line of headerText.split(/\r?\n/)) {
      const at = line.indexOf(':');
      if (at > 0) headers.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
    }
    parts.push({ headers, content });
  }
  return parts;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
