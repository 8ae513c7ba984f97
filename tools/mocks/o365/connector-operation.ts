import { InputError, UsageError } from '../../core/errors.js';

/**
 * Invokes one operation of a Swagger 2.0 connector definition the way the maker portal's Test tab
 * does: path, query and header parameters from the given values (or their declared defaults),
 * a JSON body from a `body` value, and the connection's bearer token.
 */
interface SwaggerParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'body' | 'formData';
  required?: boolean;
  default?: unknown;
  'x-ms-visibility'?: string;
}

interface SwaggerOperation {
  operationId?: string;
  parameters?: SwaggerParameter[];
  security?: Record<string, unknown>[];
}

export interface ConnectorDefinition {
  swagger?: string;
  host?: string;
  basePath?: string;
  schemes?: string[];
  paths?: Record<string, Record<string, SwaggerOperation | SwaggerParameter[]>>;
  security?: Record<string, unknown>[];
  securityDefinitions?: Record<string, { type?: string }>;
}

/** How the connection authenticates: OAuth 2.0 (bearer token), basic (user name and password), or none. */
export type AuthKind = 'oauth2' | 'basic' | 'apiKey' | 'none';

export interface PreparedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  auth: AuthKind;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

export function listOperationIds(definition: ConnectorDefinition): string[] {
  const ids: string[] = [];
  for (const item of Object.values(definition.paths ?? {})) for (const [method, op] of Object.entries(item)) if (METHODS.includes(method) && !Array.isArray(op) && op.operationId) ids.push(op.operationId);
  return ids;
}

/** Builds the HTTP request for `operationId` with `params` (names as the definition spells them). */
export function prepareOperation(definition: ConnectorDefinition, file: string, operationId: string, params: Record<string, string>, baseUrl?: string): PreparedRequest {
  for (const [path, item] of Object.entries(definition.paths ?? {})) {
    const shared = (Array.isArray(item.parameters) ? item.parameters : []) as SwaggerParameter[];
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method) || Array.isArray(op) || op.operationId !== operationId) continue;
      const parameters = [...shared, ...(op.parameters ?? [])];
      const used = new Set<string>();
      const valueOf = (p: SwaggerParameter): string | undefined => {
        const given = Object.keys(params).find((k) => k.toLowerCase() === p.name.toLowerCase());
        if (given !== undefined) {
          used.add(given);
          return params[given];
        }
        // The Test tab pre-fills every field that has a default.
        return p.default !== undefined ? String(p.default) : undefined;
      };
      let resolvedPath = path;
      const query = new URLSearchParams();
      const headers: Record<string, string> = {};
      let body: string | undefined;
      for (const p of parameters) {
        const value = valueOf(p);
        if (value === undefined) {
          if (p.required && p.in !== 'body') throw new UsageError(`operation ${operationId} needs parameter ${p.name} (${p.in}): pass --param ${p.name}=...`);
          continue;
        }
        if (p.in === 'path') resolvedPath = resolvedPath.replace(`{${p.name}}`, encodeURIComponent(value));
        else if (p.in === 'query') query.set(p.name, value);
        else if (p.in === 'header') headers[p.name] = value;
        else if (p.in === 'body') {
          try {
            JSON.parse(value);
          } catch {
            throw new UsageError(`parameter ${p.name} (body) must be JSON, got ${JSON.stringify(value.slice(0, 40))}`);
          }
          body = value;
          headers['Content-Type'] = 'application/json';
        }
      }
      const unknown = Object.keys(params).filter((k) => !used.has(k));
      if (unknown.length > 0) throw new UsageError(`operation ${operationId} has no parameter ${unknown[0]} (it has: ${parameters.map((p) => p.name).join(', ') || 'none'})`);
      const root = baseUrl ? baseUrl.replace(/\/+$/, '') : `${definition.schemes?.[0] ?? 'https'}://${definition.host ?? ''}`;
      const qs = query.toString();
      const requirement = (op.security ?? definition.security ?? [])[0];
      const scheme = requirement ? definition.securityDefinitions?.[Object.keys(requirement)[0] ?? '']?.type : undefined;
      const auth: AuthKind = scheme === 'basic' || scheme === 'oauth2' || scheme === 'apiKey' ? scheme : 'none';
      return { method: method.toUpperCase(), url: `${root}${(definition.basePath ?? '').replace(/\/+$/, '')}${resolvedPath}${qs ? `?${qs}` : ''}`, headers, body, auth };
    }
  }
  const known = listOperationIds(definition);
  throw new InputError(`no operation ${operationId} in the connector definition (operations: ${known.join(', ') || 'none'})`, { file, pointer: '/paths' });
}
