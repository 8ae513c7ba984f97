import { describe, expect, it } from 'vitest';
import { compileTemplate, evaluateTemplate, ExpressionSyntaxError, parseTemplate } from '../../tools/expressions/index.js';
import { scopeContext } from './helpers.js';

// The workflow definition language reference's own table (myNumber = 42, myString = sampleString), plus edge cases.
const ctxData = { ...scopeContext };
const templates: [value: unknown, expected: unknown][] = [
  ["@parameters('fullName')", 'Sophia Owen'],
  ["@{parameters('fullName')}", 'Sophia Owen'],
  ["@parameters('myAge')", 42],
  ["@{parameters('myAge')}", '42'],
  ["Answer is: @{parameters('myAge')}", 'Answer is: 42'],
  ["@concat('Answer is: ', string(parameters('myAge')))", 'Answer is: 42'],
  ["Answer is: @@{parameters('myAge')}", "Answer is: @{parameters('myAge')}"],
  ['@@', '@'],
  [' @', ' @'],
  ['parameters', 'parameters'],
  ['parameters[1]', 'parameters[1]'],
  ["@function('It''s Cool!')", undefined],
  ['@@x@{1}', '@x@{1}'],
  ['user@contoso.com', 'user@contoso.com'],
  ["First Name: @{parameters('fullName')} Age: @{parameters('myAge')}", 'First Name: Sophia Owen Age: 42'],
  ["@{concat('}', '{')}", '}{'],
  ["@{'it''s'}", "it's"],
  ['@{null}', ''],
  ["@{decimal('1.50')}", '1.50'],
  ["@add(decimal('0.1'), decimal('0.2'))", 0.3],
  ['@{true}', 'True'],
  ['@{createArray(1, 2)}', '[1,2]'],
  ["x@{json('{\"a\":1}')}", 'x{"a":1}'],
  ["@body('Get_row')?['body/missing']", null],
  ["@outputs('Get_row')?['body/value']", [{ name: 'a' }, { name: 'b' }]],
  [42, 42],
  [true, true],
  [null, null],
  [{ a: "@variables('numItems')", b: ["@{variables('numItems')}", 2, true], "@{concat('k', 'ey')}": 'v' }, { a: 20, b: ['20', 2, true], key: 'v' }],
  [{ nested: { deep: ["@triggerBody()?['feedUrl']"] } }, { nested: { deep: ['https://feeds/rss'] } }],
];

describe('templates (workflow JSON values)', () => {
  it.each(templates.filter(([, expected]) => expected !== undefined))('%j', (value, expected) => {
    expect(evaluateTemplate(value, ctxData)).toEqual(expected);
  });

  it('returns constants as they are, without copying', () => {
    const constant = { a: [1, 'text', { b: 'user@contoso.com' }] };
    expect(compileTemplate(constant)(scopeContext)).toBe(constant);
  });

  it('builds a fresh object on each evaluation of a template with expressions', () => {
    const compiled = compileTemplate({ n: "@variables('numItems')" });
    expect(compiled(scopeContext)).not.toBe(compiled(scopeContext));
  });

  it('splits a string value into text and expression parts with offsets', () => {
    const parts = parseTemplate("Hi @{parameters('name')}, @@{x} @{1}!");
    expect(parts.map((part) => (part.kind === 'text' ? ['text', part.text, part.offset] : ['expr', part.text, part.offset, part.interpolated]))).toEqual([
      ['text', 'Hi ', 0],
      ['expr', "parameters('name')", 5, true],
      ['text', ', @{x} ', 24],
      ['expr', '1', 34, true],
      ['text', '!', 36],
    ]);
    expect(parseTemplate("@body('x')")).toMatchObject([{ kind: 'expression', text: "body('x')", offset: 1, interpolated: false }]);
    expect(parseTemplate('@@abc')).toMatchObject([{ kind: 'text', text: '@abc' }]);
    expect(parseTemplate('plain')).toMatchObject([{ kind: 'text', text: 'plain', offset: 0 }]);
  });

  it.each([
    ['Hi @{concat(', 13],
    ['Hi @{name', 10],
    ['@', 2],
    ['@concat(1) and more', 12],
    ["Hi @{'open}", 12],
  ])('%j is a syntax error located in the whole string (column %i)', (value, column) => {
    let error: unknown;
    try {
      parseTemplate(value);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ExpressionSyntaxError);
    expect((error as ExpressionSyntaxError).column).toBe(column);
    expect((error as ExpressionSyntaxError).expression).toBe(value);
  });
});
