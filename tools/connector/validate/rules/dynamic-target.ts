/** Shared by the x-ms-dynamic-* rules: find the operation an extension calls, and its output schema. */
import type { ConnectorIndex, OperationNode } from '../document-index.js';
import { isObject } from '../types.js';

export function findOperation(index: ConnectorIndex, operationId: unknown): OperationNode | undefined {
  return typeof operationId === 'string' ? index.operationsById.get(operationId)?.[0] : undefined;
}

/** The resolved schema of the operation's success response, if it has one. */
export function successSchema(index: ConnectorIndex, op: OperationNode): Record<string, unknown> | undefined {
  const response = op.responses.find((r) => /^2\d\d$/.test(r.code)) ?? op.responses.find((r) => r.code === 'default');
  const schema = response && index.deref(response.value.schema, [])?.value;
  return isObject(schema) ? schema : undefined;
}

/** Follows a "/"-separated property path through resolved schemas; undefined when it leaves the schema. */
export function schemaAt(index: ConnectorIndex, schema: Record<string, unknown>, path: string): Record<string, unknown> | undefined {
  let current: Record<string, unknown> | undefined = schema;
  for (const segment of path.split('/').filter(Boolean)) {
    const properties: unknown = current?.properties;
    if (!isObject(properties) || !(segment in properties)) return undefined;
    const next = index.deref(properties[segment], [])?.value;
    current = isObject(next) ? next : undefined;
  }
  return current;
}

/** Names the called operation accepts (its parameters, and its body's top-level properties). */
export function acceptedNames(index: ConnectorIndex, op: OperationNode): Set<string> | undefined {
  const names = new Set<string>();
  for (const p of op.parameters) {
    names.add(String(p.value.name));
    if (p.value.in === 'body') {
      const schema = index.deref(p.value.schema, [])?.value;
      if (!isObject(schema) || !isObject(schema.properties)) return undefined; // a dynamic body accepts anything
      for (const key of Object.keys(schema.properties)) names.add(key);
    }
  }
  return names;
}
