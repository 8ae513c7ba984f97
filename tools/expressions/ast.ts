/**
 * The syntax tree of one WDL expression (the text after `@`, or inside `@{...}`).
 * Every node carries `start`/`end`: 0-based offsets into the expression text (end exclusive).
 */

export type LiteralValue = string | number | boolean | null;

/** `'text'`, `42`, `-1.5`, `true`, `false`, `null`. `float` marks a number written with a fraction or exponent (`5.0`). */
export interface LiteralNode {
  kind: 'literal';
  value: LiteralValue;
  float?: boolean;
  start: number;
  end: number;
}

/** `name(arg, ...)`: every expression is built from function calls. */
export interface CallNode {
  kind: 'call';
  name: string;
  args: ExpressionNode[];
  start: number;
  end: number;
}

/** `object.property` or `object?.property` (null-safe). */
export interface MemberNode {
  kind: 'member';
  object: ExpressionNode;
  property: string;
  optional: boolean;
  start: number;
  end: number;
}

/** `object[index]` or `object?[index]`: `['name']`, `['body/value']` (a slash path) or `[0]`. */
export interface IndexNode {
  kind: 'index';
  object: ExpressionNode;
  index: ExpressionNode;
  optional: boolean;
  start: number;
  end: number;
}

export type ExpressionNode = LiteralNode | CallNode | MemberNode | IndexNode;

/**
 * Visits `node` and its descendants, parents first. Return `false` from `visit` to skip a node's
 * children. Iterative, so a deeply nested tree cannot overflow the stack.
 */
export function walkExpression(node: ExpressionNode, visit: (node: ExpressionNode, parent: ExpressionNode | undefined) => void | boolean): void {
  const stack: [ExpressionNode, ExpressionNode | undefined][] = [[node, undefined]];
  while (stack.length > 0) {
    const [current, parent] = stack.pop()!;
    if (visit(current, parent) === false) continue;
    switch (current.kind) {
      case 'call':
        for (let i = current.args.length - 1; i >= 0; i--) stack.push([current.args[i]!, current]);
        break;
      case 'member':
        stack.push([current.object, current]);
        break;
      case 'index':
        stack.push([current.index, current]);
        stack.push([current.object, current]);
        break;
      case 'literal':
        break;
    }
  }
}

/** Prints a node back as expression text (without `@`), in canonical spacing. parse(print(ast)) equals ast. */
export function printExpression(node: ExpressionNode): string {
  switch (node.kind) {
    case 'literal':
      return printLiteral(node);
    case 'call':
      return `${node.name}(${node.args.map(printExpression).join(', ')})`;
    case 'member':
      return `${printExpression(node.object)}${node.optional ? '?.' : '.'}${node.property}`;
    case 'index':
      return `${printExpression(node.object)}${node.optional ? '?[' : '['}${printExpression(node.index)}]`;
  }
}

function printLiteral(node: LiteralNode): string {
  const value = node.value;
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  if (typeof value === 'number') {
    const text = String(value);
    // Keep a float literal a float: 5.0 must not print as the integer 5.
    return node.float && /^-?\d+$/.test(text) ? `${text}.0` : text;
  }
  return String(value);
}
