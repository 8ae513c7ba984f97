import { errorMessage } from '../core/errors.js';
import { parseJsonText } from '../core/read-input.js';
import { compileExpression, compileTemplate } from './compile.js';
import { createMemoryContext, validateContextData, type MemoryContextData } from './memory-context.js';
import { isObject, orNull } from './values.js';

/** The outcome of one case: its value, or the error message the service would give. */
export type CaseResult = { value: unknown } | { error: string };

/** Evaluates one case object `{"expr": ...}` or `{"template": ...}` with an optional `"ctx"`. */
export function evaluateCase(input: unknown, defaults: MemoryContextData = {}, where: { file?: string; line?: number } = {}): CaseResult {
  try {
    if (!isObject(input)) return { error: 'expected an object such as {"expr": "concat(\'a\', \'b\')"} or {"template": "Hi @{parameters(\'name\')}"}' };
    const hasExpr = Object.prototype.hasOwnProperty.call(input, 'expr');
    const hasTemplate = Object.prototype.hasOwnProperty.call(input, 'template');
    if (hasExpr === hasTemplate) return { error: 'expected exactly one of "expr" (an expression without the leading @) or "template" (a workflow JSON value)' };
    const data = input.ctx === undefined ? defaults : validateContextData(input.ctx, where);
    const ctx = createMemoryContext(data);
    if (hasExpr) {
      if (typeof input.expr !== 'string') return { error: '"expr" must be a string: the expression without the leading @' };
      return { value: orNull(compileExpression(input.expr)(ctx)) };
    }
    return { value: orNull(compileTemplate(input.template)(ctx)) };
  } catch (error) {
    return { error: errorMessage(error) };
  }
}

/**
 * Runs JSON Lines cases (one case object per line, blank lines ignored) and returns one result per
 * case, in order; a bad line is a failed case, never the end of the run.
 */
export function runCaseLines(text: string, defaults: MemoryContextData = {}, file?: string): CaseResult[] {
  const results: CaseResult[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    let input: unknown;
    try {
      input = parseJsonText(line);
    } catch (error) {
      results.push({ error: `line ${i + 1}: ${errorMessage(error)}` });
      continue;
    }
    results.push(evaluateCase(input, defaults, { file, line: i + 1 }));
  }
  return results;
}
