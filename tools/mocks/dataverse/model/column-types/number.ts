import { cannotConvert, type ColumnKind } from './kind.js';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

function integerKind(name: 'int' | 'bigint' | 'choice', edmType: string, min: number, max: number): ColumnKind {
  return {
    name,
    edmType,
    sqlType: 'INTEGER',
    toStorage(value) {
      if (value === null) return null;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw cannotConvert(value, edmType);
      return value;
    },
    fromStorage: (value) => (value === null ? null : Number(value)),
    fromLiteral: (literal) => (literal.type === 'number' && Number.isInteger(literal.value) ? (literal.value as number) : undefined),
  };
}

function realKind(name: 'decimal' | 'float', edmType: string): ColumnKind {
  return {
    name,
    edmType,
    sqlType: 'REAL',
    toStorage(value) {
      if (value === null) return null;
      if (typeof value !== 'number' || !Number.isFinite(value)) throw cannotConvert(value, edmType);
      return value;
    },
    fromStorage: (value) => (value === null ? null : Number(value)),
    fromLiteral: (literal) => (literal.type === 'number' ? (literal.value as number) : undefined),
  };
}

/** Whole number (Edm.Int32), big integer (Edm.Int64), decimal (Edm.Decimal), float (Edm.Double). */
export const intKind = integerKind('int', 'Edm.Int32', INT32_MIN, INT32_MAX);
export const bigintKind = integerKind('bigint', 'Edm.Int64', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
/** Choice (option set) values are Int32 in the Web API; the label is only a FormattedValue annotation. */
export const choiceKind = integerKind('choice', 'Edm.Int32', INT32_MIN, INT32_MAX);
export const decimalKind = realKind('decimal', 'Edm.Decimal');
export const floatKind = realKind('float', 'Edm.Double');
