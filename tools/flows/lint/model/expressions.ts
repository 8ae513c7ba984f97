import type { CallNode, ExpressionNode } from '../../../expressions/ast.js';
import { walkExpression } from '../../../expressions/ast.js';
import { ExpressionSyntaxError } from '../../../expressions/errors.js';
import { hasTemplateSyntax, parseTemplate } from '../../../expressions/template.js';
import { isObject } from '../../wdl/types.js';

/** One JSON string value of a workflow that holds template syntax (`@expr`, `@{expr}`). */
export interface ExpressionSite {
  /** JSON path of the string value in the file. */
  path: (string | number)[];
  value: string;
  /** Set when the value does not parse; `column` is 1-based in the string value. */
  syntaxError?: { message: string; column: number };
  calls: CallFact[];
}

/** A function call inside an expression, with its place in the string value. */
export interface CallFact {
  name: string;
  node: CallNode;
  args: ExpressionNode[];
  /** The first argument when it is a string literal: `body('X')` gives `X`. */
  literalArg?: string;
  /** 1-based column of the call in the JSON string value. */
  column: number;
  site: ExpressionSite;
}

/**
 * Parses every template string inside `value` (an action's own properties, a trigger, an If's
 * condition object) with the expression engine's parser and lists their function calls.
 */
export function collectExpressionSites(value: unknown, path: (string | number)[], skipKeys: ReadonlySet<string> = new Set()): ExpressionSite[] {
  const sites: ExpressionSite[] = [];
  const visit = (node: unknown, at: (string | number)[], top: boolean) => {
    if (typeof node === 'string') {
      if (hasTemplateSyntax(node)) sites.push(parseSite(node, at));
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, [...at, i], false));
    } else if (isObject(node)) {
      for (const [key, item] of Object.entries(node)) {
        if (top && skipKeys.has(key)) continue;
        visit(item, [...at, key], false);
      }
    }
  };
  visit(value, path, true);
  return sites;
}

function parseSite(value: string, path: (string | number)[]): ExpressionSite {
  const site: ExpressionSite = { path, value, calls: [] };
  let parts;
  try {
    parts = parseTemplate(value);
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) {
      site.syntaxError = { message: error.message, column: error.column };
      return site;
    }
    throw error;
  }
  for (const part of parts) {
    if (part.kind !== 'expression') continue;
    walkExpression(part.node, (node) => {
      if (node.kind !== 'call') return;
      const first = node.args[0];
      const fact: CallFact = { name: node.name, node, args: node.args, column: part.offset + node.start + 1, site };
      if (first?.kind === 'literal' && typeof first.value === 'string') fact.literalArg = first.value;
      site.calls.push(fact);
    });
  }
  return site;
}
