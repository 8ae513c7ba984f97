import type { Column, Table, TableSet } from '../model/table.js';
import { dataverseErrors } from '../store/dataverse-error.js';
import { quoteName } from '../store/sql-names.js';
import type { PropertyPath } from './filter-ast.js';

/** A property of a query resolved to its column and the SQL expression that reads it. */
export interface ResolvedProperty {
  column: Column;
  sql: string;
}

/**
 * Resolves `column`, `_lookup_value` or one navigation step `Lookup/column` (a correlated
 * subquery on the related row) against the queried table.
 */
export function resolveProperty(property: PropertyPath, table: Table, tables: TableSet): ResolvedProperty {
  const [first, second, ...rest] = property.path;
  if (second === undefined) {
    const column = table.byJsonName.get(first!);
    if (!column) throw dataverseErrors.propertyNotFound(first!, table.logicalName);
    return { column, sql: `${quoteName(table.logicalName)}.${quoteName(column.logicalName)}` };
  }
  const lookup = table.byNavigation.get(first!);
  if (!lookup || rest.length > 0) throw dataverseErrors.propertyNotFound(property.path.join('/'), table.logicalName);
  const target = tables.byLogicalName.get(lookup.target!)!;
  const column = target.byJsonName.get(second);
  if (!column) throw dataverseErrors.propertyNotFound(second, target.logicalName);
  const alias = quoteName(`nav_${lookup.logicalName}`);
  return {
    column,
    sql: `(SELECT ${alias}.${quoteName(column.logicalName)} FROM ${quoteName(target.logicalName)} AS ${alias} WHERE ${alias}.${quoteName(target.primaryId.logicalName)} = ${quoteName(table.logicalName)}.${quoteName(lookup.logicalName)})`,
  };
}
