import type { IncomingHttpHeaders } from 'node:http';
import type { AccessTokenClaims } from '../auth/jwt.js';
import type { MockContext } from '../context.js';

export interface ApiRequest {
  context: MockContext;
  method: string;
  /** Tenant GUID from the URL (lower case). */
  tenantId: string;
  /** Query values by lower-cased name: the service treats names case-insensitively (`nextpage`). */
  query: Map<string, string>;
  headers: IncomingHttpHeaders;
  body: string;
  /** Path parameters, e.g. contentId. */
  params: Record<string, string>;
  publisherId: string;
  claims: AccessTokenClaims;
}

export interface ApiResponse {
  status: number;
  /** JSON value to send; `undefined` sends an empty body. */
  body?: unknown;
  /** Pre-serialised JSON (listings; blobs as bytes encoded once). */
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
}

/** One API operation: its method name (for AF429 messages and logs) and handler. */
export interface ApiRoute {
  method: 'GET' | 'POST';
  /** Path below `/api/v1.0/{tenant}/activity/feed/`; `{contentId}` is a parameter. */
  path: string;
  /** The operation name the service puts in throttling and failure messages. */
  operation: string;
  /** Content type the operation is about, for the DLP permission check. */
  contentTypeOf?(request: Pick<ApiRequest, 'query' | 'params'>): string | undefined;
  handle(request: ApiRequest): ApiResponse | Promise<ApiResponse>;
}
