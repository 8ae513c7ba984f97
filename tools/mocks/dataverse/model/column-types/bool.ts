import { cannotConvert, type ColumnKind } from './kind.js';

/** Yes/No column: JSON boolean, stored as 0/1. */
export const boolKind: ColumnKind = {
  name: 'bool',
  edmType: 'Edm.Boolean',
  sqlType: 'INTEGER',
  toStorage(value) {
    if (value === null) return null;
    if (typeof value !== 'boolean') throw cannotConvert(value, 'Edm.Boolean');
    return value ? 1 : 0;
  },
  fromStorage: (value) => (value === null ? null : Number(value) !== 0),
  fromLiteral: (literal) => (literal.type === 'boolean' ? (literal.value ? 1 : 0) : undefined),
};
