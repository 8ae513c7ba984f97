/** Parameter lookup shared by the parameter checks: by `in` and `name`, $refs already followed. */
import type { OperationNode, OperationParameter } from '../../validate/document-index.js';

export function parametersByKey(op: OperationNode): Map<string, OperationParameter> {
  return new Map(op.parameters.map((p) => [`${String(p.value.in)}:${String(p.value.name)}`, p]));
}

export function parameterLabel(p: OperationParameter): string {
  return `${String(p.value.in)} parameter "${String(p.value.name)}"`;
}

export function locationOf(p: OperationParameter): (string | number)[] {
  return p.definition?.path ?? p.path;
}
