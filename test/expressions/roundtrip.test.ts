import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExpression, printExpression, type ExpressionNode } from '../../tools/expressions/index.js';

/** The AST without positions: what must survive print and parse. */
function strip(node: ExpressionNode): unknown {
  switch (node.kind) {
    case 'literal':
      return { kind: 'literal', value: node.value, float: node.float === true };
    case 'call':
      return { kind: 'call', name: node.name, args: node.args.map(strip) };
    case 'member':
      return { kind: 'member', object: strip(node.object), property: node.property, optional: node.optional };
    case 'index':
      return { kind: 'index', object: strip(node.object), index: strip(node.index), optional: node.optional };
  }
}

const identifier = fc.stringMatching(/^[A-Za-z_$][A-Za-z0-9_$]{0,12}$/);
const position = { start: 0, end: 0 };

const literal: fc.Arbitrary<ExpressionNode> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }).map((value) => ({ kind: 'literal' as const, value, ...position })),
  fc.integer({ min: -1e15, max: 1e15 }).map((value) => ({ kind: 'literal' as const, value: value === 0 ? 0 : value, ...position })),
  fc
    .double({ noNaN: true, noDefaultInfinity: true })
    .map((value) => ({ kind: 'literal' as const, value: value === 0 ? 0 : value, float: true, ...position })),
  fc.constantFrom(true, false, null).map((value) => ({ kind: 'literal' as const, value, ...position })),
);

const { expression } = fc.letrec<{ expression: ExpressionNode }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    literal,
    fc.record({ kind: fc.constant('call' as const), name: identifier, args: fc.array(tie('expression'), { maxLength: 4 }), start: fc.constant(0), end: fc.constant(0) }),
    fc.record({ kind: fc.constant('member' as const), object: tie('expression'), property: identifier, optional: fc.boolean(), start: fc.constant(0), end: fc.constant(0) }),
    fc.record({ kind: fc.constant('index' as const), object: tie('expression'), index: tie('expression'), optional: fc.boolean(), start: fc.constant(0), end: fc.constant(0) }),
  ),
}));

describe('printExpression / parseExpression', () => {
  it('parse(print(ast)) equals ast for any syntax tree', () => {
    fc.assert(
      fc.property(expression, (ast) => {
        expect(strip(parseExpression(printExpression(ast)))).toEqual(strip(ast));
      }),
      { numRuns: 2000, seed: 20_250_101 },
    );
  });

  it('print(parse(text)) is a fixed point for printed text', () => {
    fc.assert(
      fc.property(expression, (ast) => {
        const printed = printExpression(ast);
        expect(printExpression(parseExpression(printed))).toBe(printed);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
