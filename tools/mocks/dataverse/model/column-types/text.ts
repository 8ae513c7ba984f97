import { cannotConvert, type ColumnKind } from './kind.js';

function textKind(name: 'string' | 'memo'): ColumnKind {
  return {
    name,
    edmType: 'Edm.String',
    sqlType: 'TEXT',
    noCase: true,
    toStorage(value) {
      if (value === null) return null;
      if (typeof value !== 'string') throw cannotConvert(value, 'Edm.String');
      return value;
    },
    fromStorage: (value) => value,
    fromLiteral: (literal) => (literal.type === 'string' ? String(literal.value) : undefined),
  };
}

/** Single line of text (`string`) and multiple lines of text (`memo`). */
export const stringKind = textKind('string');
export const memoKind = textKind('memo');
