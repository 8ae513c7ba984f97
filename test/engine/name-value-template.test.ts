import { describe, expect, it } from 'vitest';
import { compileTemplate, createMemoryContext } from '../../tools/expressions/index.js';
import { compileInputs } from '../../tools/engine/inputs/name-value-template.js';

/**
 * A variable action's `{name, value}` inputs compiled straight into an object must evaluate to
 * exactly what the generic template gives: same keys in the same order, same values, same errors,
 * and a constant object still returned as the definition's own object.
 */
const context = createMemoryContext({ item: 7, variables: { list: [1, 2] }, actions: { Compose: { outputs: 14 } } });

const cases: Array<{ name: string; inputs: Record<string, unknown> }> = [
  { name: 'value from item()', inputs: { name: 'last', value: '@{item()}' } },
  { name: 'value from outputs()', inputs: { name: 'list', value: "@outputs('Compose')" } },
  { name: 'value before name', inputs: { value: '@item()', name: 'list' } },
  { name: 'name from an expression', inputs: { name: "@concat('la', 'st')", value: 'x' } },
  { name: 'interpolated value', inputs: { name: 'last', value: 'item @{item()} of @{length(variables(\'list\'))}' } },
  { name: 'constant strings', inputs: { name: 'last', value: 'plain' } },
  { name: 'number value', inputs: { name: 'count', value: 5 } },
  { name: 'object value with an expression inside', inputs: { name: 'last', value: { at: '@item()' } } },
];

describe('variable inputs compiled to {name, value} (tools/engine/inputs/name-value-template.ts)', () => {
  it.each(cases)('$name', ({ inputs }) => {
    const direct = compileInputs(inputs)(context as never);
    const generic = compileTemplate(inputs)(context);
    expect(direct).toEqual(generic);
    expect(Object.keys(direct as object)).toEqual(Object.keys(generic as object));
  });

  it('returns a constant object itself, as the generic template does', () => {
    const inputs = { name: 'last', value: 'plain' };
    expect(compileInputs(inputs)(context as never)).toBe(compileTemplate(inputs)(context));
  });

  it('fails the way the generic template fails', () => {
    const inputs = { name: 'last', value: "@outputs('Missing')" };
    expect(() => compileInputs(inputs)(context as never)).toThrow();
    let generic = '';
    try {
      compileTemplate(inputs)(context);
    } catch (error) {
      generic = (error as Error).message;
    }
    expect(() => compileInputs(inputs)(context as never)).toThrow(generic);
  });
});
