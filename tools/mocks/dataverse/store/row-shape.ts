import type { StorageValue } from '../model/column-types/index.js';
import type { Column, Table } from '../model/table.js';

export type Row = Record<string, unknown>;

const FORMATTED = '@OData.Community.Display.V1.FormattedValue';

/** What a row read carries: its columns, and whether to add FormattedValue & lookup annotations. */
export interface RowShape {
  table: Table;
  columns: readonly Column[];
  annotations: boolean;
}

/** The SQL column list for a shape: versionnumber (the etag) first, then the columns, then lookup names. */
export function shapeSql(shape: RowShape, lookupName: (column: Column) => string | undefined): string {
  const alias = `"${shape.table.logicalName}"`;
  const parts = [`${alias}."versionnumber"`, ...shape.columns.map((c) => `${alias}."${c.logicalName}"`)];
  if (shape.annotations) {
    for (const column of shape.columns) {
      if (column.kind.name === 'lookup') parts.push(lookupName(column) ?? 'NULL');
    }
  }
  return parts.join(', ');
}

/** Turns one raw SQL row (array) into the Web API JSON row. */
export function shapeRow(shape: RowShape, raw: readonly StorageValue[]): Row {
  const row: Row = { '@odata.etag': `W/"${String(raw[0])}"` };
  let extra = shape.columns.length + 1;
  shape.columns.forEach((column, i) => {
    const value = column.kind.fromStorage(raw[i + 1] ?? null);
    if (shape.annotations && value !== null) {
      if (column.kind.name === 'lookup') {
        const name = raw[extra++];
        if (name !== null && name !== undefined) row[`${column.jsonName}${FORMATTED}`] = String(name);
        row[`${column.jsonName}@Microsoft.Dynamics.CRM.associatednavigationproperty`] = column.schemaName;
        row[`${column.jsonName}@Microsoft.Dynamics.CRM.lookuplogicalname`] = column.target;
      } else {
        const formatted = formatValue(column, value);
        if (formatted !== undefined) row[`${column.jsonName}${FORMATTED}`] = formatted;
      }
    } else if (shape.annotations && column.kind.name === 'lookup') {
      extra++;
    }
    row[column.jsonName] = value;
  });
  return row;
}

/** The FormattedValue the service adds (en-US user settings, UTC time zone). */
function formatValue(column: Column, value: unknown): string | undefined {
  switch (column.kind.name) {
    case 'choice':
      return column.options?.get(value as number) ?? String(value);
    case 'bool':
      return value ? 'Yes' : 'No';
    case 'int':
      return (value as number).toLocaleString('en-US');
    case 'decimal':
    case 'float':
      return (value as number).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case 'datetime': {
      const date = new Date(value as string);
      const hours = date.getUTCHours() % 12 || 12;
      const minutes = String(date.getUTCMinutes()).padStart(2, '0');
      return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()} ${hours}:${minutes} ${date.getUTCHours() < 12 ? 'AM' : 'PM'}`;
    }
    case 'date': {
      const [y, m, d] = (value as string).split('-');
      return `${Number(m)}/${Number(d)}/${y}`;
    }
    default:
      return undefined;
  }
}
