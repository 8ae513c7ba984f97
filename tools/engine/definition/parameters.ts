import { InputError } from '../../core/errors.js';
import type { ParameterDefinition, WorkflowDefinition } from './types.js';

/**
 * Values for a definition's parameters (`parameters('X')`): environment variables in a solution flow.
 * A value is found by parameter name or by its `metadata.schemaName` (the env var's schema name), in
 * this order: values given by the caller, the solution's environment variable values, `defaultValue`.
 */
export function resolveParameters(
  definition: WorkflowDefinition,
  given: Record<string, unknown> = {},
  environmentVariables: Record<string, unknown> = {},
  file?: string,
): Map<string, unknown> {
  const resolved = new Map<string, unknown>();
  for (const [name, parameter] of Object.entries(definition.parameters ?? {})) {
    const schemaName = parameter?.metadata?.schemaName;
    let value: unknown;
    if (name in given) value = given[name];
    else if (schemaName && schemaName in given) value = given[schemaName];
    else if (schemaName && schemaName in environmentVariables) value = environmentVariables[schemaName];
    else if (parameter && 'defaultValue' in parameter) value = parameter.defaultValue;
    else if (name === '$connections' || name === '$authentication') value = {};
    else throw new InputError(`parameter "${name}"${schemaName ? ` (environment variable ${schemaName})` : ''} has no value and no defaultValue; give it in --parameters`, { file, pointer: `/parameters/${escapePointer(name)}` });
    resolved.set(name, coerce(name, parameter ?? {}, value, file));
  }
  // Every Power Automate flow reads these two; bare definitions often omit their declarations.
  if (!resolved.has('$authentication')) resolved.set('$authentication', {});
  if (!resolved.has('$connections')) resolved.set('$connections', {});
  for (const [name, value] of Object.entries(given)) {
    if (!resolved.has(name) && !Object.values(definition.parameters ?? {}).some((p) => p?.metadata?.schemaName === name)) resolved.set(name, value);
  }
  return resolved;
}

/** Environment variable values hold strings; turn them into the parameter's declared type. */
function coerce(name: string, parameter: ParameterDefinition, value: unknown, file?: string): unknown {
  const type = (parameter.type ?? '').toLowerCase();
  const fail = (expected: string) => new InputError(`parameter "${name}" is declared ${parameter.type} but its value ${JSON.stringify(value)} is not ${expected}`, { file, pointer: `/parameters/${escapePointer(name)}` });
  if (value === null || value === undefined) return value ?? null;
  switch (type) {
    case 'int':
    case 'integer':
    case 'float':
    case 'number': {
      const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (!Number.isFinite(number) || ((type === 'int' || type === 'integer') && !Number.isInteger(number))) throw fail(type.startsWith('int') ? 'a whole number' : 'a number');
      return number;
    }
    case 'bool':
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
      throw fail('true or false');
    case 'array':
    case 'object':
    case 'secureobject': {
      const parsed = typeof value === 'string' ? tryJson(value) : value;
      if (type === 'array' ? !Array.isArray(parsed) : parsed === null || typeof parsed !== 'object') throw fail(type === 'array' ? 'an array' : 'an object');
      return parsed;
    }
    case 'string':
    case 'securestring':
      return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
    default:
      return value;
  }
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Reads a parameter values file in any of the shapes users have: `{"Name": value}`, an ARM-style
 * `{"parameters": {"Name": {"value": v}}}`, or a pac deploymentSettings.json
 * (`{"EnvironmentVariables": [{"SchemaName", "Value"}]}`).
 */
export function parameterValuesFromJson(value: unknown, file?: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new InputError('expected a JSON object of parameter values', { file });
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.EnvironmentVariables)) {
    const out: Record<string, unknown> = {};
    for (const entry of record.EnvironmentVariables as Array<Record<string, unknown>>) {
      if (typeof entry?.SchemaName === 'string') out[entry.SchemaName] = entry.Value;
    }
    return out;
  }
  if (record.parameters && typeof record.parameters === 'object' && !Array.isArray(record.parameters)) {
    const out: Record<string, unknown> = {};
    for (const [name, entry] of Object.entries(record.parameters as Record<string, unknown>)) {
      out[name] = entry && typeof entry === 'object' && 'value' in (entry as object) ? (entry as { value: unknown }).value : entry;
    }
    return out;
  }
  return { ...record };
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
