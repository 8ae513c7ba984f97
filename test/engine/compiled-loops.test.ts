import { describe, expect, it } from 'vitest';
import { planWorkflow, runFlow, systemClock, workflowFromJson, type RunFlowOptions, type WorkflowDefinition } from '../../tools/engine/index.js';
import type { PlannedGraph } from '../../tools/engine/definition/plan.js';
import { isCompilable } from '../../tools/engine/compiled/compilable.js';
import { compileGraph } from '../../tools/engine/compiled/compile-graph.js';
import { compiledIterations } from '../../tools/engine/compiled/compiled-loop.js';
import { mayReadVariables } from '../../tools/engine/inputs/templates.js';

/**
 * Which loop bodies run compiled (tools/engine/compiled/) and when. That a compiled run shows the
 * same history as the general path is record-reuse.test.ts's job; here: the fast path is taken
 * exactly when it may be, so those comparisons really compare it.
 */

const manual = { manual: { type: 'Request', kind: 'Button', inputs: { schema: {} } } };
const initList = { type: 'InitializeVariable', inputs: { variables: [{ name: 'list', type: 'array', value: [] }] } };

function loopDefinition(body: Record<string, unknown>, loopOptions: Record<string, unknown> = { operationOptions: 'Sequential' }, items = 6): WorkflowDefinition {
  return {
    triggers: manual,
    actions: { Init_list: initList, Loop: { type: 'Foreach', foreach: `@range(0, ${items})`, runAfter: { Init_list: ['Succeeded'] }, ...loopOptions, actions: body } },
    outputs: { list: { type: 'Array', value: "@variables('list')" } },
  } as unknown as WorkflowDefinition;
}

function loopBody(definition: WorkflowDefinition): PlannedGraph {
  const plan = planWorkflow(workflowFromJson({ definition }, 'test.json', 'test'));
  return plan.actions.get('Loop')?.branches.get('actions') as PlannedGraph;
}

const append = { type: 'AppendToArrayVariable', inputs: { name: 'list', value: '@item()' } };
const bodies: Array<{ name: string; body: Record<string, unknown>; compilable: boolean }> = [
  { name: 'Compose and variable actions', body: { A: { type: 'Compose', inputs: '@item()' }, B: { ...append, runAfter: { A: ['Succeeded'] } } }, compilable: true },
  { name: 'If with both branches', body: { C: { type: 'If', expression: '@less(item(), 3)', actions: { Add: append }, else: { actions: { Other: { type: 'Compose', inputs: 1 } } } } }, compilable: true },
  { name: 'Switch with cases and default', body: { S: { type: 'Switch', expression: '@string(item())', cases: { One: { case: '1', actions: { Add: append } } }, default: { actions: {} } } }, compilable: true },
  { name: 'a Scope (keeps its records for result())', body: { Group: { type: 'Scope', actions: { Add: append } } }, compilable: false },
  { name: 'an If holding a Delay (asynchronous)', body: { C: { type: 'If', expression: true, actions: { Pause: { type: 'Wait', inputs: { interval: { count: 1, unit: 'Second' } } } } } }, compilable: false },
  { name: 'a nested Foreach', body: { Inner: { type: 'Foreach', foreach: '@range(0, 2)', actions: { Add: append } } }, compilable: false },
  { name: 'tracked properties', body: { Add: { ...append, trackedProperties: { item: '@item()' } } }, compilable: false },
  { name: 'an action timeout', body: { Add: { ...append, limit: { timeout: 'PT1M' } } }, compilable: false },
  { name: 'a ParseJson (poolable, not compiled)', body: { Parse: { type: 'ParseJson', inputs: { content: '{}', schema: {} } } }, compilable: false },
];

describe('compilable loop bodies', () => {
  it.each(bodies)('$name: $compilable', ({ body, compilable }) => {
    const graph = loopBody(loopDefinition(body));
    expect(isCompilable(graph)).toBe(compilable);
    expect(compileGraph(graph) !== undefined).toBe(compilable);
    if (compilable) expect(compileGraph(graph)?.steps).toHaveLength(graph.order.length);
  });
});

const benchBody = {
  Compose: { type: 'Compose', inputs: '@mul(item(), 2)' },
  Check: { type: 'If', expression: '@equals(mod(item(), 2), 0)', runAfter: { Compose: ['Succeeded'] }, actions: { Add: { type: 'AppendToArrayVariable', inputs: { name: 'list', value: "@outputs('Compose')" } } } },
};

const runs: Array<{ name: string; definition: WorkflowDefinition; options?: Partial<RunFlowOptions>; compiled: number }> = [
  { name: 'Sequential loop', definition: loopDefinition(benchBody), compiled: 6 },
  { name: 'Sequential loop, outline history', definition: loopDefinition(benchBody), options: { historyDetail: 'outline' }, compiled: 6 },
  { name: 'Sequential loop on the real clock (compiled loops take no virtual time)', definition: loopDefinition(benchBody), options: { clock: systemClock }, compiled: 0 },
  { name: 'Sequential loop, compiledLoops: false', definition: loopDefinition(benchBody), options: { compiledLoops: false }, compiled: 0 },
  { name: 'Sequential loop, reuseRecords: false', definition: loopDefinition(benchBody), options: { reuseRecords: false }, compiled: 0 },
  { name: 'Sequential loop, onActionComplete (records handed out)', definition: loopDefinition(benchBody), options: { onActionComplete: () => undefined }, compiled: 0 },
  { name: 'Sequential loop of a Scope', definition: loopDefinition({ Group: { type: 'Scope', actions: { Add: append } } }), compiled: 0 },
  {
    name: 'Sequential loop inside a concurrent one (its task not alone)',
    definition: loopDefinition({ Inner: { type: 'Foreach', foreach: '@range(0, 3)', operationOptions: 'Sequential', actions: benchBody } }, { runtimeConfiguration: { concurrency: { repetitions: 2 } } }, 2),
    compiled: 0,
  },
  { name: 'concurrent loop (default degree 20)', definition: loopDefinition(benchBody, {}), compiled: 6 },
  { name: 'concurrent loop of degree 2', definition: loopDefinition(benchBody, { runtimeConfiguration: { concurrency: { repetitions: 2 } } }), compiled: 6 },
  { name: 'concurrent loop on the real clock (actions take real time)', definition: loopDefinition(benchBody, {}), options: { clock: systemClock }, compiled: 0 },
  { name: 'concurrent loop, compiledLoops: false', definition: loopDefinition(benchBody, {}), options: { compiledLoops: false }, compiled: 0 },
  {
    name: 'concurrent loop inside a concurrent one (its task not alone)',
    definition: loopDefinition({ Inner: { type: 'Foreach', foreach: '@range(0, 3)', actions: benchBody } }, { runtimeConfiguration: { concurrency: { repetitions: 2 } } }, 2),
    compiled: 0,
  },
  {
    name: 'Sequential loop inside a Sequential one',
    definition: loopDefinition({ Inner: { type: 'Foreach', foreach: '@range(0, 3)', operationOptions: 'Sequential', actions: benchBody } }, { operationOptions: 'Sequential' }, 2),
    compiled: 6,
  },
];

describe('when a loop runs compiled', () => {
  it.each(runs)('$name: $compiled iterations', async ({ definition, options, compiled }) => {
    const before = compiledIterations.count;
    const result = await runFlow({ definition, now: '2024-01-01T00:00:00Z', ...options });
    expect(result.status).toBe('Succeeded');
    expect(compiledIterations.count - before).toBe(compiled);
  });
});

describe('the records of a compiled loop, as read back from the history', () => {
  it('keeps each record as the service shows it', async () => {
    const body = {
      ...benchBody,
      Check: { ...benchBody.Check, else: { actions: { Note: { type: 'SetVariable', inputs: { name: 'note', value: '@{item()}' } } } } },
    };
    const definition = loopDefinition(body, { operationOptions: 'Sequential' }, 2);
    (definition.actions as Record<string, unknown>).Init_note = { type: 'InitializeVariable', inputs: { variables: [{ name: 'note', type: 'string', value: '' }] } };
    ((definition.actions as Record<string, { runAfter?: unknown }>).Loop as { runAfter: unknown }).runAfter = { Init_list: ['Succeeded'], Init_note: ['Succeeded'] };
    const before = compiledIterations.count;
    const result = await runFlow({ definition, now: '2024-01-01T00:00:00Z' });
    expect(compiledIterations.count - before).toBe(2);
    const shown = result.history.records.filter((r) => r.repetition !== undefined).map((r) => ({ name: r.name, status: r.status, repetition: r.repetition, inputs: r.inputs, outputs: r.outputs, error: r.error?.code }));
    expect(shown).toEqual([
      { name: 'Compose', status: 'Succeeded', repetition: [0], inputs: 0, outputs: 0, error: undefined },
      { name: 'Check', status: 'Succeeded', repetition: [0], inputs: { expressionResult: true }, outputs: undefined, error: undefined },
      { name: 'Add', status: 'Succeeded', repetition: [0], inputs: { name: 'list', value: 0 }, outputs: undefined, error: undefined },
      { name: 'Note', status: 'Skipped', repetition: [0], inputs: undefined, outputs: undefined, error: 'ActionBranchingConditionNotSatisfied' },
      { name: 'Compose', status: 'Succeeded', repetition: [1], inputs: 2, outputs: 2, error: undefined },
      { name: 'Check', status: 'Succeeded', repetition: [1], inputs: { expressionResult: false }, outputs: undefined, error: undefined },
      { name: 'Add', status: 'Skipped', repetition: [1], inputs: undefined, outputs: undefined, error: 'ActionBranchingConditionNotSatisfied' },
      { name: 'Note', status: 'Succeeded', repetition: [1], inputs: { name: 'note', value: '1' }, outputs: { body: { name: 'note', value: '1' } }, error: undefined },
    ]);
  });
});

describe('array variables read inside a compiled loop', () => {
  // A Compose that keeps the array must keep the value it had (the next append copies it);
  // one that only measures it must not force a copy. Function names are case-insensitive.
  it.each([
    ['variables()', "@variables('list')"],
    ['VARIABLES() in capitals', "@VARIABLES('list')"],
    ['inside an object', { seen: "@variables('list')" }],
  ])('a Compose of %s keeps the snapshot of each iteration', async (_name, inputs) => {
    const body = { Snapshot: { type: 'Compose', inputs }, Add: { ...append, runAfter: { Snapshot: ['Succeeded'] } } };
    const before = compiledIterations.count;
    const result = await runFlow({ definition: loopDefinition(body, { operationOptions: 'Sequential' }, 3), now: '2024-01-01T00:00:00Z' });
    expect(compiledIterations.count - before).toBe(3);
    const snapshots = result.history.records.filter((r) => r.name === 'Snapshot').map((r) => r.outputs);
    const wrap = (list: number[]) => (typeof inputs === 'string' ? list : { seen: list });
    expect(snapshots).toEqual([wrap([]), wrap([0]), wrap([0, 1])]);
    expect(result.outputs.list).toEqual([0, 1, 2]);
  });
});

describe('mayReadVariables', () => {
  it.each([
    ["@variables('x')", true],
    ["@{VARIABLES ('x')}", true],
    [{ a: ['@item()', { b: "@length(variables('x'))" }] }, true],
    ['@item()', false],
    [{ name: 'list', value: "@outputs('Compose')" }, false],
    [42, false],
    [undefined, false],
    // Only a safe yes: a mention inside a string literal.
    ["@concat('variables(', item())", true],
  ] as Array<[unknown, boolean]>)('%j: %s', (part, expected) => {
    expect(mayReadVariables(part)).toBe(expected);
  });
});

describe('values kept by the history of a compiled loop, read back', () => {
  // The history keeps integers and short strings outside the collected heap (history/value-column.ts):
  // every kind of value must come back as the expression gave it.
  const values: unknown[] = ['', 'Café 東京 👩‍💻', 'x'.repeat(64), 'y'.repeat(65), 7, -3, 2147483648, 1.5, { a: [1, 'b'] }, [1, 2], true, null];
  it('Compose outputs and SetVariable values equal the evaluated ones', async () => {
    const definition = {
      triggers: manual,
      actions: {
        Init_last: { type: 'InitializeVariable', inputs: { variables: [{ name: 'last', type: 'string', value: '' }] } },
        Loop: {
          type: 'Foreach',
          foreach: `@json('${JSON.stringify(values).replace(/'/g, "''")}')`,
          operationOptions: 'Sequential',
          runAfter: { Init_last: ['Succeeded'] },
          actions: {
            Keep: { type: 'Compose', inputs: '@item()' },
            Note: { type: 'SetVariable', inputs: { name: 'last', value: '@{item()}' }, runAfter: { Keep: ['Succeeded'] } },
          },
        },
      },
    } as unknown as WorkflowDefinition;
    const before = compiledIterations.count;
    const result = await runFlow({ definition, now: '2024-01-01T00:00:00Z' });
    expect(result.status).toBe('Succeeded');
    expect(compiledIterations.count - before).toBe(values.length);
    const kept = result.history.records.filter((r) => r.name === 'Keep').map((r) => r.outputs);
    expect(kept).toEqual(values);
    const notes = result.history.records.filter((r) => r.name === 'Note').map((r) => (r.inputs as { value: unknown }).value);
    // String interpolation as the service does it: null empty, booleans as .NET writes them, objects as JSON.
    const interpolated = (v: unknown): string => (v === null ? '' : v === true ? 'True' : typeof v === 'object' ? JSON.stringify(v) : String(v));
    expect(notes).toEqual(values.map(interpolated));
  });
});
