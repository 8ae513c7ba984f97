import { describe, expect, it } from 'vitest';
import { runFlow, type ActionDefinition, type WorkflowDefinition } from '../../tools/engine/index.js';
import { arrayCopies } from '../../tools/engine/actions/variable-values.js';

/**
 * AppendToArrayVariable extends the array in place unless a kept value (an output, an input, a
 * Foreach's items) holds it; a read whose result does not keep the array (`length(...)`,
 * `first(...)`, an index) costs no copy, so read-then-append loops stay linear.
 */
function loop(items: number, actions: Record<string, ActionDefinition>, extra: Record<string, ActionDefinition> = {}): WorkflowDefinition {
  return {
    triggers: { manual: { type: 'Request', kind: 'Button', inputs: { schema: {} } } },
    actions: {
      Init: { type: 'InitializeVariable', inputs: { variables: [{ name: 'list', type: 'array', value: [] }] } },
      Loop: { type: 'Foreach', foreach: `@range(0, ${items})`, operationOptions: 'Sequential', runAfter: { Init: ['Succeeded'] }, actions },
      ...extra,
    },
    outputs: { list: { type: 'Array', value: "@variables('list')" } },
  };
}

const append = (runAfter?: string): ActionDefinition => ({ type: 'AppendToArrayVariable', inputs: { name: 'list', value: '@item()' }, ...(runAfter ? { runAfter: { [runAfter]: ['Succeeded'] } } : {}) });

describe('read-then-append loops stay linear (100k appends)', () => {
  it.each([
    ['a Condition on length(variables())', { Check: { type: 'If', expression: "@less(length(variables('list')), 1000000)", actions: { Append: append() } } }],
    ['a Compose of its first item', { First: { type: 'Compose', inputs: "@first(variables('list'))" }, Append: append('First') }],
    ['a Compose of the last item', { Last: { type: 'Compose', inputs: "@if(empty(variables('list')), null, last(variables('list')))" }, Append: append('Last') }],
  ] as Array<[string, Record<string, ActionDefinition>]>)('%s', async (_name, actions) => {
    const before = arrayCopies.count;
    const result = await runFlow({ definition: loop(100_000, actions), now: '2024-01-01T00:00:00Z' });
    expect(result.status).toBe('Succeeded');
    const list = result.outputs.list as number[];
    expect(list.length).toBe(100_000);
    expect(list[99_999]).toBe(99_999);
    // The definition's [] literal is copied once; no copy per iteration.
    expect(arrayCopies.count - before).toBeLessThanOrEqual(2);
  }, 60_000);
});

describe('values that hold the array keep what it was', () => {
  it.each([
    ['a Compose of variables()', "@variables('list')", [[], [0], [0, 1], [0, 1, 2]]],
    ['an if() returning it', "@if(true, variables('list'), null)", [[], [0], [0, 1], [0, 1, 2]]],
    ['an object holding it', { items: "@variables('list')" }, [{ items: [] }, { items: [0] }, { items: [0, 1] }, { items: [0, 1, 2] }]],
  ] as Array<[string, unknown, unknown[]]>)('%s', async (_name, inputs, snapshots) => {
    const result = await runFlow({ definition: loop(4, { Snapshot: { type: 'Compose', inputs }, Append: append('Snapshot') }), now: '2024-01-01T00:00:00Z' });
    expect(result.status).toBe('Succeeded');
    expect(result.history.records.filter((r) => r.name === 'Snapshot').map((r) => r.outputs)).toEqual(snapshots);
    expect(result.outputs.list).toEqual([0, 1, 2, 3]);
  });

  it('a Foreach over the variable runs over the items it had when it started', async () => {
    const definition = loop(3, { Append: append() }, {
      Again: { type: 'Foreach', foreach: "@variables('list')", runAfter: { Loop: ['Succeeded'] }, actions: { Grow: { type: 'AppendToArrayVariable', inputs: { name: 'list', value: '@add(item(), 10)' } } } },
    });
    const result = await runFlow({ definition, now: '2024-01-01T00:00:00Z' });
    expect(result.outputs.list).toEqual([0, 1, 2, 10, 11, 12]);
  });

  it('SetVariable from it: the other variable keeps its value', async () => {
    const definition = loop(2, { Append: append() }, {
      Init_copy: { type: 'InitializeVariable', inputs: { variables: [{ name: 'copy', type: 'array', value: [] }] }, runAfter: { Loop: ['Succeeded'] } },
      Set_copy: { type: 'SetVariable', inputs: { name: 'copy', value: "@variables('list')" }, runAfter: { Init_copy: ['Succeeded'] } },
      Append_more: { type: 'AppendToArrayVariable', inputs: { name: 'list', value: 9 }, runAfter: { Set_copy: ['Succeeded'] } },
    });
    definition.outputs = { list: { type: 'Array', value: "@variables('list')" }, copy: { type: 'Array', value: "@variables('copy')" } };
    const result = await runFlow({ definition, now: '2024-01-01T00:00:00Z' });
    expect(result.outputs).toEqual({ list: [0, 1, 9], copy: [0, 1] });
  });
});
