import type { FilterLiteral } from '../model/column-types/index.js';

export type { FilterLiteral };

export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type StringFunction = 'contains' | 'startswith' | 'endswith';

/** `admin_title`, `_admin_applookup_value`, or one navigation step `admin_AppLookup/admin_displayname`. */
export interface PropertyPath {
  kind: 'property';
  path: string[];
  position: number;
}

export type Operand = FilterLiteral | PropertyPath;

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; operator: ComparisonOperator; left: Operand; right: Operand; position: number }
  | { kind: 'call'; name: StringFunction; target: PropertyPath; value: FilterLiteral; position: number }
  | Operand;
