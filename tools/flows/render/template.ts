import { InputError } from '../../core/errors.js';
import { readYamlFile, type YamlSource } from '../../core/read-input.js';
import { isObject, type JsonObject } from '../wdl/types.js';
import { located } from './project-sources.js';

/** A configurable value of a template: `{{name}}` in the template body. */
export interface TemplateParameter {
  name: string;
  description?: string;
  type: 'string' | 'integer';
  default: string | number;
  allowed?: (string | number)[];
  minimum?: number;
  maximum?: number;
}

/** A connection of a legacy (non-solution) flow, which has no connection reference. */
export interface LegacyConnection {
  key: string;
  apiName: string;
  displayName?: string;
  /** The connector source in connector/ (`office365-audit-logs`) the api is built from, for lint checks. */
  source?: string;
}

export interface FlowTemplate {
  file: string;
  source: YamlSource;
  name: string;
  description: string;
  /** `solution` flows go to Workflows/ of the solution; `legacy` ones into a flow package. */
  format: 'solution' | 'legacy';
  parameters: TemplateParameter[];
  /** Solution flows: connection reference flow keys. */
  connections: string[];
  legacyConnections: LegacyConnection[];
  /** `triggers` and `actions`, still with placeholders. */
  definition: JsonObject;
}

const KNOWN_KEYS = new Set(['name', 'description', 'format', 'parameters', 'connections', 'definition']);

export function loadFlowTemplate(file: string): FlowTemplate {
  const source = readYamlFile(file);
  const value = source.value;
  const fail = (message: string, path: (string | number)[]) => located(message, path, source, file);
  if (!isObject(value)) throw new InputError('expected a flow template (a mapping with name, definition)', { file, line: 1 });
  for (const key of Object.keys(value)) if (!KNOWN_KEYS.has(key)) throw fail(`unknown template key "${key}": expected one of ${[...KNOWN_KEYS].join(', ')}`, [key]);
  if (typeof value.name !== 'string' || !value.name) throw fail('expected the flow name under "name"', ['name']);
  const format = value.format ?? 'solution';
  if (format !== 'solution' && format !== 'legacy') throw fail('format must be solution or legacy', ['format']);
  if (!isObject(value.definition) || !isObject(value.definition.triggers) || !isObject(value.definition.actions)) {
    throw fail('expected "definition" with "triggers" and "actions" mappings', ['definition']);
  }
  const parameters = Object.entries(isObject(value.parameters) ? value.parameters : {}).map(([name, spec]) => readParameter(name, spec, fail));
  const connections: string[] = [];
  const legacyConnections: LegacyConnection[] = [];
  const rawConnections = value.connections ?? [];
  if (!Array.isArray(rawConnections)) throw fail('expected a list under "connections"', ['connections']);
  rawConnections.forEach((entry: unknown, i) => {
    if (format === 'solution') {
      if (typeof entry !== 'string') throw fail('expected a connection reference flow key (from solution/solution.yaml)', ['connections', i]);
      connections.push(entry);
    } else {
      if (!isObject(entry) || typeof entry.key !== 'string' || typeof entry.apiName !== 'string') {
        throw fail('expected {key, apiName, displayName} for a legacy flow connection', ['connections', i]);
      }
      legacyConnections.push({
        key: entry.key,
        apiName: entry.apiName,
        ...(typeof entry.displayName === 'string' ? { displayName: entry.displayName } : {}),
        ...(typeof entry.source === 'string' ? { source: entry.source } : {}),
      });
    }
  });
  return {
    file,
    source,
    name: value.name,
    description: typeof value.description === 'string' ? value.description : '',
    format,
    parameters,
    connections,
    legacyConnections,
    definition: value.definition as JsonObject,
  };
}

function readParameter(name: string, spec: unknown, fail: (message: string, path: (string | number)[]) => InputError): TemplateParameter {
  const at = ['parameters', name];
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) throw fail(`parameter name "${name}" must be letters, digits and _`, at);
  if (!isObject(spec)) throw fail('expected {default, type?, allowed?, minimum?, maximum?, description?}', at);
  const type = spec.type ?? 'string';
  if (type !== 'string' && type !== 'integer') throw fail('type must be string or integer', [...at, 'type']);
  const parameter: TemplateParameter = { name, type, default: '' };
  if (typeof spec.description === 'string') parameter.description = spec.description;
  if (Array.isArray(spec.allowed)) parameter.allowed = spec.allowed as (string | number)[];
  if (typeof spec.minimum === 'number') parameter.minimum = spec.minimum;
  if (typeof spec.maximum === 'number') parameter.maximum = spec.maximum;
  const problem = checkParameterValue(parameter, spec.default);
  if (problem) throw fail(`default of "${name}": ${problem}`, [...at, 'default']);
  parameter.default = spec.default as string | number;
  return parameter;
}

/** Why `value` is not acceptable for `parameter`, or undefined when it is. */
export function checkParameterValue(parameter: TemplateParameter, value: unknown): string | undefined {
  if (parameter.type === 'integer') {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) return `expected a whole number, got ${JSON.stringify(value)}`;
    if (parameter.minimum !== undefined && value < parameter.minimum) return `expected at least ${parameter.minimum}, got ${value}`;
    if (parameter.maximum !== undefined && value > parameter.maximum) return `expected at most ${parameter.maximum}, got ${value}`;
  } else if (typeof value !== 'string') {
    return `expected a string, got ${JSON.stringify(value)}`;
  }
  if (parameter.allowed && !parameter.allowed.includes(value as string | number)) {
    return `expected one of ${parameter.allowed.join(', ')}, got ${JSON.stringify(value)}`;
  }
  return undefined;
}

/** Turns a `--param name=value` string into the parameter's type. */
export function coerceParameterValue(parameter: TemplateParameter, text: string): string | number {
  if (parameter.type === 'integer' && /^-?\d+$/.test(text.trim())) return Number(text.trim());
  return text;
}
