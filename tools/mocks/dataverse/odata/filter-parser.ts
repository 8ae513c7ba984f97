import { dataverseErrors } from '../store/dataverse-error.js';
import type { ComparisonOperator, FilterLiteral, FilterNode, Operand, PropertyPath, StringFunction } from './filter-ast.js';
import { tokenizeFilter, type Token } from './filter-tokens.js';

const COMPARISONS = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS = new Set<string>(['contains', 'startswith', 'endswith']);
const MAX_DEPTH = 100;

/**
 * Parses an OData $filter as Dataverse accepts it: eq ne gt ge lt le, and or not, parentheses,
 * contains/startswith/endswith, column-to-column comparisons, one navigation step, and string,
 * number, true/false, null, GUID and date literals. Precedence: not > comparison > and > or.
 */
export function parseFilter(text: string): FilterNode {
  const tokens = tokenizeFilter(text);
  let index = 0;
  const peek = (): Token => tokens[index]!;
  const next = (): Token => tokens[index++]!;
  const isWord = (token: Token, word: string) => token.type === 'word' && token.text.toLowerCase() === word;
  const syntaxError = (token: Token): never => {
    throw dataverseErrors.querySyntax(`Syntax error at position ${token.position} in '${text}'.`);
  };
  const expect = (type: Token['type']) => (peek().type === type ? next() : syntaxError(peek()));

  const parseOr = (): FilterNode => {
    let left = parseAnd();
    while (isWord(peek(), 'or')) {
      next();
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): FilterNode => {
    let left = parseUnary();
    while (isWord(peek(), 'and')) {
      next();
      left = { kind: 'and', left, right: parseUnary() };
    }
    return left;
  };
  let depth = 0;
  const parseUnary = (): FilterNode => {
    // Hostile input: deep nesting must give a 400, not exhaust the stack.
    if (++depth > MAX_DEPTH) throw dataverseErrors.querySyntax(`The $filter is nested more than ${MAX_DEPTH} levels deep at position ${peek().position} in '${text}'.`);
    try {
      if (isWord(peek(), 'not')) {
        next();
        return { kind: 'not', operand: parseUnary() };
      }
      return parseComparison();
    } finally {
      depth--;
    }
  };
  const parseComparison = (): FilterNode => {
    const start = peek();
    if (start.type === 'open') {
      next();
      const inner = parseOr();
      expect('close');
      return inner;
    }
    if (start.type === 'word' && FUNCTIONS.has(start.text.toLowerCase()) && tokens[index + 1]?.type === 'open') {
      return parseCall();
    }
    const left = parseOperand();
    const operator = peek();
    if (operator.type === 'word' && COMPARISONS.has(operator.text.toLowerCase())) {
      next();
      return { kind: 'compare', operator: operator.text.toLowerCase() as ComparisonOperator, left, right: parseOperand(), position: operator.position };
    }
    return left;
  };
  const parseCall = (): FilterNode => {
    const name = next();
    expect('open');
    const target = parseOperand();
    expect('comma');
    const value = parseOperand();
    expect('close');
    if (target.kind !== 'property' || value.kind !== 'literal' || value.type !== 'string') {
      throw dataverseErrors.querySyntax(`The ${name.text.toLowerCase()} function takes a column and a string literal: ${name.text}(column,'text'), at position ${name.position} in '${text}'.`);
    }
    return { kind: 'call', name: name.text.toLowerCase() as StringFunction, target, value, position: name.position };
  };
  const parseOperand = (): Operand => {
    const token = next();
    const literal = (type: FilterLiteral['type'], value: FilterLiteral['value']): FilterLiteral => ({ kind: 'literal', type, value, text: token.text });
    switch (token.type) {
      case 'string':
        return literal('string', token.text);
      case 'guid':
        return literal('guid', token.text);
      case 'datetime':
        return literal('datetime', token.text);
      case 'date':
        return literal('date', token.text);
      case 'number':
        return literal('number', Number(token.text));
      case 'word': {
        const lower = token.text.toLowerCase();
        if (lower === 'null') return literal('null', null);
        if (lower === 'true' || lower === 'false') return literal('boolean', lower === 'true');
        if (COMPARISONS.has(lower) || lower === 'and' || lower === 'or' || lower === 'not') return syntaxError(token);
        const path: PropertyPath = { kind: 'property', path: token.text.split('/'), position: token.position };
        return path;
      }
      default:
        return syntaxError(token);
    }
  };

  const tree = parseOr();
  if (peek().type !== 'end') syntaxError(peek());
  return tree;
}
