import { InputError } from '../core/errors.js';
import { readYamlFile, type YamlSource } from '../core/read-input.js';
import { toPointer } from '../diagnostics/pointer.js';

/** Environment variable types and the option values Dataverse stores in `<type>`. */
export const ENVIRONMENT_VARIABLE_TYPES = {
  String: 100000000,
  Number: 100000001,
  Boolean: 100000002,
  JSON: 100000003,
  'Data source': 100000004,
  Secret: 100000005,
} as const;
export type EnvironmentVariableType = keyof typeof ENVIRONMENT_VARIABLE_TYPES;

export function environmentVariableTypeName(code: number): EnvironmentVariableType | undefined {
  return (Object.keys(ENVIRONMENT_VARIABLE_TYPES) as EnvironmentVariableType[]).find((k) => ENVIRONMENT_VARIABLE_TYPES[k] === code);
}

export interface Publisher {
  uniqueName: string;
  displayName: string;
  customizationPrefix: string;
  optionValuePrefix: number;
}

export interface ConnectorSource {
  name: string;
  displayName: string;
  source?: string;
}

export interface FlowSource {
  name: string;
  template?: string;
  /** Turned on after import (StateCode 1, StatusCode 2), as the CoE kit ships its flows. Default true. */
  activate: boolean;
}

export interface ConnectionReferenceSource {
  logicalName: string;
  displayName: string;
  flowKey?: string;
  connectorId: string;
  /** Name of the solution's custom connector this reference is for. */
  customConnector?: string;
}

export interface EnvironmentVariableSource {
  schemaName: string;
  displayName: string;
  type: EnvironmentVariableType;
  defaultValue?: string;
  description?: string;
  /** For Data source variables: the connector API (`shared_sharepointonline`) and parameter key. */
  apiId?: string;
  parameterKey?: string;
  required: boolean;
}

export type ColumnType = 'String' | 'DateTime' | 'Integer' | 'Memo';
export const COLUMN_TYPES: readonly ColumnType[] = ['String', 'DateTime', 'Integer', 'Memo'];

export interface ColumnSource {
  logicalName: string;
  schemaName: string;
  displayName: string;
  type: ColumnType;
  maxLength?: number;
  required: boolean;
  description?: string;
}

export interface TableSource {
  logicalName: string;
  schemaName: string;
  entitySetName: string;
  displayName: string;
  pluralName: string;
  description?: string;
  ownership: 'UserOwned' | 'OrgOwned';
  primaryKey: string;
  primaryName: string;
  columns: ColumnSource[];
}

/** `solution/solution.yaml`, checked and with defaults filled in. */
export interface SolutionSource {
  uniqueName: string;
  displayName: string;
  description?: string;
  version: string;
  publisher: Publisher;
  connector?: ConnectorSource;
  flows: FlowSource[];
  connectionReferences: ConnectionReferenceSource[];
  environmentVariables: EnvironmentVariableSource[];
  tables: TableSource[];
}

/** Solution versions are four dot-separated numbers (major.minor.build.revision), each 0-2147483647. */
export const VERSION_PATTERN = /^\d{1,10}\.\d{1,10}(\.\d{1,10}){0,2}$/;

export function isValidVersion(version: string): boolean {
  return VERSION_PATTERN.test(version) && version.split('.').every((part) => Number(part) <= 2147483647);
}

/** `1.0.0.0` -> `1_0_0_0`: the form solution zip names carry. */
export function versionForFileName(version: string): string {
  return version.replace(/\./g, '_');
}

export function loadSolutionSource(path: string): SolutionSource {
  const source = readYamlFile(path);
  return parseSolutionSource(source, path);
}

type Path = (string | number)[];

/** Reads the YAML value into a SolutionSource, failing on the first problem with its line. */
export function parseSolutionSource(source: YamlSource, file?: string): SolutionSource {
  const fail = (path: Path, message: string): never => {
    const at = source.locate(path);
    throw new InputError(message, { file, pointer: toPointer(path), line: at.line, column: at.column });
  };
  const root = object(source.value, [], fail);
  const str = (o: Record<string, unknown>, key: string, path: Path, opts: { optional?: boolean; pattern?: RegExp; what?: string } = {}): string | undefined => {
    const value = o[key];
    if (value === undefined || value === null) {
      if (opts.optional) return undefined;
      return fail([...path, key], `"${key}" is required`);
    }
    if (typeof value !== 'string' || value.trim() === '') return fail([...path, key], `"${key}" must be a non-empty string`);
    if (opts.pattern && !opts.pattern.test(value)) fail([...path, key], `"${key}" ${opts.what ?? `must match ${opts.pattern}`}, got "${value}"`);
    return value;
  };
  const req = (o: Record<string, unknown>, key: string, path: Path, opts: { pattern?: RegExp; what?: string } = {}) => str(o, key, path, opts)!;
  const bool = (o: Record<string, unknown>, key: string, path: Path, fallback: boolean): boolean => {
    const value = o[key];
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') return fail([...path, key], `"${key}" must be true or false`);
    return value;
  };
  const list = (key: string): unknown[] => {
    const value = root[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) return fail([key], `"${key}" must be a list`);
    return value;
  };
  const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

  const version = String(root.version ?? '');
  if (!isValidVersion(version)) fail(['version'], `"version" must be major.minor[.build[.revision]] with numbers up to 2147483647, got "${version}"`);

  const pub = object(root.publisher, ['publisher'], fail);
  const prefix = req(pub, 'customizationPrefix', ['publisher'], { pattern: /^[a-z][a-z0-9]{1,7}$/, what: 'must be 2-8 lowercase letters or digits starting with a letter' });
  const optionValuePrefix = Number(pub.optionValuePrefix);
  if (!Number.isInteger(optionValuePrefix) || optionValuePrefix < 10000 || optionValuePrefix > 99999) {
    fail(['publisher', 'optionValuePrefix'], '"optionValuePrefix" must be a whole number from 10000 to 99999');
  }
  const publisher: Publisher = {
    uniqueName: req(pub, 'uniqueName', ['publisher'], { pattern: NAME, what: 'must be letters, digits and _' }),
    displayName: req(pub, 'displayName', ['publisher']),
    customizationPrefix: prefix,
    optionValuePrefix,
  };
  const prefixed = (value: string, path: Path) => {
    if (!value.toLowerCase().startsWith(`${prefix}_`)) fail(path, `"${value}" must start with the publisher prefix "${prefix}_"`);
  };

  let connector: ConnectorSource | undefined;
  if (root.connector !== undefined) {
    const c = object(root.connector, ['connector'], fail);
    connector = { name: req(c, 'name', ['connector']), displayName: req(c, 'displayName', ['connector']), source: str(c, 'source', ['connector'], { optional: true }) };
    prefixed(connector.name, ['connector', 'name']);
  }

  const flows = list('flows').map((item, i): FlowSource => {
    const f = object(item, ['flows', i], fail);
    return { name: req(f, 'name', ['flows', i]), template: str(f, 'template', ['flows', i], { optional: true }), activate: bool(f, 'activate', ['flows', i], true) };
  });
  unique(flows.map((f) => f.name.toLowerCase()), (i) => fail(['flows', i, 'name'], `flow "${flows[i]!.name}" is listed twice`));

  const connectionReferences = list('connectionReferences').map((item, i): ConnectionReferenceSource => {
    const path = ['connectionReferences', i];
    const r = object(item, path, fail);
    const ref: ConnectionReferenceSource = {
      logicalName: req(r, 'logicalName', path, { pattern: NAME, what: 'must be letters, digits and _' }),
      displayName: req(r, 'displayName', path),
      flowKey: str(r, 'flowKey', path, { optional: true }),
      connectorId: req(r, 'connectorId', path, { pattern: /^\/providers\/Microsoft\.PowerApps\/apis\/shared_[A-Za-z0-9_-]+$/i, what: 'must be /providers/Microsoft.PowerApps/apis/shared_<name>' }),
      customConnector: str(r, 'customConnector', path, { optional: true }),
    };
    prefixed(ref.logicalName, [...path, 'logicalName']);
    if (ref.customConnector && ref.customConnector !== connector?.name) fail([...path, 'customConnector'], `"customConnector" names "${ref.customConnector}", but the solution's connector is "${connector?.name ?? '(none)'}"`);
    return ref;
  });
  unique(connectionReferences.map((r) => r.logicalName.toLowerCase()), (i) => fail(['connectionReferences', i, 'logicalName'], 'connection reference logical name is listed twice'));

  const environmentVariables = list('environmentVariables').map((item, i): EnvironmentVariableSource => {
    const path = ['environmentVariables', i];
    const v = object(item, path, fail);
    const type = v.type;
    if (typeof type !== 'string' || !(type in ENVIRONMENT_VARIABLE_TYPES)) {
      fail([...path, 'type'], `"type" must be one of ${Object.keys(ENVIRONMENT_VARIABLE_TYPES).join(', ')}`);
    }
    const variable: EnvironmentVariableSource = {
      schemaName: req(v, 'schemaName', path, { pattern: NAME, what: 'must be letters, digits and _' }),
      displayName: req(v, 'displayName', path),
      type: type as EnvironmentVariableType,
      defaultValue: defaultValue(v.defaultValue, type as EnvironmentVariableType, [...path, 'defaultValue'], fail),
      description: str(v, 'description', path, { optional: true }),
      apiId: str(v, 'apiId', path, { optional: true }),
      parameterKey: str(v, 'parameterKey', path, { optional: true }),
      required: bool(v, 'required', path, false),
    };
    prefixed(variable.schemaName, [...path, 'schemaName']);
    if (variable.type === 'Data source' && !variable.apiId) fail(path, 'a Data source variable needs "apiId" (the connector, e.g. shared_sharepointonline)');
    return variable;
  });
  unique(environmentVariables.map((v) => v.schemaName.toLowerCase()), (i) => fail(['environmentVariables', i, 'schemaName'], 'environment variable schema name is listed twice'));

  const tables = list('tables').map((item, i): TableSource => {
    const path = ['tables', i];
    const t = object(item, path, fail);
    const logicalName = req(t, 'logicalName', path, { pattern: /^[a-z][a-z0-9_]*$/, what: 'must be lowercase letters, digits and _' });
    prefixed(logicalName, [...path, 'logicalName']);
    const columnsValue = t.columns;
    if (!Array.isArray(columnsValue) || columnsValue.length === 0) fail([...path, 'columns'], '"columns" must be a non-empty list');
    const columns = (columnsValue as unknown[]).map((raw, j): ColumnSource => {
      const cpath = [...path, 'columns', j];
      const c = object(raw, cpath, fail);
      const columnType = c.type;
      if (typeof columnType !== 'string' || !(COLUMN_TYPES as readonly string[]).includes(columnType)) fail([...cpath, 'type'], `"type" must be one of ${COLUMN_TYPES.join(', ')}`);
      const maxLength = c.maxLength === undefined ? undefined : Number(c.maxLength);
      if (maxLength !== undefined && (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > 4000)) fail([...cpath, 'maxLength'], '"maxLength" must be a whole number from 1 to 4000');
      const column: ColumnSource = {
        logicalName: req(c, 'logicalName', cpath, { pattern: /^[a-z][a-z0-9_]*$/, what: 'must be lowercase letters, digits and _' }),
        schemaName: req(c, 'schemaName', cpath, { pattern: NAME, what: 'must be letters, digits and _' }),
        displayName: req(c, 'displayName', cpath),
        type: columnType as ColumnType,
        maxLength,
        required: bool(c, 'required', cpath, false),
        description: str(c, 'description', cpath, { optional: true }),
      };
      if (column.schemaName.toLowerCase() !== column.logicalName) fail([...cpath, 'schemaName'], `"schemaName" must be "${column.logicalName}" in any letter case`);
      return column;
    });
    unique(columns.map((c) => c.logicalName), (j) => fail([...path, 'columns', j, 'logicalName'], 'column is listed twice'));
    const table: TableSource = {
      logicalName,
      schemaName: req(t, 'schemaName', path, { pattern: NAME, what: 'must be letters, digits and _' }),
      entitySetName: req(t, 'entitySetName', path, { pattern: /^[a-z][a-z0-9_]*$/, what: 'must be lowercase letters, digits and _' }),
      displayName: req(t, 'displayName', path),
      pluralName: req(t, 'pluralName', path),
      description: str(t, 'description', path, { optional: true }),
      ownership: (str(t, 'ownership', path, { optional: true, pattern: /^(UserOwned|OrgOwned)$/, what: 'must be UserOwned or OrgOwned' }) ?? 'UserOwned') as TableSource['ownership'],
      primaryKey: req(t, 'primaryKey', path),
      primaryName: req(t, 'primaryName', path),
      columns,
    };
    if (table.schemaName.toLowerCase() !== logicalName) fail([...path, 'schemaName'], `"schemaName" must be "${logicalName}" in any letter case`);
    if (table.primaryKey !== `${logicalName}id`) fail([...path, 'primaryKey'], `"primaryKey" must be "${logicalName}id" (Dataverse names the key after the table)`);
    const primary = columns.find((c) => c.logicalName === table.primaryName);
    if (!primary || primary.type !== 'String') fail([...path, 'primaryName'], `"primaryName" must name one of the table's String columns`);
    if (columns.some((c) => c.logicalName === table.primaryKey)) fail([...path, 'columns'], `the primary key "${table.primaryKey}" is made by Dataverse; do not list it as a column`);
    return table;
  });

  return {
    uniqueName: req(root, 'uniqueName', [], { pattern: NAME, what: 'must be letters, digits and _' }),
    displayName: req(root, 'displayName', []),
    description: str(root, 'description', [], { optional: true }),
    version,
    publisher,
    connector,
    flows,
    connectionReferences,
    environmentVariables,
    tables,
  };
}

function object(value: unknown, path: Path, fail: (path: Path, message: string) => never): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail(path, `${path.length ? `"${path[path.length - 1]}"` : 'the file'} must be a mapping`);
  return value as Record<string, unknown>;
}

function unique(keys: string[], onDuplicate: (index: number) => void): void {
  const seen = new Set<string>();
  keys.forEach((key, i) => {
    if (seen.has(key)) onDuplicate(i);
    seen.add(key);
  });
}

function defaultValue(value: unknown, type: EnvironmentVariableType, path: Path, fail: (path: Path, message: string) => never): string | undefined {
  if (value === undefined || value === null) return undefined;
  switch (type) {
    case 'Secret':
      return fail(path, 'a Secret variable has no default value: its value is an Azure Key Vault reference set per environment');
    case 'Number':
      if (typeof value === 'number' ? !Number.isFinite(value) : typeof value !== 'string' || !/^-?\d+(\.\d+)?$/.test(value)) return fail(path, 'must be a number');
      return String(value);
    case 'Boolean':
      // Dataverse stores two-option values as "yes" / "no".
      if (value === true || value === 'yes') return 'yes';
      if (value === false || value === 'no') return 'no';
      return fail(path, 'must be true or false');
    case 'JSON':
      if (typeof value === 'string') {
        try {
          JSON.parse(value);
        } catch {
          return fail(path, 'must be valid JSON text');
        }
        return value;
      }
      return JSON.stringify(value);
    default:
      if (typeof value !== 'string' && typeof value !== 'number') return fail(path, 'must be a string');
      return String(value);
  }
}
