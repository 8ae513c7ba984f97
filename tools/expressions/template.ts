import type { ExpressionNode } from './ast.js';
import { ExpressionSyntaxError } from './errors.js';
import { parseExpression } from './parser.js';

/** Literal text of a workflow string value. */
export interface TemplateTextPart {
  kind: 'text';
  text: string;
  /** Offset of this text in the string value. */
  offset: number;
}

/**
 * An expression inside a workflow string value: the whole value (`"@body('x')"`, result keeps its
 * type) or an interpolation (`"Hi @{name}"`, result becomes text).
 */
export interface TemplateExpressionPart {
  kind: 'expression';
  /** Expression text without `@`, `@{` and `}`. */
  text: string;
  node: ExpressionNode;
  /** Offset of `text` in the string value (after `@` or `@{`). */
  offset: number;
  interpolated: boolean;
}

export type TemplatePart = TemplateTextPart | TemplateExpressionPart;

/**
 * Reads a JSON string value of a workflow the way the service does:
 * - `@expr` (the value starts with `@`): one expression, its result keeps its type;
 * - `@@...` at the start: a literal string starting with `@`;
 * - `@{expr}` anywhere: interpolation, the whole value becomes a string;
 * - `@@{` inside text: a literal `@{`;
 * - anything else: plain text (an `@` elsewhere, as in an e-mail address, is just a character).
 * Syntax errors carry the column in the whole string value.
 */
export function parseTemplate(value: string): TemplatePart[] {
  if (value.charCodeAt(0) === 64 /* @ */) {
    const next = value.charCodeAt(1);
    if (next === 64) return [{ kind: 'text', text: value.slice(1), offset: 1 }];
    if (next !== 123 /* { */) return [{ kind: 'expression', text: value.slice(1), node: parseAt(value, 1, value.length), offset: 1, interpolated: false }];
  }
  const parts: TemplatePart[] = [];
  let text = '';
  let textStart = 0;
  let pos = 0;
  for (;;) {
    const at = value.indexOf('@', pos);
    if (at < 0) break;
    if (value.startsWith('@@{', at)) {
      // escaped interpolation: keep one @
      text += value.slice(pos, at) + '@{';
      pos = at + 3;
      continue;
    }
    if (value.charCodeAt(at + 1) !== 123) {
      text += value.slice(pos, at + 1);
      pos = at + 1;
      continue;
    }
    text += value.slice(pos, at);
    if (text !== '') parts.push({ kind: 'text', text, offset: textStart });
    const exprStart = at + 2;
    const exprEnd = findInterpolationEnd(value, exprStart);
    parts.push({ kind: 'expression', text: value.slice(exprStart, exprEnd), node: parseAt(value, exprStart, exprEnd), offset: exprStart, interpolated: true });
    pos = exprEnd + 1;
    text = '';
    textStart = pos;
  }
  text += value.slice(pos);
  if (text !== '' || parts.length === 0) parts.push({ kind: 'text', text, offset: textStart });
  return parts;
}

/** Whether a string value needs template processing at all (an expression or an `@@` escape). */
export function hasTemplateSyntax(value: string): boolean {
  return value.charCodeAt(0) === 64 || value.includes('@{');
}

/** Index of the `}` closing an interpolation, skipping `}` inside quoted strings. */
function findInterpolationEnd(value: string, start: number): number {
  let inString = false;
  for (let i = start; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 39) inString = !inString; // a doubled '' toggles twice and stays inside
    else if (code === 125 && !inString) return i;
  }
  throw new ExpressionSyntaxError(value, value.length, `'}' to close the '@{' at column ${start - 1}`);
}

/** Parses value[start, end) and reports errors with columns in the whole value. */
function parseAt(value: string, start: number, end: number): ExpressionNode {
  const text = value.slice(start, end);
  try {
    return parseExpression(text);
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) throw new ExpressionSyntaxError(value, start + error.offset, error.expected);
    throw error;
  }
}

