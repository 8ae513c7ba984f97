/**
 * Flattens a schema (following $refs, bounded and cycle-safe) into property paths with their
 * type, format and enum, so two versions can be compared property by property.
 */
import type { ConnectorIndex } from '../validate/document-index.js';
import { isObject, type JsonPath } from '../validate/types.js';

export interface PropertyShape {
  type?: string;
  format?: string;
  enum?: unknown[];
  required: boolean;
  visibility?: string;
  summary?: string;
  /** Where this property's schema sits in its document. */
  path: JsonPath;
}

const MAX_DEPTH = 8;

export function flattenSchema(index: ConnectorIndex, schema: unknown, path: JsonPath): Map<string, PropertyShape> {
  const out = new Map<string, PropertyShape>();
  const walk = (value: unknown, at: JsonPath, prefix: string, required: boolean, depth: number, seen: Set<string>) => {
    if (depth > MAX_DEPTH) return;
    let resolved = value;
    let where = at;
    const nextSeen = new Set(seen);
    if (isObject(value) && typeof value.$ref === 'string') {
      if (nextSeen.has(value.$ref)) return;
      nextSeen.add(value.$ref);
      const target = index.deref(value, at);
      if (!target || !isObject(target.value)) return;
      resolved = target.value;
      where = target.path;
    }
    if (!isObject(resolved)) return;
    out.set(prefix, {
      type: typeof resolved.type === 'string' ? resolved.type : undefined,
      format: typeof resolved.format === 'string' ? resolved.format : undefined,
      enum: Array.isArray(resolved.enum) ? resolved.enum : undefined,
      required,
      visibility: typeof resolved['x-ms-visibility'] === 'string' ? resolved['x-ms-visibility'] : undefined,
      summary: typeof resolved['x-ms-summary'] === 'string' ? resolved['x-ms-summary'] : undefined,
      path: where,
    });
    const requiredNames = Array.isArray(resolved.required) ? resolved.required : [];
    if (isObject(resolved.properties)) {
      for (const [name, child] of Object.entries(resolved.properties)) {
        walk(child, [...where, 'properties', name], prefix ? `${prefix}/${name}` : name, requiredNames.includes(name), depth + 1, nextSeen);
      }
    }
    if (Array.isArray(resolved.allOf)) resolved.allOf.forEach((part, i) => walk(part, [...where, 'allOf', i], prefix, required, depth + 1, nextSeen));
    if (resolved.items !== undefined && !Array.isArray(resolved.items)) walk(resolved.items, [...where, 'items'], `${prefix}[]`, false, depth + 1, nextSeen);
  };
  walk(schema, path, '', false, 0, new Set());
  return out;
}

/** The schema of an operation's success response (first 2xx), with its path. */
export function successResponseSchema(op: { responses: { code: string; value: Record<string, unknown>; valuePath: JsonPath }[] }): { schema: unknown; path: JsonPath } | undefined {
  const response = op.responses.find((r) => /^2\d\d$/.test(r.code) && r.value.schema !== undefined);
  return response ? { schema: response.value.schema, path: [...response.valuePath, 'schema'] } : undefined;
}

export function describeType(shape: PropertyShape | { type?: unknown; format?: unknown }): string {
  return `${String(shape.type ?? 'any')}${shape.format ? ` (${String(shape.format)})` : ''}`;
}
