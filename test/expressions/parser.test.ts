import { describe, expect, it } from 'vitest';
import { ExpressionSyntaxError, MAX_EXPRESSION_DEPTH, parseExpression, printExpression, walkExpression, type ExpressionNode } from '../../tools/expressions/index.js';

/** The AST without positions, for readable expectations. */
function shape(node: ExpressionNode): unknown {
  switch (node.kind) {
    case 'literal':
      return node.float ? { float: node.value } : node.value;
    case 'call':
      return { call: node.name, args: node.args.map(shape) };
    case 'member':
      return { member: node.property, optional: node.optional, of: shape(node.object) };
    case 'index':
      return { index: shape(node.index), optional: node.optional, of: shape(node.object) };
  }
}

const parsed: [string, unknown][] = [
  ["'It''s Cool!'", "It's Cool!"],
  ["''", ''],
  ['42', 42],
  ['-7', -7],
  ['.3', { float: 0.3 }],
  ['5.0', { float: 5 }],
  ['1e3', { float: 1000 }],
  ['-2.5E-2', { float: -0.025 }],
  ['true', true],
  ['false', false],
  ['null', null],
  ['utcNow()', { call: 'utcNow', args: [] }],
  ["concat( 'a' ,\n\t'b' )", { call: 'concat', args: ['a', 'b'] }],
  ["body('Get_items')?['value']", { index: 'value', optional: true, of: { call: 'body', args: ['Get_items'] } }],
  ["outputs('Get_row')?['body/value']", { index: 'body/value', optional: true, of: { call: 'outputs', args: ['Get_row'] } }],
  [
    'trigger().outputs?.body?.property1',
    { member: 'property1', optional: true, of: { member: 'body', optional: true, of: { member: 'outputs', optional: false, of: { call: 'trigger', args: [] } } } },
  ],
  ["variables('list')[0]", { index: 0, optional: false, of: { call: 'variables', args: ['list'] } }],
  ['createArray(1, 2)[item()]', { index: { call: 'item', args: [] }, optional: false, of: { call: 'createArray', args: [1, 2] } }],
  ["function('Hello').prop1", { member: 'prop1', optional: false, of: { call: 'function', args: ['Hello'] } }],
  ['item().$content', { member: '$content', optional: false, of: { call: 'item', args: [] } }],
];

const syntaxErrors: [expression: string, column: number, expected: string][] = [
  ['', 1, 'a function call, a string in single quotes, a number, true, false or null'],
  ["concat('a'", 11, "',' or ')' in the arguments of 'concat'"],
  ["concat('a'))", 12, 'the end of the expression'],
  ["concat(,'a')", 8, 'a function call'],
  ["'abc", 5, "a closing quote (') for the string that starts at column 1"],
  ['foo', 4, "'(' after 'foo'"],
  ['"abc"', 1, 'a function call, a string in single quotes'],
  ["body('x')?", 11, "'[' or '.' after '?'"],
  ["body('x').", 11, "a property name after '.'"],
  ["body('x').1", 11, "a property name after '.'"],
  ["body('x')[0", 12, "']' to close the indexer"],
  ['1.', 3, "a property name after '.'"],
  ['.', 2, 'a digit after the decimal point'],
  ['-', 2, "a digit after '-'"],
  ['1e', 3, 'a digit in the exponent'],
  ['1abc', 2, "',' or ')' after the number"],
  ["'a' 'b'", 5, 'the end of the expression'],
  ['concat(1 2)', 10, "',' or ')'"],
  ['@concat(1)', 1, 'a function call'],
];

describe('parseExpression', () => {
  it.each(parsed)('%s', (text, expected) => {
    expect(shape(parseExpression(text))).toEqual(expected);
  });

  it('keeps start/end offsets of every node', () => {
    const text = "concat(body('A')?['v'], 'x')";
    const node = parseExpression(text);
    const spans: string[] = [];
    walkExpression(node, (n) => void spans.push(text.slice(n.start, n.end)));
    expect(spans).toEqual([text, "body('A')?['v']", "body('A')", "'A'", "'v'", "'x'"]);
  });

  it('walkExpression can skip children', () => {
    const names: string[] = [];
    walkExpression(parseExpression("concat(trim('a'), toLower('B'))"), (n) => {
      if (n.kind === 'call') names.push(n.name);
      return n.kind === 'call' && n.name === 'trim' ? false : undefined;
    });
    expect(names).toEqual(['concat', 'trim', 'toLower']);
  });

  it.each(syntaxErrors)('%j is a syntax error at column %i', (text, column, expected) => {
    let error: unknown;
    try {
      parseExpression(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ExpressionSyntaxError);
    const syntax = error as ExpressionSyntaxError;
    expect(syntax.column).toBe(column);
    expect(syntax.expected).toContain(expected);
    expect(syntax.expression).toBe(text);
    expect(syntax.message).toContain(`at column ${column}`);
  });

  it(`refuses nesting deeper than ${MAX_EXPRESSION_DEPTH} with a clear error, not a stack overflow`, () => {
    const deep = `${'concat('.repeat(10_000)}'x'${')'.repeat(10_000)}`;
    expect(() => parseExpression(deep)).toThrow(/at most 256 levels of nested calls/);
    const chain = `item()${'.a'.repeat(10_000)}`;
    expect(() => parseExpression(chain)).toThrow(/at most 256 levels/);
    const within = `${'concat('.repeat(100)}'x'${')'.repeat(100)}`;
    expect(printExpression(parseExpression(within))).toBe(within.replace(/\(/g, '('));
  });

  it('prints canonical text', () => {
    expect(printExpression(parseExpression("concat( 'it''s' ,5.0, body('a')?['b'].c, x()?.y, null )"))).toBe("concat('it''s', 5.0, body('a')?['b'].c, x()?.y, null)");
  });
});
