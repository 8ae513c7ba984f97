import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { historyToJson, runFlow, workflowFromJson, type ActionRun, type LoadedWorkflow, type RunHistory, type RunFlowOptions } from '../../tools/engine/index.js';

/**
 * `onActionComplete` sees every finished record (loop repetitions, skipped actions, child runs'
 * actions) with its inputs and outputs; `historyDetail: 'outline'` keeps everything of the history
 * but the action inputs/outputs. Both reach child runs. Uses the child-flow golden case.
 */
const FOLDER = fileURLToPath(new URL('./golden/child-flow-call', import.meta.url));
const read = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const parent = workflowFromJson(read(join(FOLDER, 'definition.json')), join(FOLDER, 'definition.json'), 'parent');
const children: LoadedWorkflow[] = readdirSync(join(FOLDER, 'children')).sort().map((file) => workflowFromJson(read(join(FOLDER, 'children', file)), file, file.replace(/\.json$/, '')));

/** A loop with a skipped branch, a failing action with a handler, and a retried-free Compose. */
const loopFlow = {
  triggers: { manual: { type: 'Request', kind: 'Button', inputs: { schema: {} } } },
  actions: {
    Loop: {
      type: 'Foreach',
      foreach: '@range(0, 3)',
      runtimeConfiguration: { concurrency: { repetitions: 2 } },
      actions: {
        Double: { type: 'Compose', inputs: '@mul(item(), 2)' },
        Fail: { type: 'Compose', inputs: "@int('x')", runAfter: { Double: ['Succeeded'] } },
        Never: { type: 'Compose', inputs: 'never', runAfter: { Fail: ['Succeeded'] } },
      },
    },
    After: { type: 'Compose', inputs: 'big payload', runAfter: { Loop: ['Failed'] } },
  },
  outputs: { done: { type: 'String', value: "@outputs('After')" } },
};

interface Seen {
  run: string;
  name: string;
  status: string;
  repetition: readonly number[] | undefined;
  inputs: unknown;
  outputs: unknown;
}

async function collect(options: RunFlowOptions): Promise<{ seen: Seen[]; history: RunHistory }> {
  const seen: Seen[] = [];
  const onActionComplete = (record: ActionRun, run: RunHistory) => seen.push({ run: run.workflowName, name: record.name, status: record.status, repetition: record.repetition, inputs: record.inputs, outputs: record.outputs });
  const result = await runFlow({ now: '2024-01-01T00:00:00Z', ...options, onActionComplete });
  return { seen, history: result.history };
}

/** Every record of a history and its child runs, as [workflow, name, status]. */
function allRecords(history: RunHistory): Array<[string, string, string]> {
  return [...history.records.map((r): [string, string, string] => [history.workflowName, r.name, r.status]), ...history.childRuns.flatMap(allRecords)];
}

describe('onActionComplete', () => {
  it('is called once per record of the history, loop repetitions and skipped actions included', async () => {
    const { seen, history } = await collect({ definition: loopFlow });
    const names = seen.map((s) => `${s.name}${s.repetition ? `#${s.repetition.join('.')}` : ''}:${s.status}`).sort();
    const recorded = history.records.map((r) => `${r.name}${r.repetition ? `#${r.repetition.join('.')}` : ''}:${r.status}`).sort();
    expect(names).toEqual(recorded);
    expect(names).toContain('Never#2:Skipped');
    expect(names).toContain('Loop:Failed');
    expect(seen.find((s) => s.name === 'Double' && s.repetition?.[0] === 2)).toMatchObject({ inputs: 4, outputs: 4 });
    expect(seen.find((s) => s.name === 'After')?.outputs).toBe('big payload');
  });

  it("sees the child runs' actions, naming the child run", async () => {
    const { seen, history } = await collect({ workflow: parent, childFlows: children, trigger: read(join(FOLDER, 'trigger.json')) });
    expect(seen.map((s): [string, string, string] => [s.run, s.name, s.status]).sort()).toEqual(allRecords(history).sort());
    expect(new Set(seen.map((s) => s.run)).size).toBeGreaterThan(1);
  });
});

describe("historyDetail: 'outline'", () => {
  it.each([
    ['a loop with failures', { definition: loopFlow }],
    ['a parent with child runs', { workflow: parent, childFlows: children, trigger: read(join(FOLDER, 'trigger.json')) }],
  ] as Array<[string, RunFlowOptions]>)('%s: the full history minus action inputs and outputs', async (_name, options) => {
    const full = await runFlow({ now: '2024-01-01T00:00:00Z', ...options, runId: 'run' });
    const { seen, history } = await collect({ ...options, runId: 'run', historyDetail: 'outline' });
    // Records keep name, type, status, times, repetition, code, error, retries, child-run links;
    // the run keeps its trigger, status, error and outputs. Child run ids come from a sequence, so
    // they are compared as "present".
    const shape = (run: Record<string, unknown>, dropPayloads: boolean): unknown => ({
      ...run,
      runId: typeof run.runId,
      parent: run.parent === undefined ? undefined : { ...(run.parent as object), runId: 'parent' },
      actions: (run.actions as Array<Record<string, unknown>>).map(({ inputs, outputs, ...rest }) => ({ ...rest, ...(rest.childRunId ? { childRunId: 'child' } : {}), ...(dropPayloads ? {} : { inputs, outputs }) })),
      childRuns: (run.childRuns as Array<Record<string, unknown>>).map((child) => shape(child, dropPayloads)),
    });
    const outline = historyToJson(history);
    expect(shape(outline, false)).toEqual(shape(outline, true)); // no payloads at all
    expect(shape(outline, true)).toEqual(shape(historyToJson(full.history), true));
    expect(history.records.every((r) => r.inputs === undefined && r.outputs === undefined)).toBe(true);
    expect(history.childRuns.flatMap((c) => c.records).every((r) => r.inputs === undefined && r.outputs === undefined)).toBe(true);
    expect(history.outputs).toEqual(full.history.outputs);
    // The callback still saw the payloads.
    expect(seen.some((s) => s.outputs !== undefined)).toBe(true);
  });

  it("keeps 'full' as the default", async () => {
    const { history } = await collect({ definition: loopFlow });
    expect(history.records.find((r) => r.name === 'After')?.outputs).toBe('big payload');
  });
});
