import { describe, expect, it } from 'vitest';
import { runFlow, type WorkflowDefinition } from '../../tools/engine/index.js';

/**
 * The turn model of concurrent Foreach iterations (tools/engine/context/turns.ts): whenever an
 * action ends its iteration yields; the next turn goes to the ready iteration with the earliest
 * virtual time, ties in the order they yielded. Each case logs the order in which the iterations'
 * appends ran, on the general path and on the compiled one where the body qualifies.
 */
const log = (text: string) => ({ type: 'AppendToArrayVariable', inputs: { name: 'log', value: text } });
const pause = (seconds: number) => ({ type: 'Wait', inputs: { interval: { count: seconds, unit: 'Second' } } });

function loopOf(items: number, degree: number, body: Record<string, unknown>): WorkflowDefinition {
  return {
    triggers: { manual: { type: 'Request', kind: 'Button', inputs: { schema: {} } } },
    actions: {
      Init: { type: 'InitializeVariable', inputs: { variables: [{ name: 'log', type: 'array', value: [] }] } },
      Loop: { type: 'Foreach', foreach: `@range(0, ${items})`, runAfter: { Init: ['Succeeded'] }, runtimeConfiguration: { concurrency: { repetitions: degree } }, actions: body },
    },
    outputs: { log: { type: 'Array', value: "@variables('log')" } },
  } as unknown as WorkflowDefinition;
}

const cases: Array<{ name: string; definition: WorkflowDefinition; order: string[] }> = [
  {
    name: 'top-level actions: the iterations in rotation',
    definition: loopOf(4, 2, { A: log('A@{item()}'), B: { ...log('B@{item()}'), runAfter: { A: ['Succeeded'] } } }),
    order: ['A0', 'A1', 'B0', 'B1', 'A2', 'A3', 'B2', 'B3'],
  },
  {
    name: 'an action nested in If/Scope takes its turn like a top-level one',
    definition: loopOf(4, 2, {
      A: log('A@{item()}'),
      Check: { type: 'If', expression: '@equals(mod(item(), 2), 0)', runAfter: { A: ['Succeeded'] }, actions: { Group: { type: 'Scope', actions: { B: log('B@{item()}') } } }, else: { actions: { D: log('D@{item()}') } } },
    }),
    order: ['A0', 'A1', 'B0', 'D1', 'A2', 'A3', 'B2', 'D3'],
  },
  {
    name: 'an iteration that waits resumes when its virtual time comes: the others go first',
    definition: loopOf(5, 3, {
      Slow: { type: 'If', expression: '@equals(item(), 0)', actions: { Pause: pause(60) } },
      E: { ...log('E@{item()}'), runAfter: { Slow: ['Succeeded'] } },
    }),
    order: ['E1', 'E2', 'E3', 'E4', 'E0'],
  },
  {
    name: 'waits of different lengths: the shortest resumes first',
    definition: loopOf(3, 3, { Pause: { ...pause(0), inputs: { interval: { count: '@sub(30, mul(item(), 10))', unit: 'Second' } } }, E: { ...log('E@{item()}'), runAfter: { Pause: ['Succeeded'] } } }),
    order: ['E2', 'E1', 'E0'],
  },
];

describe('concurrent Foreach iterations take turns (context/turns.ts)', () => {
  it.each(cases)('$name', async ({ definition, order }) => {
    for (const compiledLoops of [false, true]) {
      const result = await runFlow({ definition, now: '2024-01-01T00:00:00Z', compiledLoops });
      expect(result.status).toBe('Succeeded');
      expect(result.outputs.log).toEqual(order);
    }
  });

  it('a resumed iteration starts its next action at its own virtual time', async () => {
    const result = await runFlow({ definition: cases[2]!.definition, now: '2024-01-01T00:00:00Z' });
    const starts = result.history.records.filter((r) => r.name === 'E').map((r) => [r.repetition?.[0], r.startTime.slice(11, 19)]);
    expect(starts.sort()).toEqual([[0, '00:01:00'], [1, '00:00:00'], [2, '00:00:00'], [3, '00:00:00'], [4, '00:00:00']]);
  });
});

describe('an Apply to each without concurrency control', () => {
  // Power Automate runs it one iteration at a time ("Apply to each concurrency: 1 is the default
  // limit"); concurrency control on writes runtimeConfiguration.concurrency.repetitions.
  const body = { A: log('A@{item()}'), B: { ...log('B@{item()}'), runAfter: { A: ['Succeeded'] } } };
  const withoutSetting = loopOf(3, 1, body);
  delete ((withoutSetting.actions as Record<string, { runtimeConfiguration?: unknown }>).Loop as { runtimeConfiguration?: unknown }).runtimeConfiguration;
  it.each([
    ['no setting: one at a time', withoutSetting, ['A0', 'B0', 'A1', 'B1', 'A2', 'B2']],
    ['concurrency control on, degree 3: in rotation', loopOf(3, 3, body), ['A0', 'A1', 'A2', 'B0', 'B1', 'B2']],
  ] as Array<[string, WorkflowDefinition, string[]]>)('%s', async (_name, definition, order) => {
    for (const compiledLoops of [true, false]) {
      const result = await runFlow({ definition, now: '2024-01-01T00:00:00Z', compiledLoops });
      expect(result.outputs.log).toEqual(order);
    }
  });
});
