import { describe, expect, it } from 'vitest';
import { historyToJson, runFlow, runSummary, workflowFromJson } from '../../tools/engine/index.js';

/**
 * Logic Apps records each top-level action of an If branch / Switch case not taken as Skipped with
 * ActionBranchingConditionNotSatisfied (Azure/LogicAppsUX#5578 shows the message); actions nested
 * deeper are not listed, and the Skipped records do not change the container's status.
 */
const NOT_SATISFIED = (name: string) => ({
  code: 'ActionBranchingConditionNotSatisfied',
  message: `The execution of template action '${name}' skipped: the branching condition for this action is not satisfied.`,
});

const compose = (inputs: unknown, runAfter: Record<string, string[]> = {}) => ({ type: 'Compose', inputs, runAfter });

function condition(expression: string) {
  return {
    type: 'If',
    expression,
    actions: { Yes: compose('yes'), Yes_then: compose('yes2', { Yes: ['Succeeded'] }) },
    else: { actions: { No: { type: 'Scope', actions: { Inside_no: compose('deep') } } } },
  };
}

function switchOn(value: string) {
  return {
    type: 'Switch',
    expression: value,
    cases: { Case_a: { case: 'a', actions: { A: compose('a') } }, Case_b: { case: 'b', actions: { B: compose('b') } } },
    default: { actions: { Other: compose('other') } },
  };
}

async function run(actions: Record<string, unknown>) {
  const workflow = workflowFromJson({ definition: { triggers: { manual: { type: 'Request', kind: 'Button', inputs: {} } }, actions } }, 'branch.json', 'branch');
  return runFlow({ workflow, trigger: {}, now: '2024-01-01T00:00:00Z' });
}

interface Case {
  name: string;
  actions: Record<string, unknown>;
  /** Action name → expected status, in history order; names absent here must not be recorded. */
  statuses: Array<[string, string]>;
  skipped: string[];
}

const table: Case[] = [
  {
    name: 'If true: the else branch is Skipped (its Scope, not what the Scope holds)',
    actions: { Check: condition('@equals(1, 1)') },
    statuses: [['Check', 'Succeeded'], ['Yes', 'Succeeded'], ['Yes_then', 'Succeeded'], ['No', 'Skipped']],
    skipped: ['No'],
  },
  {
    name: 'If false: each top-level action of the true branch is Skipped, before the else branch runs',
    actions: { Check: condition('@equals(1, 2)') },
    statuses: [['Check', 'Succeeded'], ['Yes', 'Skipped'], ['Yes_then', 'Skipped'], ['No', 'Succeeded'], ['Inside_no', 'Succeeded']],
    skipped: ['Yes', 'Yes_then'],
  },
  {
    name: 'Switch case: the other case and default are Skipped, in definition order',
    actions: { Route: switchOn('b') },
    statuses: [['Route', 'Succeeded'], ['A', 'Skipped'], ['B', 'Succeeded'], ['Other', 'Skipped']],
    skipped: ['A', 'Other'],
  },
  {
    name: 'Switch default: every case is Skipped',
    actions: { Route: switchOn('z') },
    statuses: [['Route', 'Succeeded'], ['A', 'Skipped'], ['B', 'Skipped'], ['Other', 'Succeeded']],
    skipped: ['A', 'B'],
  },
  {
    name: 'an If whose branch not taken is empty records nothing more',
    actions: { Check: { type: 'If', expression: '@true', actions: { Yes: compose(1) }, else: { actions: {} } } },
    statuses: [['Check', 'Succeeded'], ['Yes', 'Succeeded']],
    skipped: [],
  },
];

describe('actions of a branch not taken are recorded Skipped (ActionBranchingConditionNotSatisfied)', () => {
  it.each(table)('$name', async ({ actions, statuses, skipped }) => {
    const result = await run(actions);
    expect(result.status).toBe('Succeeded');
    expect(result.history.records.map((r) => [r.name, r.status])).toEqual(statuses);
    const summary = runSummary(result);
    for (const name of skipped) expect(summary.actions[name]).toEqual({ status: 'Skipped', error: NOT_SATISFIED(name) });
    const history = JSON.stringify(historyToJson(result.history));
    for (const name of skipped) expect(history).toContain(`The execution of template action '${name}' skipped`);
  });

  it('records the branch not taken once per Foreach iteration, with its repetition', async () => {
    const result = await run({
      Each: {
        type: 'Foreach',
        foreach: '@createArray(1, 2, 3)',
        runtimeConfiguration: { concurrency: { repetitions: 1 } },
        actions: { Odd: { type: 'If', expression: "@equals(mod(item(), 2), 1)", actions: { Is_odd: compose('@item()') }, else: { actions: { Is_even: compose('@item()') } } } },
      },
    });
    expect(result.status).toBe('Succeeded');
    const iterations = (name: string) => runSummary(result).actions[name]?.iterations?.map((i) => [i.repetition, i.status]);
    expect(iterations('Is_odd')).toEqual([[[0], 'Succeeded'], [[1], 'Skipped'], [[2], 'Succeeded']]);
    expect(iterations('Is_even')).toEqual([[[0], 'Skipped'], [[1], 'Succeeded'], [[2], 'Skipped']]);
    expect(iterations('Odd')).toEqual([[[0], 'Succeeded'], [[1], 'Succeeded'], [[2], 'Succeeded']]);
  });

  it('a later action reads the Skipped record as it reads an action skipped by runAfter, and the If stays Succeeded', async () => {
    const readers = {
      Read: compose("@actions('Yes')?['status']", { Check: ['Succeeded'] }),
      Read_outputs: compose("@outputs('Yes')", { Check: ['Succeeded'] }),
    };
    const branch = await run({ Check: condition('@equals(1, 2)'), ...readers });
    const byRunAfter = await run({
      Check: { type: 'Scope', actions: { Ok: compose(1), Yes: compose('yes', { Ok: ['Failed'] }) } },
      ...readers,
    });
    const summary = runSummary(branch);
    expect(summary.actions.Check?.status).toBe('Succeeded');
    expect(summary.actions.Read).toMatchObject({ status: 'Succeeded', outputs: 'Skipped' });
    const reading = (s: ReturnType<typeof runSummary>) => ({ status: s.actions.Read_outputs?.status, outputs: s.actions.Read_outputs?.outputs, code: (s.actions.Read_outputs?.error as { code?: string } | undefined)?.code });
    expect(reading(summary)).toEqual(reading(runSummary(byRunAfter)));
  });
});
