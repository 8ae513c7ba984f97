import { describe, expect, it } from 'vitest';
import { runFlow, runSummary, workflowFromJson, type WorkflowDefinition } from '../../tools/engine/index.js';

/**
 * Runs of one loaded workflow must not leak into each other or into the definition: an array a
 * variable starts from (a literal, a Compose output, the trigger body) is never changed in place.
 */
const appendThree = { type: 'Foreach', foreach: '@range(0, 3)', actions: { Append: { type: 'AppendToArrayVariable', inputs: { name: 'list', value: '@item()' } } } };

const cases: Array<[string, WorkflowDefinition]> = [
  [
    'InitializeVariable with a [] literal',
    {
      triggers: { manual: { type: 'Request', kind: 'Button', inputs: { schema: {} } } },
      actions: {
        Init: { type: 'InitializeVariable', inputs: { variables: [{ name: 'list', type: 'array', value: [] }] } },
        Loop: { ...appendThree, runAfter: { Init: ['Succeeded'] } },
      },
      outputs: { list: { type: 'Array', value: "@variables('list')" } },
    },
  ],
  [
    'SetVariable with a [1] literal',
    {
      triggers: { manual: { type: 'Request', kind: 'Button', inputs: { schema: {} } } },
      actions: {
        Init: { type: 'InitializeVariable', inputs: { variables: [{ name: 'list', type: 'array' }] } },
        Set: { type: 'SetVariable', inputs: { name: 'list', value: [1] }, runAfter: { Init: ['Succeeded'] } },
        Loop: { ...appendThree, runAfter: { Set: ['Succeeded'] } },
      },
      outputs: { list: { type: 'Array', value: "@variables('list')" } },
    },
  ],
  [
    'InitializeVariable from a constant Compose output',
    {
      triggers: { manual: { type: 'Request', kind: 'Button', inputs: { schema: {} } } },
      actions: {
        Seed: { type: 'Compose', inputs: ['seed'] },
        Init: { type: 'InitializeVariable', inputs: { variables: [{ name: 'list', type: 'array', value: "@outputs('Seed')" }] }, runAfter: { Seed: ['Succeeded'] } },
        Loop: { ...appendThree, runAfter: { Init: ['Succeeded'] } },
        After: { type: 'Compose', inputs: "@outputs('Seed')", runAfter: { Loop: ['Succeeded'] } },
      },
      outputs: { list: { type: 'Array', value: "@variables('list')" }, seed: { type: 'Array', value: "@outputs('After')" } },
    },
  ],
];

describe('runs of the same loaded workflow are independent', () => {
  it.each(cases)('%s', async (_name, definition) => {
    const before = JSON.stringify(definition);
    const workflow = workflowFromJson({ properties: { definition, connectionReferences: {} } }, 'flow.json', 'flow');
    const first = await runFlow({ workflow, now: '2024-01-01T00:00:00Z' });
    const second = await runFlow({ workflow, now: '2024-01-01T00:00:00Z' });
    expect(first.status).toBe('Succeeded');
    expect(second.outputs).toEqual(first.outputs);
    expect((first.outputs.list as unknown[]).slice(-3)).toEqual([0, 1, 2]);
    if ('seed' in first.outputs) expect(first.outputs.seed).toEqual(['seed']);
    expect(JSON.stringify(definition)).toBe(before);
    // The history keeps the value the variable started with, not what it became.
    const init = runSummary(second).actions.Init as { status: string };
    expect(init.status).toBe('Succeeded');
    const initRecord = second.history.records.find((r) => r.name === 'Init');
    const started = (initRecord?.inputs as { variables: Array<{ value: unknown[] }> }).variables[0]!.value;
    expect(started.length).toBeLessThan((second.outputs.list as unknown[]).length);
  });

  it('a trigger body array is not changed by appends to a variable made from it', async () => {
    const definition: WorkflowDefinition = {
      triggers: { manual: { type: 'Request', kind: 'Http' } },
      actions: {
        Init: { type: 'InitializeVariable', inputs: { variables: [{ name: 'list', type: 'array', value: '@triggerBody()' }] } },
        Loop: { ...appendThree, runAfter: { Init: ['Succeeded'] } },
      },
    };
    const payload = ['a'];
    const result = await runFlow({ definition, trigger: payload });
    expect(result.status).toBe('Succeeded');
    expect(payload).toEqual(['a']);
  });
});

describe('history columns read back what the actions recorded', () => {
  it('variable actions, loop repetitions and other records', async () => {
    const definition: WorkflowDefinition = {
      triggers: { manual: { type: 'Request', kind: 'Http' } },
      actions: {
        Init_list: { type: 'InitializeVariable', inputs: { variables: [{ name: 'list', type: 'array' }] } },
        Init_text: { type: 'InitializeVariable', inputs: { variables: [{ name: 'text', type: 'string' }] }, runAfter: { Init_list: ['Succeeded'] } },
        Loop: {
          type: 'Foreach',
          foreach: '@range(0, 2)',
          runAfter: { Init_text: ['Succeeded'] },
          runtimeConfiguration: { concurrency: { repetitions: 1 } },
          actions: {
            Inner: { type: 'Foreach', foreach: '@range(0, 2)', actions: { Append: { type: 'AppendToArrayVariable', inputs: { name: 'list', value: { at: '@item()' } } } } },
            Set: { type: 'SetVariable', inputs: { name: 'text', value: '@{item()}' }, runAfter: { Inner: ['Succeeded'] } },
            Add: { type: 'AppendToStringVariable', inputs: { name: 'text', value: '!' }, runAfter: { Set: ['Succeeded'] } },
          },
        },
      },
    };
    const result = await runFlow({ definition });
    const records = result.history.records;
    const set = records.filter((r) => r.name === 'Set');
    expect(set.map((r) => [r.repetition, r.inputs, r.outputs])).toEqual([
      [[0], { name: 'text', value: '0' }, { body: { name: 'text', value: '0' } }],
      [[1], { name: 'text', value: '1' }, { body: { name: 'text', value: '1' } }],
    ]);
    const appends = records.filter((r) => r.name === 'Append');
    expect(appends.map((r) => [r.repetition, r.inputs, r.outputs])).toEqual([
      [[0, 0], { name: 'list', value: { at: 0 } }, undefined],
      [[0, 1], { name: 'list', value: { at: 1 } }, undefined],
      [[1, 0], { name: 'list', value: { at: 0 } }, undefined],
      [[1, 1], { name: 'list', value: { at: 1 } }, undefined],
    ]);
    expect(records.filter((r) => r.name === 'Add').map((r) => r.inputs)).toEqual([{ name: 'text', value: '!' }, { name: 'text', value: '!' }]);
    expect(records.find((r) => r.name === 'Loop')).toMatchObject({ status: 'Succeeded', inputs: { count: 2 } });
    expect(result.history.records).toBe(records);
  });
});

describe('flows of an unpacked solution folder', () => {
  it('are found by the display name in their .data.xml', async () => {
    const { loadSolution } = await import('../../tools/engine/index.js');
    const solution = await loadSolution(new URL('../realworld/fixtures/coe-starter-kit/CenterofExcellenceAuditLogs', import.meta.url).pathname);
    expect(solution.find('Admin | Sync Audit Logs').name).toBe('Admin | Sync Audit Logs');
    expect(solution.find('[Child] Admin | Sync Logs').id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('run summary (flow run --json)', () => {
  it("includes a Request-triggered flow's Response", async () => {
    const definition = {
      triggers: { manual: { type: 'Request', kind: 'Http', inputs: {} } },
      actions: { Response: { type: 'Response', kind: 'Http', runAfter: {}, inputs: { statusCode: 202, body: { ok: "@triggerBody()?['x']" } } } },
    } as unknown as WorkflowDefinition;
    const result = await runFlow({ definition, trigger: { x: 7 }, now: '2026-01-01T00:00:00Z' });
    expect(runSummary(result).response).toMatchObject({ statusCode: 202, body: { ok: 7 } });
  });
});

describe('flow packages', () => {
  it('run from the package folder (My flows > Export > Package layout)', async () => {
    const { loadSolution } = await import('../../tools/engine/index.js');
    const solution = await loadSolution(new URL('../realworld/fixtures/powerautomate-samples/always-reply-to-request', import.meta.url).pathname);
    expect(solution.workflows).toHaveLength(1);
    const result = await runFlow({ workflow: solution.workflows[0], trigger: {}, now: '2026-01-01T00:00:00Z' });
    expect(result.response?.statusCode).toBeGreaterThanOrEqual(200);
  });
});
