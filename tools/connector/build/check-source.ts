import type { ConnectorSource, OperationSource, ParameterSource, SchemaSource } from './source-types.js';

type Path = (string | number)[];
type Fail = (message: string, path: Path) => never;

/**
 * Checks a schema-valid source for what a JSON Schema cannot say: unique operation ids and routes,
 * references that resolve, path templates that match path parameters, a success response on
 * every operation, clouds that can sign in. The first problem ends the load (one clear line).
 */
export function checkSourceSemantics(source: ConnectorSource, fail: Fail): void {
  checkClouds(source, fail);
  const definitions = source.definitions ?? {};
  for (const [name, schema] of Object.entries(definitions)) checkSchema(schema, ['definitions', name], definitions, fail);

  const firstById = new Map<string, number>();
  const firstByRoute = new Map<string, number>();
  source.operations.forEach((operation, index) => {
    const at: Path = ['operations', index];
    const previous = firstById.get(operation.operationId.toLowerCase());
    if (previous !== undefined) {
      fail(`duplicate operationId "${operation.operationId}": operation #${previous + 1} already uses it (operationIds must be unique, compared case-insensitively)`, [...at, 'operationId']);
    }
    firstById.set(operation.operationId.toLowerCase(), index);
    const route = `${operation.method} ${operation.path.toLowerCase().replace(/\{[^}]*\}/g, '{}')}`;
    const sameRoute = firstByRoute.get(route);
    if (sameRoute !== undefined) {
      fail(`operation "${operation.operationId}" repeats ${operation.method.toUpperCase()} ${operation.path} of "${source.operations[sameRoute]!.operationId}": one operation per method and path`, [...at, 'path']);
    }
    firstByRoute.set(route, index);
    checkOperation(source, operation, at, definitions, fail);
  });
}

function checkClouds(source: ConnectorSource, fail: Fail): void {
  if (source.auth.type !== 'aad') return;
  for (const [cloud, endpoint] of Object.entries(source.clouds)) {
    if (!endpoint?.resource) fail(`cloud "${cloud}" has no "resource": Azure AD auth needs the API's token resource in every cloud`, ['clouds', cloud]);
  }
}

function checkOperation(source: ConnectorSource, operation: OperationSource, at: Path, definitions: Record<string, SchemaSource>, fail: Fail): void {
  const label = `operation "${operation.operationId}"`;
  const resolved: { parameter: ParameterSource; path: Path }[] = [];
  (operation.parameters ?? []).forEach((use, i) => {
    const path: Path = [...at, 'parameters', i];
    if ('ref' in use) {
      // Own keys only: `ref: constructor` must not find Object.prototype.constructor.
      const parameter = source.parameters && Object.hasOwn(source.parameters, use.ref) ? source.parameters[use.ref] : undefined;
      if (!parameter) {
        const known = Object.keys(source.parameters ?? {});
        fail(`${label} uses parameter "${use.ref}", which is not defined under parameters${known.length ? ` (defined: ${known.join(', ')})` : ''}`, [...path, 'ref']);
      }
      resolved.push({ parameter, path });
    } else {
      resolved.push({ parameter: use, path });
    }
  });

  const seen = new Set<string>();
  for (const { parameter, path } of resolved) {
    const key = `${parameter.in}:${parameter.name.toLowerCase()}`;
    if (seen.has(key)) fail(`${label} has two ${parameter.in} parameters named "${parameter.name}"`, path);
    seen.add(key);
    if (parameter.name.toLowerCase() === 'connectionid') fail(`${label}: a parameter may not be named "connectionId" (Power Platform reserves it)`, path);
    if (parameter.enum && parameter.default !== undefined && !parameter.enum.includes(parameter.default as string | number)) {
      fail(`${label}: default ${JSON.stringify(parameter.default)} of parameter "${parameter.name}" is not one of its enum values`, path);
    }
    if (parameter.visibility === 'internal' && (parameter.default === undefined || parameter.required !== true)) {
      fail(`${label}: internal parameter "${parameter.name}" must be required and have a default (users never see it)`, path);
    }
  }

  const templateNames = [...operation.path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
  if (/[{}]/.test(operation.path.replace(/\{[A-Za-z0-9_.-]+\}/g, ''))) fail(`${label}: path ${operation.path} has unbalanced or empty {braces}`, [...at, 'path']);
  const pathParameters = resolved.filter((r) => r.parameter.in === 'path');
  for (const name of templateNames) {
    if (!pathParameters.some((r) => r.parameter.name === name)) fail(`${label}: path ${operation.path} uses {${name}} but no path parameter "${name}" is declared`, [...at, 'path']);
  }
  for (const { parameter, path } of pathParameters) {
    if (!templateNames.includes(parameter.name)) fail(`${label}: path parameter "${parameter.name}" does not appear in ${operation.path}`, path);
  }

  if (operation.body) {
    if (operation.method === 'get') fail(`${label}: a GET operation cannot have a body`, [...at, 'body']);
    checkSchema(operation.body.schema, [...at, 'body', 'schema'], definitions, fail);
  }
  const codes = Object.keys(operation.responses);
  if (!codes.some((code) => /^2\d\d$/.test(code))) fail(`${label} has no success (2xx) response; add e.g. "200"`, [...at, 'responses']);
  for (const [code, response] of Object.entries(operation.responses)) {
    const path: Path = [...at, 'responses', code];
    if (code === 'default' && response.schema) fail(`${label}: the "default" response must not have a schema (certification rule DefaultResponseHasSchema)`, [...path, 'schema']);
    if (response.schema) checkSchema(response.schema, [...path, 'schema'], definitions, fail);
  }
  if (operation.notificationContent) {
    if (!operation.trigger) fail(`${label} has notificationContent but no trigger: only webhook triggers receive notifications`, [...at, 'notificationContent']);
    checkSchema(operation.notificationContent.schema, [...at, 'notificationContent', 'schema'], definitions, fail);
  }
  if (operation.trigger && operation.notificationContent && !hasNotificationUrl(operation.body?.schema, definitions)) {
    fail(`${label} is a webhook trigger but its body has no property with notificationUrl: true (where the platform puts its callback URL)`, [...at, 'trigger']);
  }
}

function checkSchema(schema: SchemaSource, path: Path, definitions: Record<string, SchemaSource>, fail: Fail): void {
  if (schema.ref !== undefined) {
    const others = Object.keys(schema).filter((k) => k !== 'ref');
    if (others.length > 0) fail(`"ref" cannot be combined with other keys (${others.join(', ')}): put them in definitions.${schema.ref}`, path);
    if (!Object.hasOwn(definitions, schema.ref)) fail(`unknown definition "${schema.ref}"${Object.keys(definitions).length ? ` (defined: ${Object.keys(definitions).join(', ')})` : ''}`, [...path, 'ref']);
    return;
  }
  if (schema.type === undefined) fail('a schema needs a "type" (object, array, string, integer, number, boolean) or a "ref"', path);
  if (schema.type === 'array' && !schema.items) fail('an array schema needs "items"', path);
  if (schema.type !== 'array' && schema.items) fail(`"items" only applies to arrays, not ${schema.type}`, [...path, 'items']);
  if (schema.type !== 'object' && (schema.properties || schema.required)) fail(`"properties" and "required" only apply to objects, not ${schema.type}`, path);
  for (const name of schema.required ?? []) {
    if (!schema.properties?.[name]) fail(`required property "${name}" is not among the properties`, [...path, 'required']);
  }
  if (schema.notificationUrl && schema.type !== 'string') fail('notificationUrl only applies to a string property', path);
  for (const [name, property] of Object.entries(schema.properties ?? {})) checkSchema(property, [...path, 'properties', name], definitions, fail);
  if (schema.items) checkSchema(schema.items, [...path, 'items'], definitions, fail);
}

function hasNotificationUrl(schema: SchemaSource | undefined, definitions: Record<string, SchemaSource>, depth = 0): boolean {
  if (!schema || depth > 16) return false;
  if (schema.ref) return Object.hasOwn(definitions, schema.ref) && hasNotificationUrl(definitions[schema.ref], definitions, depth + 1);
  if (schema.notificationUrl) return true;
  return Object.values(schema.properties ?? {}).some((p) => hasNotificationUrl(p, definitions, depth + 1));
}
