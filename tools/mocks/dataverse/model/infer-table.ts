import { normaliseDateTime } from './column-types/date-time.js';
import { GUID_PATTERN } from './column-types/guid.js';
import type { ColumnDefinition, TableDefinition } from './table.js';

const BIND_SUFFIX = '@odata.bind';
const BIND_TARGET = /^(?:.*\/)?([A-Za-z_][A-Za-z0-9_]*)\(/;

/**
 * A table definition guessed from one record a flow writes (the body of a CreateRecord), for
 * tables another solution defines. Types come from the values: booleans, whole numbers, other
 * numbers, GUIDs, ISO date-times, text; `x@odata.bind: "targets(<id>)"` becomes a lookup to the
 * `targets` entity set. Nulls say nothing about a type and become text. The logical name is the
 * entity set name without its final `s`.
 */
export function inferTableFromRecord(entitySet: string, record: Readonly<Record<string, unknown>>): TableDefinition {
  const logicalName = entitySet.endsWith('s') ? entitySet.slice(0, -1) : entitySet;
  const primaryId = `${logicalName}id`;
  const columns: Record<string, ColumnDefinition> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key.startsWith('@')) continue;
    if (key.endsWith(BIND_SUFFIX)) {
      const target = typeof value === 'string' ? BIND_TARGET.exec(value)?.[1] : undefined;
      if (target) columns[key.slice(0, -BIND_SUFFIX.length)] = { type: 'lookup', target };
      continue;
    }
    if (key.includes('@') || key.toLowerCase() === primaryId) continue;
    columns[key] = { type: inferType(value) };
  }
  return { logicalName, entitySetName: entitySet, primaryId, columns };
}

function inferType(value: unknown): ColumnDefinition['type'] {
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) <= 2147483647 ? 'int' : 'float';
  if (typeof value === 'string') {
    if (GUID_PATTERN.test(value)) return 'guid';
    if (/^\d{4}-\d{2}-\d{2}T/.test(value) && normaliseDateTime(value)) return 'datetime';
    return value.length > 4000 ? 'memo' : 'string';
  }
  return 'string';
}
