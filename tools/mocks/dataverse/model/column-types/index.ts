import type { ColumnKind, ColumnTypeName } from './kind.js';
import { boolKind } from './bool.js';
import { dateKind, dateTimeKind } from './date-time.js';
import { guidKindInstance, lookupKind } from './guid.js';
import { bigintKind, choiceKind, decimalKind, floatKind, intKind } from './number.js';
import { memoKind, stringKind } from './text.js';

export * from './kind.js';

/** Every column type a table definition may use, by the name the YAML uses. */
export const columnKinds: ReadonlyMap<ColumnTypeName, ColumnKind> = new Map<ColumnTypeName, ColumnKind>([
  ['string', stringKind],
  ['memo', memoKind],
  ['int', intKind],
  ['bigint', bigintKind],
  ['decimal', decimalKind],
  ['float', floatKind],
  ['bool', boolKind],
  ['datetime', dateTimeKind],
  ['date', dateKind],
  ['guid', guidKindInstance],
  ['lookup', lookupKind],
  ['choice', choiceKind],
]);

export const columnTypeNames = [...columnKinds.keys()];
