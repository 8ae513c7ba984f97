/** One family of Dataverse column types: how its values travel between JSON, SQLite and $filter literals. */
export type StorageValue = string | number | bigint | null;

export type ColumnTypeName =
  | 'string'
  | 'memo'
  | 'int'
  | 'bigint'
  | 'decimal'
  | 'float'
  | 'bool'
  | 'datetime'
  | 'date'
  | 'guid'
  | 'lookup'
  | 'choice';

/** A literal of a $filter expression, typed by how it was written. */
export interface FilterLiteral {
  kind: 'literal';
  type: 'string' | 'number' | 'boolean' | 'null' | 'guid' | 'datetime' | 'date';
  value: string | number | boolean | null;
  /** The literal as written, for error messages. */
  text: string;
}

export interface ColumnKind {
  name: ColumnTypeName;
  /** The OData type the Web API reports (`Edm.String`, `Edm.Int32`, ...). */
  edmType: string;
  sqlType: 'TEXT' | 'INTEGER' | 'REAL';
  /** Dataverse compares strings without regard to case (SQL Server CI collation). */
  noCase?: boolean;
  /** JSON body value -> stored value; throws ValueConversionError when the value does not fit. */
  toStorage(value: unknown): StorageValue;
  /** Stored value -> JSON value of a response row. */
  fromStorage(value: StorageValue): unknown;
  /** $filter literal -> stored value, or undefined when the literal's type cannot be compared with this column. */
  fromLiteral(literal: FilterLiteral): StorageValue | undefined;
}

/** A request value that does not fit its column; the store turns it into Dataverse's payload error. */
export class ValueConversionError extends Error {}

export function cannotConvert(value: unknown, edmType: string): ValueConversionError {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return new ValueConversionError(`Cannot convert the literal '${text}' to the expected type '${edmType}'.`);
}

/**
 * A column kind stored as normalised text (date-times, dates, GUIDs): a JSON string or a literal of
 * one of `literalTypes` is accepted when `normalise` returns a value for it.
 */
export function normalisedTextKind(options: {
  name: ColumnTypeName;
  edmType: string;
  normalise: (text: string) => string | undefined;
  literalTypes: ReadonlyArray<FilterLiteral['type']>;
}): ColumnKind {
  const { name, edmType, normalise, literalTypes } = options;
  return {
    name,
    edmType,
    sqlType: 'TEXT',
    toStorage(value) {
      if (value === null) return null;
      const normal = typeof value === 'string' ? normalise(value) : undefined;
      if (normal === undefined) throw cannotConvert(value, edmType);
      return normal;
    },
    fromStorage: (value) => value,
    fromLiteral: (literal) => (literalTypes.includes(literal.type) ? normalise(String(literal.value)) : undefined),
  };
}
