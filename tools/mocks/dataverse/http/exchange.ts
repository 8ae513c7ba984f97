import { DataverseError } from '../store/dataverse-error.js';
import type { DataverseStore } from '../store/dataverse-store.js';

/**
 * One Web API request, independent of node:http so that the parts of a $batch run through the
 * same routes as top-level requests.
 */
export interface DataverseRequest {
  method: string;
  /** Path below the service root: `admin_apps(…)`, `admin_apps/$count`, `$batch`, '' for the root. */
  path: string;
  search: URLSearchParams;
  /** Header values by lower-case name. */
  headers: ReadonlyMap<string, string>;
  body: string;
}

export interface DataverseResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RouteContext {
  store: DataverseStore;
  /** `http://127.0.0.1:<port>/api/data/v9.2/` (with the trailing slash). */
  serviceRoot: string;
  /** Azure Key Vault secrets by reference, for Secret-type environment variables (never logged). */
  secrets?: ReadonlyMap<string, string>;
}

export const JSON_CONTENT_TYPE = 'application/json; odata.metadata=minimal';

export function jsonResponse(status: number, body: unknown, headers?: Record<string, string>): DataverseResponse {
  const all: Record<string, string> = { 'Content-Type': JSON_CONTENT_TYPE, 'OData-Version': '4.0' };
  // Copied by assignment, not spread: the same order and values, without V8's slow path for spreads.
  for (const name in headers) all[name] = headers[name]!;
  return { status, headers: all, body: JSON.stringify(body) };
}

export function emptyResponse(status: number, headers?: Record<string, string>): DataverseResponse {
  const all: Record<string, string> = { 'OData-Version': '4.0' };
  for (const name in headers) all[name] = headers[name]!;
  return { status, headers: all, body: '' };
}

export function errorResponse(error: DataverseError): DataverseResponse {
  return jsonResponse(error.status, error.toJSON());
}

/** A request header by name (any case). */
export function header(request: DataverseRequest, name: string): string | undefined {
  return request.headers.get(name.toLowerCase());
}

