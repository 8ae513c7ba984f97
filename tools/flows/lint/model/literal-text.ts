import { hasTemplateSyntax, parseTemplate } from '../../../expressions/template.js';
import { isObject } from '../../wdl/types.js';

/** Keys whose values are identifiers of the platform, JSON schemas or designer metadata, never user data. */
const SKIPPED_KEYS = new Set(['host', 'metadata', 'schema', 'runAfter', 'type', 'kind', 'operationOptions', 'runtimeConfiguration', 'trackedProperties']);

/** A literal (non-expression) text in an action or trigger, with the JSON path of its string value and the key holding it. */
export interface LiteralText {
  path: (string | number)[];
  key: string | number;
  text: string;
}

/**
 * The literal texts of a value: whole strings without template syntax, and the text parts of
 * strings with `@{...}` interpolations; string literals inside expressions are included too
 * (`equals(x, 'someone@contoso.com')` hard-codes as much as plain text does).
 */
export function literalTexts(value: unknown, path: (string | number)[], skipTop: ReadonlySet<string>): LiteralText[] {
  const found: LiteralText[] = [];
  const visit = (node: unknown, at: (string | number)[], key: string | number, top: boolean) => {
    if (typeof node === 'string') {
      if (!hasTemplateSyntax(node)) {
        found.push({ path: at, key, text: node });
        return;
      }
      try {
        for (const part of parseTemplate(node)) {
          if (part.kind === 'text') found.push({ path: at, key, text: part.text });
          else collectStringLiterals(part.text).forEach((text) => found.push({ path: at, key, text }));
        }
      } catch {
        // a syntax error is expression-syntax's finding
      }
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, [...at, i], key, false));
    } else if (isObject(node)) {
      for (const [childKey, item] of Object.entries(node)) {
        if (SKIPPED_KEYS.has(childKey) || (top && skipTop.has(childKey))) continue;
        visit(item, [...at, childKey], childKey, false);
      }
    }
  };
  visit(value, path, path[path.length - 1] ?? '', true);
  return found;
}

function collectStringLiterals(expression: string): string[] {
  return [...expression.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
}
