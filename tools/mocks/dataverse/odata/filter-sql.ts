import type { StorageValue } from '../model/column-types/index.js';
import type { Table, TableSet } from '../model/table.js';
import { dataverseErrors } from '../store/dataverse-error.js';
import type { ComparisonOperator, FilterLiteral, FilterNode, Operand } from './filter-ast.js';
import { resolveProperty, type ResolvedProperty } from './resolve-property.js';

export interface SqlFragment {
  sql: string;
  params: StorageValue[];
}

const SQL_OPERATORS: Record<ComparisonOperator, string> = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' };
const MIRRORED: Record<ComparisonOperator, ComparisonOperator> = { eq: 'eq', ne: 'ne', gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' };
const OPERATOR_KINDS: Record<ComparisonOperator, string> = {
  eq: 'Equal',
  ne: 'NotEqual',
  gt: 'GreaterThan',
  ge: 'GreaterThanOrEqual',
  lt: 'LessThan',
  le: 'LessThanOrEqual',
};

/**
 * Turns a parsed $filter into an SQL condition with parameters. SQL's three-valued logic gives
 * Dataverse's rule that rows where the expression is null are excluded; text columns compare
 * without regard to case; `contains` & co. become LIKE, where `%` and `_` stay wildcards as in Dataverse.
 */
export function filterToSql(node: FilterNode, table: Table, tables: TableSet): SqlFragment {
  const params: StorageValue[] = [];
  const walk = (current: FilterNode): string => {
    switch (current.kind) {
      case 'and':
      case 'or':
        return `(${walk(current.left)} ${current.kind.toUpperCase()} ${walk(current.right)})`;
      case 'not':
        return `(NOT ${walk(current.operand)})`;
      case 'call': {
        const target = resolveProperty(current.target, table, tables);
        if (target.column.kind.edmType !== 'Edm.String') {
          throw dataverseErrors.querySyntax(`The ${current.name} function needs a text column; '${current.target.path.join('/')}' is ${target.column.kind.edmType}.`);
        }
        const value = String(current.value.value);
        params.push(current.name === 'contains' ? `%${value}%` : current.name === 'startswith' ? `${value}%` : `%${value}`);
        return `(${target.sql} LIKE ?)`;
      }
      case 'compare':
        return compare(current.operator, current.left, current.right);
      case 'property': {
        const property = resolveProperty(current, table, tables);
        if (property.column.kind.name !== 'bool') throw dataverseErrors.querySyntax(`The $filter expression must be a boolean; '${current.path.join('/')}' is ${property.column.kind.edmType}.`);
        return `(${property.sql} = 1)`;
      }
      case 'literal':
        if (current.type !== 'boolean') throw dataverseErrors.querySyntax(`The $filter expression must be a boolean, found the literal ${current.text}.`);
        return current.value ? '(1 = 1)' : '(1 = 0)';
    }
  };

  const compare = (operator: ComparisonOperator, left: Operand, right: Operand): string => {
    if (left.kind === 'literal' && right.kind === 'property') return compare(MIRRORED[operator], right, left);
    if (left.kind === 'literal' && right.kind === 'literal') {
      params.push(literalValue(left), literalValue(right));
      return `(? ${SQL_OPERATORS[operator]} ?)`;
    }
    const property = resolveProperty(left as Extract<Operand, { kind: 'property' }>, table, tables);
    if (right.kind === 'property') {
      const other = resolveProperty(right, table, tables);
      if (!comparable(property, other)) throw incompatible(property.column.kind.edmType, other.column.kind.edmType, operator);
      return `(${withCase(property)} ${SQL_OPERATORS[operator]} ${other.sql})`;
    }
    if (right.type === 'null') {
      if (operator === 'eq') return `(${property.sql} IS NULL)`;
      if (operator === 'ne') return `(${property.sql} IS NOT NULL)`;
      return '(NULL)';
    }
    const value = property.column.kind.fromLiteral(right);
    if (value === undefined) throw incompatible(property.column.kind.edmType, literalEdmType(right), operator);
    params.push(value);
    return `(${withCase(property)} ${SQL_OPERATORS[operator]} ?)`;
  };

  const sql = walk(node);
  return { sql, params };
}

function withCase(property: ResolvedProperty): string {
  return property.column.kind.noCase ? `${property.sql} COLLATE NOCASE` : property.sql;
}

function comparable(a: ResolvedProperty, b: ResolvedProperty): boolean {
  const numeric = (p: ResolvedProperty) => p.column.kind.sqlType !== 'TEXT' && p.column.kind.name !== 'bool';
  return a.column.kind.edmType === b.column.kind.edmType || (numeric(a) && numeric(b));
}

function literalValue(literal: FilterLiteral): StorageValue {
  if (literal.type === 'boolean') return literal.value ? 1 : 0;
  return literal.value as StorageValue;
}

function literalEdmType(literal: FilterLiteral): string {
  switch (literal.type) {
    case 'number':
      return Number.isInteger(literal.value) ? 'Edm.Int32' : 'Edm.Decimal';
    case 'boolean':
      return 'Edm.Boolean';
    case 'guid':
      return 'Edm.Guid';
    case 'datetime':
      return 'Edm.DateTimeOffset';
    case 'date':
      return 'Edm.Date';
    default:
      return 'Edm.String';
  }
}

function incompatible(left: string, right: string, operator: ComparisonOperator) {
  return dataverseErrors.querySyntax(
    `A binary operator with incompatible types was detected. Found operand types '${left}' and '${right}' for operator kind '${OPERATOR_KINDS[operator]}'.`,
  );
}
