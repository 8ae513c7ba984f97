import { ValueConversionError, type StorageValue } from '../model/column-types/index.js';
import type { Column, Table } from '../model/table.js';
import { dataverseErrors } from './dataverse-error.js';

const BIND = '@odata.bind';

/** A lookup set through `<Navigation>@odata.bind`: the target table and the key written in the URI. */
export type BindRequest =
  | { column: Column; entitySet: string; key: string; body?: undefined }
  /** Deep insert: `"Navigation": { ...columns of the related row }` creates it first. */
  | { column: Column; body: Record<string, unknown> };

/** The column values a create or update body carries, checked and converted for storage. */
export interface RecordValues {
  values: Map<Column, StorageValue>;
  binds: BindRequest[];
  /** The primary key given in the body, if any. */
  id?: string;
}

const BIND_URI = /^(?:.*\/)?([A-Za-z_][A-Za-z0-9_]*)\((.+)\)$/;

/**
 * Reads a Web API request body for `table`: plain properties by logical name, lookups only through
 * `Navigation@odata.bind` (the `_x_value` property is read-only, as in Dataverse), annotations
 * ignored. Unknown properties and values of the wrong type are Dataverse's payload errors.
 */
export function readRecordValues(table: Table, body: unknown): RecordValues {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw dataverseErrors.payload(table.entitySetName, 'A JSON object was expected as the request body.');
  }
  const values = new Map<Column, StorageValue>();
  const binds: BindRequest[] = [];
  let id: string | undefined;
  for (const key of Object.keys(body)) {
    const value = (body as Record<string, unknown>)[key];
    if (key.endsWith(BIND)) {
      const navigation = key.slice(0, -BIND.length);
      const column = table.byNavigation.get(navigation);
      if (!column) {
        throw dataverseErrors.payload(
          table.entitySetName,
          `An undeclared property '${navigation}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values.`,
        );
      }
      if (value === null) {
        values.set(column, null);
        continue;
      }
      const match = typeof value === 'string' ? BIND_URI.exec(value.trim()) : null;
      if (!match) throw dataverseErrors.payload(table.entitySetName, `The value of '${key}' must be an entity URI such as "/${column.target}s(<guid>)", got ${JSON.stringify(value)}.`);
      binds.push({ column, entitySet: match[1]!, key: match[2]! });
      continue;
    }
    if (key.startsWith('@') || key.includes('@')) continue;
    const navigation = table.byNavigation.get(key);
    if (navigation && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      binds.push({ column: navigation, body: value as Record<string, unknown> });
      continue;
    }
    const column = table.byJsonName.get(key);
    if (!column || column.kind.name === 'lookup') throw dataverseErrors.undeclaredProperty(table.entitySetName, key, table.logicalName);
    if (column.readOnly) continue;
    let stored: StorageValue;
    try {
      stored = column.kind.toStorage(value);
    } catch (error) {
      if (error instanceof ValueConversionError) throw dataverseErrors.payload(table.entitySetName, error.message);
      throw error;
    }
    if (column.maxLength !== undefined && typeof stored === 'string' && stored.length > column.maxLength) {
      throw dataverseErrors.tooLong(column.logicalName, table.logicalName, column.maxLength);
    }
    if (column === table.primaryId) {
      if (stored === null) throw dataverseErrors.payload(table.entitySetName, `The primary key '${key}' cannot be null.`);
      id = stored as string;
      continue;
    }
    values.set(column, stored);
  }
  return { values, binds, id };
}
