import { InputError } from '../core/errors.js';
import { parseJsonText, parseYamlText, readTextFile } from '../core/read-input.js';
import { attr, childElements, firstChild, parseXmlBytes, textOf } from '../xml/index.js';
import { CUSTOMIZATIONS_XML, type PackageFiles } from './package-files.js';

/** The deployment settings file `pac solution import --settings-file` reads (as `pac solution create-settings` writes it). */
export interface DeploymentSettings {
  EnvironmentVariables: { SchemaName: string; Value: string }[];
  ConnectionReferences: { LogicalName: string; ConnectionId: string; ConnectorId: string }[];
}

/** Values to fill in: environment variable values by schema name, connection ids by reference logical name. */
export interface SettingsValues {
  environmentVariables: Map<string, string>;
  connections: Map<string, string>;
}

/**
 * Builds the deployment settings of a package: one entry per environment variable definition and
 * per connection reference, in package order, with the values given or left empty to fill in.
 * A value for a name the solution does not have is an error (a typo would otherwise pass silently).
 */
export function deploymentSettings(files: PackageFiles, values: SettingsValues = { environmentVariables: new Map(), connections: new Map() }, valuesFile?: string): DeploymentSettings {
  const schemaNames = [...files.keys()]
    .map((name) => /^environmentvariabledefinitions\/([^/]+)\/environmentvariabledefinition\.xml$/i.exec(name)?.[1])
    .filter((name): name is string => name !== undefined);
  const customizations = files.get(CUSTOMIZATIONS_XML);
  if (!customizations) throw new InputError('the solution has no customizations.xml', { file: CUSTOMIZATIONS_XML });
  const root = parseXmlBytes(customizations, { file: CUSTOMIZATIONS_XML }).root;
  const references = childElements(firstChild(root, 'connectionreferences') ?? root, 'connectionreference').map((reference) => ({
    LogicalName: attr(reference, 'connectionreferencelogicalname') ?? '',
    ConnectorId: textOf(firstChild(reference, 'connectorid')).trim(),
  }));
  for (const name of values.environmentVariables.keys()) {
    if (!schemaNames.includes(name)) throw new InputError(`environment variable "${name}" is not in the solution (it has ${schemaNames.join(', ') || 'none'})`, { file: valuesFile });
  }
  for (const name of values.connections.keys()) {
    if (!references.some((r) => r.LogicalName === name)) throw new InputError(`connection reference "${name}" is not in the solution (it has ${references.map((r) => r.LogicalName).join(', ') || 'none'})`, { file: valuesFile });
  }
  return {
    EnvironmentVariables: schemaNames.map((SchemaName) => ({ SchemaName, Value: values.environmentVariables.get(SchemaName) ?? '' })),
    ConnectionReferences: references.map((r) => ({ LogicalName: r.LogicalName, ConnectionId: values.connections.get(r.LogicalName) ?? '', ConnectorId: r.ConnectorId })),
  };
}

/**
 * Reads a values file: either a deployment settings file (EnvironmentVariables / ConnectionReferences
 * arrays, e.g. last release's) or a short YAML/JSON mapping:
 *   environmentVariables: { admin_TenantID: "..." }
 *   connectionReferences: { admin_CoEAuditLogsDataverse: "<connection id>" }
 */
export function readSettingsValues(path: string): SettingsValues {
  const text = readTextFile(path, 4 * 1024 * 1024);
  const value = /\.json$/i.test(path) ? parseJsonText(text, path) : parseYamlText(text, path).value;
  const values: SettingsValues = { environmentVariables: new Map(), connections: new Map() };
  const fail = (message: string, pointer: string): never => {
    throw new InputError(message, { file: path, pointer });
  };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail('expected a mapping with environmentVariables and connectionReferences', '');
  const record = value as Record<string, unknown>;
  const text_ = (v: unknown, pointer: string): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : fail('expected a string value', pointer));
  if (Array.isArray(record.EnvironmentVariables) || Array.isArray(record.ConnectionReferences)) {
    ((record.EnvironmentVariables as unknown[]) ?? []).forEach((item, i) => {
      const entry = item as Record<string, unknown>;
      if (typeof entry?.SchemaName !== 'string') fail('expected SchemaName', `/EnvironmentVariables/${i}`);
      if (entry.Value !== undefined && entry.Value !== '') values.environmentVariables.set(entry.SchemaName as string, text_(entry.Value, `/EnvironmentVariables/${i}/Value`));
    });
    ((record.ConnectionReferences as unknown[]) ?? []).forEach((item, i) => {
      const entry = item as Record<string, unknown>;
      if (typeof entry?.LogicalName !== 'string') fail('expected LogicalName', `/ConnectionReferences/${i}`);
      if (entry.ConnectionId !== undefined && entry.ConnectionId !== '') values.connections.set(entry.LogicalName as string, text_(entry.ConnectionId, `/ConnectionReferences/${i}/ConnectionId`));
    });
    return values;
  }
  for (const [key, target] of [['environmentVariables', values.environmentVariables], ['connectionReferences', values.connections]] as const) {
    const section = record[key];
    if (section === undefined) continue;
    if (section === null || typeof section !== 'object' || Array.isArray(section)) fail(`"${key}" must be a mapping of name to value`, `/${key}`);
    for (const [name, v] of Object.entries(section as Record<string, unknown>)) target.set(name, text_(v, `/${key}/${name}`));
  }
  const unknown = Object.keys(record).filter((k) => k !== 'environmentVariables' && k !== 'connectionReferences');
  if (unknown.length > 0) fail(`unknown key "${unknown[0]}": expected environmentVariables and connectionReferences`, `/${unknown[0]}`);
  return values;
}
