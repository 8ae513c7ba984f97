import { join } from 'node:path';
import { InputError } from '../../core/errors.js';
import { readYamlFile, type YamlSource } from '../../core/read-input.js';
import { isObject } from '../wdl/types.js';

/** A connection reference of the solution, as solution/solution.yaml declares it. */
export interface ConnectionReferenceInfo {
  logicalName: string;
  displayName?: string;
  /** Key in a flow's connectionReferences and its actions' host.connectionName. */
  flowKey: string;
  /** `/providers/Microsoft.PowerApps/apis/shared_x` */
  connectorId: string;
  /** Solution name of the custom connector, when the reference is to one. */
  customConnector?: string;
}

/** An environment variable definition (Dataverse type String or Number). */
export interface EnvironmentVariableInfo {
  schemaName: string;
  displayName: string;
  type: 'String' | 'Number';
  defaultValue?: string | number;
  description?: string;
}

export interface FlowEntry {
  name: string;
  template: string;
}

/** What the renderer reads from solution/solution.yaml (owned by the solution part). */
export interface ProjectSources {
  root: string;
  /** Source of the solution's custom connector (`connector/office365-management-api.yaml`), when declared. */
  connectorSource?: string;
  flows: FlowEntry[];
  connectionReferences: ConnectionReferenceInfo[];
  environmentVariables: EnvironmentVariableInfo[];
}

export function loadProjectSources(root: string): ProjectSources {
  const solutionFile = join(root, 'solution', 'solution.yaml');
  const solution = readYamlFile(solutionFile);
  const value = solution.value;
  if (!isObject(value)) throw new InputError('expected a mapping at the top level', { file: solutionFile, line: 1 });
  const flows = listOf(value.flows, 'flows', solution, solutionFile).map((entry, i) => ({
    name: stringField(entry, 'name', ['flows', i], solution, solutionFile),
    template: stringField(entry, 'template', ['flows', i], solution, solutionFile),
  }));
  const connectionReferences = listOf(value.connectionReferences, 'connectionReferences', solution, solutionFile).map((entry, i) => {
    const at = ['connectionReferences', i];
    const info: ConnectionReferenceInfo = {
      logicalName: stringField(entry, 'logicalName', at, solution, solutionFile),
      flowKey: stringField(entry, 'flowKey', at, solution, solutionFile),
      connectorId: stringField(entry, 'connectorId', at, solution, solutionFile),
    };
    if (typeof entry.displayName === 'string') info.displayName = entry.displayName;
    if (typeof entry.customConnector === 'string') info.customConnector = entry.customConnector;
    return info;
  });
  const environmentVariables =
    value.environmentVariables === undefined ? [] : readEnvironmentVariables(value.environmentVariables, ['environmentVariables'], solution, solutionFile);
  const connector = isObject(value.connector) ? value.connector : undefined;
  const connectorSource = typeof connector?.source === 'string' ? connector.source : undefined;
  return { root, flows, connectionReferences, environmentVariables, ...(connectorSource ? { connectorSource } : {}) };
}

function readEnvironmentVariables(value: unknown, at: (string | number)[], source: YamlSource, file: string): EnvironmentVariableInfo[] {
  if (!Array.isArray(value)) throw located('expected a list of environment variables', at, source, file);
  return value.map((entry: unknown, i) => {
    const path = [...at, i];
    if (!isObject(entry)) throw located('expected a mapping with schemaName, displayName, type', path, source, file);
    const type = entry.type ?? 'String';
    if (type !== 'String' && type !== 'Number') throw located(`type must be String or Number, got ${JSON.stringify(type)}`, [...path, 'type'], source, file);
    const info: EnvironmentVariableInfo = {
      schemaName: stringField(entry, 'schemaName', path, source, file),
      displayName: stringField(entry, 'displayName', path, source, file),
      type,
    };
    const defaultValue = entry.defaultValue;
    if (defaultValue !== undefined && defaultValue !== null) {
      if (type === 'Number' && typeof defaultValue !== 'number') throw located('defaultValue of a Number variable must be a number', [...path, 'defaultValue'], source, file);
      if (type === 'String' && typeof defaultValue !== 'string') throw located('defaultValue of a String variable must be a string', [...path, 'defaultValue'], source, file);
      info.defaultValue = defaultValue as string | number;
    }
    if (typeof entry.description === 'string') info.description = entry.description;
    return info;
  });
}

function listOf(value: unknown, key: string, source: YamlSource, file: string): Record<string, unknown>[] {
  if (!Array.isArray(value)) throw located(`expected a list under "${key}"`, [key], source, file);
  value.forEach((entry, i) => {
    if (!isObject(entry)) throw located('expected a mapping', [key, i], source, file);
  });
  return value as Record<string, unknown>[];
}

function stringField(entry: Record<string, unknown>, key: string, at: (string | number)[], source: YamlSource, file: string): string {
  const value = entry[key];
  if (typeof value !== 'string' || value === '') throw located(`expected a non-empty string "${key}"`, [...at, key], source, file);
  return value;
}

export function located(message: string, path: (string | number)[], source: YamlSource, file: string): InputError {
  const at = source.locate(path);
  return new InputError(message, { file, line: at.line, column: at.column, pointer: path.length ? `/${path.join('/')}` : undefined });
}
