import { InputError, type ErrorLocation } from '../../../core/errors.js';
import { columnKinds, columnTypeNames, type ColumnTypeName } from './column-types/index.js';
import type { AlternateKey, Column, ColumnDefinition, OneToManyRelationship, Table, TableDefinition, TableSet } from './table.js';

/** Maps a path inside the definitions to a location (the YAML loader passes line numbers). */
export type LocatePath = (path: readonly (string | number)[]) => ErrorLocation;

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/**
 * Columns every Dataverse table has and that flows read or filter on. The service sets createdon,
 * modifiedon and versionnumber; statecode/statuscode are writable with Active defaults.
 */
const SYSTEM_COLUMNS: ReadonlyArray<[string, ColumnDefinition, boolean]> = [
  ['createdon', { type: 'datetime' }, true],
  ['modifiedon', { type: 'datetime' }, true],
  ['versionnumber', { type: 'bigint' }, true],
  ['statecode', { type: 'choice', options: { '0': 'Active', '1': 'Inactive' } }, false],
  ['statuscode', { type: 'choice', options: { '1': 'Active', '2': 'Inactive' } }, false],
];

/**
 * Checks and resolves table definitions (from YAML, a solution's customizations or code) into the
 * tables the store creates. Errors name the table and column, located through `locate` if given.
 */
export function defineTables(definitions: readonly TableDefinition[], locate: LocatePath = () => ({})): TableSet {
  const fail = (message: string, path: (string | number)[]): never => {
    throw new InputError(message, { pointer: jsonPointer(path), ...locate(path) });
  };
  if (!Array.isArray(definitions)) fail('expected a list of tables', []);
  const logicalNames = new Map<string, number>();
  const setNames = new Map<string, number>();
  definitions.forEach((definition, index) => {
    if (typeof definition !== 'object' || definition === null) fail('expected a table (an object with logicalName and columns)', [index]);
    if (typeof definition.logicalName !== 'string' || !NAME.test(definition.logicalName)) {
      fail('expected logicalName: a name of letters, digits and _ (e.g. admin_auditlog)', [index, 'logicalName']);
    }
    const logical = definition.logicalName.toLowerCase();
    if (logicalNames.has(logical)) fail(`table "${logical}" is defined twice`, [index, 'logicalName']);
    logicalNames.set(logical, index);
    const set = definition.entitySetName ?? `${logical}s`;
    if (typeof set !== 'string' || !NAME.test(set)) fail('expected entitySetName: a name of letters, digits and _', [index, 'entitySetName']);
    if (setNames.has(set)) fail(`entity set "${set}" is used by two tables`, [index, 'entitySetName']);
    setNames.set(set, index);
  });

  const resolveTarget = (target: string): string | undefined => {
    if (logicalNames.has(target.toLowerCase())) return target.toLowerCase();
    const bySet = setNames.get(target);
    return bySet === undefined ? undefined : definitions[bySet]!.logicalName.toLowerCase();
  };

  const tables = definitions.map((definition, index) => resolveTable(definition, index, resolveTarget, fail));
  linkRelationships(definitions, tables, fail);
  return {
    tables,
    byEntitySet: new Map(tables.map((t) => [t.entitySetName, t])),
    byLogicalName: new Map(tables.map((t) => [t.logicalName, t])),
  };
}

function resolveTable(
  definition: TableDefinition,
  index: number,
  resolveTarget: (target: string) => string | undefined,
  fail: (message: string, path: (string | number)[]) => never,
): Table {
  const logicalName = definition.logicalName.toLowerCase();
  const columns: Column[] = [];
  const byLogical = new Map<string, Column>();
  const add = (column: Column, path: (string | number)[]) => {
    if (byLogical.has(column.logicalName)) fail(`column "${column.logicalName}" is defined twice (names are not case-sensitive)`, path);
    byLogical.set(column.logicalName, column);
    columns.push(column);
  };

  const primaryIdName = (definition.primaryId ?? `${logicalName}id`).toLowerCase();
  if (!NAME.test(primaryIdName)) fail('expected primaryId: a column name', [index, 'primaryId']);
  const primaryId = makeColumn(primaryIdName, { type: 'guid' });
  add(primaryId, [index, 'primaryId']);

  const declared = definition.columns ?? {};
  if (typeof declared !== 'object' || Array.isArray(declared)) fail('expected columns: a map of column name -> type', [index, 'columns']);
  for (const [schemaName, raw] of Object.entries(declared)) {
    const path = [index, 'columns', schemaName];
    if (!NAME.test(schemaName)) fail('expected a column name of letters, digits and _', path);
    const spec: ColumnDefinition = typeof raw === 'string' ? { type: raw } : (raw as ColumnDefinition);
    if (typeof spec !== 'object' || spec === null || !columnKinds.has(spec.type)) {
      fail(`expected a column type, one of ${columnTypeNames.join(', ')}`, typeof raw === 'string' ? path : [...path, 'type']);
    }
    if (schemaName.toLowerCase() === primaryIdName) {
      if (spec.type !== 'guid') fail('the primary id column is a guid', path);
      continue;
    }
    if (spec.type === 'lookup') {
      const target = typeof spec.target === 'string' ? resolveTarget(spec.target) : undefined;
      if (!target) fail(`lookup needs target: the logical name of a table defined here, got ${JSON.stringify(spec.target ?? null)}`, [...path, 'target']);
      if (spec.relationship !== undefined && (typeof spec.relationship !== 'string' || !NAME.test(spec.relationship))) fail('expected relationship: a relationship schema name of letters, digits and _', [...path, 'relationship']);
      add(makeColumn(schemaName, { ...spec, target }), path);
      continue;
    }
    if (spec.maxLength !== undefined && (!Number.isInteger(spec.maxLength) || spec.maxLength < 1)) fail('expected maxLength: a positive whole number', [...path, 'maxLength']);
    if (spec.options !== undefined) {
      for (const value of Object.keys(spec.options)) {
        if (!/^-?\d+$/.test(value)) fail('expected choice options as value: label with whole-number values', [...path, 'options', value]);
      }
    }
    add(makeColumn(schemaName, spec), path);
  }

  let primaryName: Column | undefined;
  if (definition.primaryName !== undefined) {
    const name = String(definition.primaryName).toLowerCase();
    primaryName = byLogical.get(name);
    if (!primaryName) {
      if (!NAME.test(name)) fail('expected primaryName: a column name', [index, 'primaryName']);
      primaryName = makeColumn(name, { type: 'string' });
      add(primaryName, [index, 'primaryName']);
    } else if (primaryName.kind.name !== 'string') {
      fail('the primary name column is a string column', [index, 'primaryName']);
    }
  }
  for (const [name, spec, readOnly] of SYSTEM_COLUMNS) {
    if (!byLogical.has(name)) add({ ...makeColumn(name, spec), readOnly }, [index]);
  }

  const alternateKeys: AlternateKey[] = [];
  for (const [keyName, keyColumns] of Object.entries(definition.alternateKeys ?? {})) {
    const path = [index, 'alternateKeys', keyName];
    if (!Array.isArray(keyColumns) || keyColumns.length === 0) fail('expected an alternate key as a list of column names', path);
    const resolved = keyColumns.map((name, i) => {
      const column = byLogical.get(String(name).toLowerCase());
      if (!column || column === primaryId) fail(`alternate key column "${String(name)}" is not a column of ${logicalName}`, [...path, i]);
      return column;
    });
    alternateKeys.push({ name: keyName, columns: resolved });
  }

  return {
    logicalName,
    entitySetName: definition.entitySetName ?? `${logicalName}s`,
    primaryId,
    primaryName,
    columns,
    byJsonName: new Map(columns.map((c) => [c.jsonName, c])),
    byNavigation: new Map(columns.filter((c) => c.kind.name === 'lookup').map((c) => [c.schemaName, c])),
    relationships: new Map(),
    alternateKeys,
  };
}

/**
 * Registers every lookup as a one-to-many relationship on the table it points to, under the
 * relationship name (declared, or `<target>_<table>_<lookup>`): the collection-valued navigation
 * property that `POST <set>(<id>)/<relationship>/$ref` associates rows through.
 */
function linkRelationships(definitions: readonly TableDefinition[], tables: readonly Table[], fail: (message: string, path: (string | number)[]) => never): void {
  const byLogical = new Map(tables.map((t) => [t.logicalName, t]));
  tables.forEach((table, index) => {
    for (const lookup of table.byNavigation.values()) {
      const target = byLogical.get(lookup.target!)!;
      const declared = definitions[index]!.columns?.[lookup.schemaName];
      const name = (typeof declared === 'object' ? declared.relationship : undefined) ?? `${target.logicalName}_${table.logicalName}_${lookup.logicalName}`;
      const relationships = target.relationships as Map<string, OneToManyRelationship>;
      if (relationships.has(name) || target.byNavigation.has(name)) fail(`relationship "${name}" is defined twice on ${target.logicalName}`, [index, 'columns', lookup.schemaName, 'relationship']);
      relationships.set(name, { name, referencingTable: table.logicalName, lookup });
    }
  });
}

function makeColumn(schemaName: string, spec: ColumnDefinition): Column {
  const logicalName = schemaName.toLowerCase();
  const kind = columnKinds.get(spec.type)!;
  return {
    logicalName,
    schemaName,
    kind,
    jsonName: spec.type === 'lookup' ? `_${logicalName}_value` : logicalName,
    target: spec.target,
    maxLength: spec.maxLength,
    options: spec.options ? new Map(Object.entries(spec.options).map(([v, label]) => [Number(v), String(label)])) : undefined,
  };
}

export type { ColumnTypeName };

/** `/0/columns/a~1b` from a path (RFC 6901 escaping). */
export function jsonPointer(path: readonly (string | number)[]): string {
  return `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}
