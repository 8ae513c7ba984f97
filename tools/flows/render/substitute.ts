import { componentGuid } from '../../core/ids.js';
import type { JsonValue } from '../wdl/types.js';

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

export interface SubstitutionContext {
  /** Template parameter values by name. */
  values: ReadonlyMap<string, string | number>;
  /** Flows `{{workflow:<name>}}` may name (their ids come from componentGuid). */
  flowNames: ReadonlySet<string>;
  /** Environment variable schema name -> the flow parameter name (`{{env:admin_X}}`). */
  environmentVariables: ReadonlyMap<string, string>;
  /** Collects the schema names `{{env:...}}` placeholders used. */
  usedEnvironmentVariables: Set<string>;
}

export class PlaceholderError extends Error {
  constructor(
    message: string,
    readonly path: (string | number)[],
  ) {
    super(message);
  }
}

/**
 * Replaces `{{name}}` placeholders: a string that is one placeholder takes the value's own type (an
 * integer stays a number), a placeholder inside text is interpolated. `{{workflow:Flow name}}` is the
 * named flow's workflow id, the `host.workflowReferenceName` of a Workflow action;
 * `{{env:admin_X}}` is the flow parameter name of that environment variable (`"<Display> (admin_X)"`),
 * so templates survive a display-name change in solution.yaml.
 */
export function substitutePlaceholders(value: JsonValue, context: SubstitutionContext, path: (string | number)[] = []): JsonValue {
  if (typeof value === 'string') return substituteString(value, context, path);
  if (Array.isArray(value)) return value.map((item, i) => substitutePlaceholders(item, context, [...path, i]));
  if (value !== null && typeof value === 'object') {
    const result: Record<string, JsonValue> = {};
    for (const [key, item] of Object.entries(value)) {
      const newKey = substituteString(key, context, [...path, key]);
      if (typeof newKey !== 'string') throw new PlaceholderError('a placeholder in a key must give a string', [...path, key]);
      result[newKey] = substitutePlaceholders(item, context, [...path, key]);
    }
    return result;
  }
  return value;
}

function substituteString(text: string, context: SubstitutionContext, path: (string | number)[]): JsonValue {
  const whole = /^\{\{\s*([^{}]+?)\s*\}\}$/.exec(text);
  if (whole) return resolve(whole[1]!, context, path);
  return text.replace(PLACEHOLDER, (_match, name: string) => String(resolve(name, context, path)));
}

function resolve(name: string, context: SubstitutionContext, path: (string | number)[]): string | number {
  if (name.startsWith('workflow:')) {
    const flowName = name.slice('workflow:'.length).trim();
    if (!context.flowNames.has(flowName)) {
      throw new PlaceholderError(`{{workflow:${flowName}}} names no flow of the solution (known: ${[...context.flowNames].join(', ')})`, path);
    }
    return componentGuid('workflow', flowName);
  }
  if (name.startsWith('env:')) {
    const schemaName = name.slice('env:'.length).trim();
    const parameterName = context.environmentVariables.get(schemaName);
    if (!parameterName) {
      throw new PlaceholderError(`{{env:${schemaName}}} names no environment variable of solution/solution.yaml (known: ${[...context.environmentVariables.keys()].join(', ')})`, path);
    }
    context.usedEnvironmentVariables.add(schemaName);
    return parameterName;
  }
  const value = context.values.get(name);
  if (value === undefined) throw new PlaceholderError(`unknown template parameter {{${name}}}: declare it under "parameters"`, path);
  return value;
}
