/**
 * The shared index of one parsed connector: built in one pass over the swagger, so that each
 * rule visits operations, parameters and schemas from here instead of walking the whole tree.
 */
import { fromPointer } from '../../diagnostics/index.js';
import type { JsonSource } from './load.js';
import { isObject, type JsonPath } from './types.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;
const MAX_REF_HOPS = 64;
const MAX_SCHEMA_DEPTH = 64;

export interface ResolvedRef {
  value: unknown;
  path: JsonPath;
}

export interface RefNode {
  /** Where the `$ref` property is. */
  path: JsonPath;
  ref: unknown;
  /** The object holding the `$ref`. */
  holder: Record<string, unknown>;
  /** What the reference is in: a schema, a parameter, a response, a path item. */
  kind: 'schema' | 'parameter' | 'response' | 'pathItem';
}

export interface ParameterNode {
  /** Where the parameter object is defined (inline in an operation or path item, or under root `parameters`). */
  path: JsonPath;
  value: Record<string, unknown>;
  name: string;
  in: string;
  /** Operations using this definition. */
  usedBy: OperationNode[];
  /** True for entries of the root `parameters` map (shared definitions). */
  shared: boolean;
}

export interface OperationParameter {
  /** Where the entry sits in the operation or path item (may be a `$ref`). */
  path: JsonPath;
  /** The entry after following its `$ref`. */
  value: Record<string, unknown>;
  definition?: ParameterNode;
}

export interface ResponseNode {
  code: string;
  path: JsonPath;
  /** After following a `$ref` to root `responses`. */
  value: Record<string, unknown>;
  /** Path of the resolved response object. */
  valuePath: JsonPath;
}

export interface OperationNode {
  path: JsonPath;
  pathKey: string;
  method: string;
  value: Record<string, unknown>;
  operationId?: string;
  /** Path-level then operation-level parameters (operation wins on name+in), $refs followed. */
  parameters: OperationParameter[];
  responses: ResponseNode[];
  isTrigger: boolean;
  isWebhookTrigger: boolean;
}

export interface SchemaNode {
  path: JsonPath;
  value: Record<string, unknown>;
  /** Set when this schema is the value of `properties.<name>` of its parent. */
  propertyName?: string;
  parent?: SchemaNode;
  /** `definition` schemas have `definitionName`; others sit inline in a parameter or a response. */
  owner: 'definition' | 'parameter' | 'response';
  definitionName?: string;
  /** Reachable from an operation's outputs: a 2xx or default response, or a webhook payload (directly or through definitions). */
  inResponse: boolean;
  /** For a schema inline in an operation's response: that operation. */
  operation?: OperationNode;
  depth: number;
}

/** What the engine read of icon.png: enough to check format and size without decoding it. */
export interface IconInfo {
  file: string;
  bytes: number;
  /** From the PNG header; undefined when the file is not a PNG. */
  width?: number;
  height?: number;
}

export interface ConnectorIndex {
  swagger: JsonSource;
  root: Record<string, unknown>;
  apiPropertiesSource?: JsonSource;
  /** apiProperties.json beside the swagger (its expected path when absent). */
  apiPropertiesFile: string;
  apiPropertiesFound: boolean;
  /** The `properties` object of apiProperties.json, when present. */
  apiProperties?: Record<string, unknown>;
  scriptText?: string;
  scriptFile?: string;
  /** The connector's folder, when validated from disk (icon checks only run then). */
  folder?: string;
  icon?: IconInfo;
  /** The connector folder's group (certified-connectors, independent-publisher-connectors, ...), when known. */
  group?: string;
  operations: OperationNode[];
  operationsById: Map<string, OperationNode[]>;
  parameters: ParameterNode[];
  schemas: SchemaNode[];
  refs: RefNode[];
  resolve(ref: unknown): ResolvedRef | undefined;
  /** Follows `$ref` chains from `value` (bounded, cycle-safe); returns the final object and its path. */
  deref(value: unknown, path: JsonPath): ResolvedRef | undefined;
}

export interface IndexInput {
  swagger: JsonSource;
  apiPropertiesSource?: JsonSource;
  apiPropertiesFile: string;
  apiPropertiesFound: boolean;
  scriptText?: string;
  scriptFile?: string;
  group?: string;
  folder?: string;
  icon?: IconInfo;
}

export function buildIndex(input: IndexInput): ConnectorIndex {
  const root = input.swagger.value as Record<string, unknown>;
  const refs: RefNode[] = [];
  const schemas: SchemaNode[] = [];
  const parameters: ParameterNode[] = [];
  const operations: OperationNode[] = [];
  const refCache = new Map<string, ResolvedRef | undefined>();

  const resolve = (ref: unknown): ResolvedRef | undefined => {
    if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
    if (refCache.has(ref)) return refCache.get(ref);
    let result: ResolvedRef | undefined;
    try {
      const path = fromPointer(ref);
      let node: unknown = root;
      for (const segment of path) {
        if (Array.isArray(node)) node = node[Number(segment)];
        else if (isObject(node) && Object.hasOwn(node, segment)) node = node[segment];
        else {
          node = undefined;
          break;
        }
      }
      result = node === undefined ? undefined : { value: node, path };
    } catch {
      result = undefined;
    }
    refCache.set(ref, result);
    return result;
  };

  const deref = (value: unknown, path: JsonPath): ResolvedRef | undefined => {
    let current: ResolvedRef = { value, path };
    const seen = new Set<string>();
    for (let hop = 0; hop < MAX_REF_HOPS; hop++) {
      if (!isObject(current.value) || typeof current.value.$ref !== 'string') return current;
      const ref = current.value.$ref;
      if (seen.has(ref)) return undefined;
      seen.add(ref);
      const next = resolve(ref);
      if (!next) return undefined;
      current = next;
    }
    return undefined;
  };

  // Schemas: definitions first, then inline ones met while indexing operations and shared parameters/responses.
  const definitionRefs = new Map<string, Set<string>>();
  const responseRefTargets = new Set<string>();
  const walkSchema = (start: unknown, path: JsonPath, owner: SchemaNode['owner'], definitionName: string | undefined, inResponse: boolean, operation?: OperationNode) => {
    const stack: { value: unknown; path: JsonPath; parent?: SchemaNode; propertyName?: string; depth: number }[] = [{ value: start, path, depth: 0 }];
    while (stack.length > 0) {
      const item = stack.pop()!;
      if (!isObject(item.value) || item.depth > MAX_SCHEMA_DEPTH) continue;
      const value = item.value;
      const node: SchemaNode = { path: item.path, value, owner, definitionName, inResponse, operation, depth: item.depth, parent: item.parent, propertyName: item.propertyName };
      schemas.push(node);
      if (typeof value.$ref === 'string' || '$ref' in value) {
        refs.push({ path: [...item.path, '$ref'], ref: value.$ref, holder: value, kind: 'schema' });
        const target = typeof value.$ref === 'string' ? /^#\/definitions\/(.+)$/.exec(value.$ref)?.[1] : undefined;
        if (target !== undefined) {
          const name = target.replace(/~1/g, '/').replace(/~0/g, '~');
          if (definitionName !== undefined) {
            let set = definitionRefs.get(definitionName);
            if (!set) definitionRefs.set(definitionName, (set = new Set()));
            set.add(name);
          }
          if (inResponse) responseRefTargets.add(name);
        }
      }
      const depth = item.depth + 1;
      if (isObject(value.properties)) {
        for (const [key, child] of Object.entries(value.properties)) stack.push({ value: child, path: [...item.path, 'properties', key], parent: node, propertyName: key, depth });
      }
      if (isObject(value.items)) stack.push({ value: value.items, path: [...item.path, 'items'], parent: node, depth });
      else if (Array.isArray(value.items)) value.items.forEach((child, i) => stack.push({ value: child, path: [...item.path, 'items', i], parent: node, depth }));
      if (Array.isArray(value.allOf)) value.allOf.forEach((child, i) => stack.push({ value: child, path: [...item.path, 'allOf', i], parent: node, depth }));
      if (isObject(value.additionalProperties)) stack.push({ value: value.additionalProperties, path: [...item.path, 'additionalProperties'], parent: node, depth });
    }
  };

  if (isObject(root.definitions)) {
    for (const [name, schema] of Object.entries(root.definitions)) walkSchema(schema, ['definitions', name], 'definition', name, false);
  }

  const sharedParameters = new Map<string, ParameterNode>();
  if (isObject(root.parameters)) {
    for (const [name, value] of Object.entries(root.parameters)) {
      if (!isObject(value)) continue;
      const node: ParameterNode = { path: ['parameters', name], value, name: String(value.name ?? ''), in: String(value.in ?? ''), usedBy: [], shared: true };
      parameters.push(node);
      sharedParameters.set(`#/parameters/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, node);
      if (isObject(value.schema)) walkSchema(value.schema, ['parameters', name, 'schema'], 'parameter', undefined, false);
    }
  }
  const sharedResponsesWalked = new Set<string>();
  if (isObject(root.responses)) {
    for (const [name, value] of Object.entries(root.responses)) {
      if (isObject(value) && isObject(value.schema)) {
        walkSchema(value.schema, ['responses', name, 'schema'], 'response', undefined, true);
        sharedResponsesWalked.add(name);
      }
    }
  }

  const operationParameter = (entry: unknown, path: JsonPath, operation: OperationNode | undefined, inline: Map<string, ParameterNode>): OperationParameter | undefined => {
    if (!isObject(entry)) return undefined;
    if ('$ref' in entry) {
      refs.push({ path: [...path, '$ref'], ref: entry.$ref, holder: entry, kind: 'parameter' });
      const definition = typeof entry.$ref === 'string' ? sharedParameters.get(entry.$ref) : undefined;
      if (definition) {
        if (operation) definition.usedBy.push(operation);
        return { path, value: definition.value, definition };
      }
      const resolved = deref(entry, path);
      return isObject(resolved?.value) ? { path, value: resolved.value } : undefined;
    }
    const key = path.join('\u0000');
    let definition = inline.get(key);
    if (!definition) {
      definition = { path, value: entry, name: String(entry.name ?? ''), in: String(entry.in ?? ''), usedBy: [], shared: false };
      inline.set(key, definition);
      parameters.push(definition);
      if (isObject(entry.schema)) walkSchema(entry.schema, [...path, 'schema'], 'parameter', undefined, false);
    }
    if (operation) definition.usedBy.push(operation);
    return { path, value: entry, definition };
  };

  if (isObject(root.paths)) {
    for (const [pathKey, pathItem] of Object.entries(root.paths)) {
      if (!isObject(pathItem)) continue;
      if ('$ref' in pathItem) refs.push({ path: ['paths', pathKey, '$ref'], ref: pathItem.$ref, holder: pathItem, kind: 'pathItem' });
      const inline = new Map<string, ParameterNode>();
      // A webhook's notification payload is what its trigger outputs: index it like a response schema.
      const notification = pathItem['x-ms-notification-content'];
      if (isObject(notification) && isObject(notification.schema)) walkSchema(notification.schema, ['paths', pathKey, 'x-ms-notification-content', 'schema'], 'response', undefined, true);
      const pathLevel = Array.isArray(pathItem.parameters) ? pathItem.parameters : [];
      for (const method of HTTP_METHODS) {
        const value = pathItem[method];
        if (!isObject(value)) continue;
        const opPath: JsonPath = ['paths', pathKey, method];
        const trigger = value['x-ms-trigger'];
        const operation: OperationNode = {
          path: opPath,
          pathKey,
          method,
          value,
          operationId: typeof value.operationId === 'string' ? value.operationId : undefined,
          parameters: [],
          responses: [],
          isTrigger: trigger !== undefined,
          isWebhookTrigger: false,
        };
        const byNameIn = new Map<string, OperationParameter>();
        pathLevel.forEach((entry, i) => {
          const p = operationParameter(entry, ['paths', pathKey, 'parameters', i], operation, inline);
          if (p) byNameIn.set(`${String(p.value.in)}:${String(p.value.name)}`, p);
        });
        const own = Array.isArray(value.parameters) ? value.parameters : [];
        const ownList: OperationParameter[] = [];
        own.forEach((entry, i) => {
          const p = operationParameter(entry, [...opPath, 'parameters', i], operation, inline);
          if (p) {
            byNameIn.delete(`${String(p.value.in)}:${String(p.value.name)}`);
            ownList.push(p);
          }
        });
        operation.parameters = [...byNameIn.values(), ...ownList];
        if (isObject(value.responses)) {
          for (const [code, response] of Object.entries(value.responses)) {
            if (!isObject(response)) continue;
            const responsePath: JsonPath = [...opPath, 'responses', code];
            let resolved: ResolvedRef | undefined = { value: response, path: responsePath };
            if ('$ref' in response) {
              refs.push({ path: [...responsePath, '$ref'], ref: response.$ref, holder: response, kind: 'response' });
              resolved = deref(response, responsePath);
            }
            if (!resolved || !isObject(resolved.value)) continue;
            operation.responses.push({ code, path: responsePath, value: resolved.value, valuePath: resolved.path });
            if (resolved.path === responsePath && isObject(response.schema)) walkSchema(response.schema, [...responsePath, 'schema'], 'response', undefined, isOutputResponse(code), operation);
          }
        }
        const ownNotification = value['x-ms-notification-content'];
        if (isObject(ownNotification) && isObject(ownNotification.schema)) walkSchema(ownNotification.schema, [...opPath, 'x-ms-notification-content', 'schema'], 'response', undefined, true);
        operation.isWebhookTrigger = operation.isTrigger && operation.parameters.some((p) => p.value.in === 'body' && hasNotificationUrl(p.value, deref));
        operations.push(operation);
      }
    }
  }

  // Definitions reachable from responses: the closure over definition-to-definition references.
  const reachable = new Set<string>();
  const queue = [...responseRefTargets];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (reachable.has(name)) continue;
    reachable.add(name);
    for (const next of definitionRefs.get(name) ?? []) queue.push(next);
  }
  for (const schema of schemas) if (schema.owner === 'definition' && reachable.has(schema.definitionName!)) schema.inResponse = true;

  const operationsById = new Map<string, OperationNode[]>();
  for (const op of operations) {
    if (op.operationId === undefined) continue;
    const list = operationsById.get(op.operationId) ?? [];
    list.push(op);
    operationsById.set(op.operationId, list);
  }

  const apiPropertiesValue = input.apiPropertiesSource?.value;
  return {
    swagger: input.swagger,
    root,
    apiPropertiesSource: input.apiPropertiesSource,
    apiPropertiesFile: input.apiPropertiesFile,
    apiPropertiesFound: input.apiPropertiesFound,
    apiProperties: isObject(apiPropertiesValue) && isObject(apiPropertiesValue.properties) ? apiPropertiesValue.properties : undefined,
    scriptText: input.scriptText,
    scriptFile: input.scriptFile,
    group: input.group,
    folder: input.folder,
    icon: input.icon,
    operations,
    operationsById,
    parameters,
    schemas,
    refs,
    resolve,
    deref,
  };
}

/** A webhook trigger's body schema carries a property marked `x-ms-notification-url: true`. */
function hasNotificationUrl(parameter: Record<string, unknown>, deref: ConnectorIndex['deref']): boolean {
  const schema = deref(parameter.schema, [])?.value;
  if (!isObject(schema) || !isObject(schema.properties)) return false;
  return Object.values(schema.properties).some((property) => {
    const resolved = deref(property, [])?.value;
    return isObject(resolved) && (resolved['x-ms-notification-url'] === true || resolved['x-ms-notification-url'] === 'true');
  });
}

/** An operation the designer never lists (x-ms-visibility internal): dynamic-values sources, webhook deletes. */
export function isInternalOperation(operation: OperationNode): boolean {
  return operation.value['x-ms-visibility'] === 'internal';
}

/** Flows get their outputs from success responses (2xx, or default): an error response's schema names no tokens. */
function isOutputResponse(code: string): boolean {
  return code === 'default' || /^2\d\d$/.test(code);
}
