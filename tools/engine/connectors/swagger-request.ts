import { ActionFailure } from '../errors.js';
import { assembleBody, joinUrl, queryText, withQuery } from './parameter-body.js';

interface SwaggerParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'body' | 'formData';
  required?: boolean;
  default?: unknown;
  type?: string;
  collectionFormat?: string;
  'x-ms-visibility'?: string;
  'x-ms-url-encoding'?: string;
  'x-ms-notification-url'?: boolean;
  $ref?: string;
}

export interface SwaggerOperation {
  method: string;
  path: string;
  operation: Record<string, unknown>;
  parameters: SwaggerParameter[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** Finds `operationId` in a swagger 2.0 document, with path-level and `$ref` parameters resolved. */
export function findOperation(swagger: Record<string, unknown>, operationId: string): SwaggerOperation {
  const paths = (swagger.paths ?? {}) as Record<string, Record<string, unknown>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operation = item?.[method] as Record<string, unknown> | undefined;
      if (operation?.operationId !== operationId) continue;
      const shared = ((item.parameters ?? []) as SwaggerParameter[]).map((p) => resolveRef(swagger, p));
      const own = ((operation.parameters ?? []) as SwaggerParameter[]).map((p) => resolveRef(swagger, p));
      const byKey = new Map<string, SwaggerParameter>();
      for (const parameter of [...shared, ...own]) byKey.set(`${parameter.in}:${parameter.name}`, parameter);
      return { method, path, operation, parameters: [...byKey.values()] };
    }
  }
  throw new ActionFailure('OperationNotFound', `The connector's swagger has no operation with operationId '${operationId}'.`);
}

function resolveRef(swagger: Record<string, unknown>, parameter: SwaggerParameter): SwaggerParameter {
  if (!parameter?.$ref) return parameter;
  const match = /^#\/parameters\/(.+)$/.exec(parameter.$ref);
  const target = match ? ((swagger.parameters ?? {}) as Record<string, SwaggerParameter>)[decodeURIComponent(match[1] as string).replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  if (!target) throw new ActionFailure('InvalidSwagger', `The connector's swagger refers to a missing parameter '${parameter.$ref}'.`);
  return target;
}

export interface BuiltRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

/**
 * Builds the HTTP request of an operation from an action's `parameters`, the way the connector
 * runtime does: path parameters substituted (URL-encoded; twice with `x-ms-url-encoding: double`),
 * query and header parameters by swagger name, the body parameter rebuilt from `<body>/...` keys,
 * internal parameters filled from their defaults. Missing required parameters fail the action.
 */
export function buildSwaggerRequest(swagger: Record<string, unknown>, operation: SwaggerOperation, parameters: Record<string, unknown>, baseUrl: string, overrides: Record<string, unknown> = {}): BuiltRequest {
  let path = operation.path;
  const query: Array<[string, string]> = [];
  const headers: Record<string, string> = {};
  let body: unknown;
  const form: Array<[string, string]> = [];
  for (const parameter of operation.parameters) {
    let value = parameter.name in overrides ? overrides[parameter.name] : parameter.in === 'body' ? assembleBody(parameters, parameter.name) : parameters[parameter.name];
    if (value === undefined && parameter.default !== undefined && (parameter.required || parameter['x-ms-visibility'] === 'internal')) value = parameter.default;
    if (value === undefined || value === null) {
      if (parameter.required && parameter.in !== 'body') throw new ActionFailure('BadRequest', `The operation '${String(operation.operation.operationId)}' needs the parameter '${parameter.name}' (${parameter.in}), which the action does not give.`);
      continue;
    }
    switch (parameter.in) {
      case 'path': {
        let encoded = encodeURIComponent(queryText(value));
        if (parameter['x-ms-url-encoding'] === 'double') encoded = encodeURIComponent(encoded);
        path = path.split(`{${parameter.name}}`).join(encoded);
        break;
      }
      case 'query':
        if (Array.isArray(value) && parameter.collectionFormat === 'multi') for (const v of value) query.push([parameter.name, queryText(v)]);
        else query.push([parameter.name, Array.isArray(value) ? value.map(queryText).join(parameter.collectionFormat === 'ssv' ? ' ' : parameter.collectionFormat === 'pipes' ? '|' : ',') : queryText(value)]);
        break;
      case 'header':
        headers[parameter.name] = queryText(value);
        break;
      case 'body':
        body = value;
        break;
      case 'formData':
        form.push([parameter.name, queryText(value)]);
        break;
    }
  }
  if (form.length > 0) {
    body = new URLSearchParams(form).toString();
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  const basePath = typeof swagger.basePath === 'string' && swagger.basePath !== '/' ? swagger.basePath : '';
  const base = basePath && new URL(baseUrl).pathname.replace(/\/+$/, '').endsWith(basePath.replace(/\/+$/, '')) ? baseUrl : joinUrl(baseUrl, basePath);
  return { method: operation.method.toUpperCase(), url: withQuery(joinUrl(base, path), query), headers, body };
}
