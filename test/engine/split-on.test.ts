import { describe, expect, it } from 'vitest';
import { historyToJson, runSummary, Scheduler, type RunResult, type WorkflowDefinition } from '../../tools/engine/index.js';
import { runTriggered, SPLIT_ON_MAX_ITEMS_WITH_CONCURRENCY } from '../../tools/engine/triggers/split-on.js';

const NOW = '2024-06-01T12:00:00Z';

/** A flow whose trigger debatches `value`; each run composes its item's name and its whole trigger outputs. */
function splitFlow(trigger: Record<string, unknown> = {}, actions: WorkflowDefinition['actions'] = undefined): WorkflowDefinition {
  return {
    triggers: { manual: { type: 'Request', kind: 'Http', splitOn: "@triggerBody()?['value']", ...trigger } as never },
    actions: actions ?? {
      Name: { type: 'Compose', inputs: "@triggerBody()?['name']" },
      Outputs: { type: 'Compose', inputs: '@triggerOutputs()', runAfter: { Name: ['Succeeded'] } },
    },
  };
}

const statuses = (runs: RunResult[]) => runs.map((run) => run.status);

describe('trigger splitOn (debatching)', () => {
  it('starts one run per array item, each with the item as triggerBody() and the firing headers', async () => {
    const fired = await runTriggered({ definition: splitFlow(), trigger: { headers: { 'x-ms-client-tracking-id': 'batch-7' }, body: { status: 'ok', value: [{ name: 'one' }, { name: 'two' }] } }, now: NOW, runId: 'one-id' });
    expect(fired.splitOn).toBe("@triggerBody()?['value']");
    expect(statuses(fired.runs)).toEqual(['Succeeded', 'Succeeded']);
    expect(fired.runs.map((run) => runSummary(run).actions.Name?.outputs)).toEqual(['one', 'two']);
    // The properties outside the array are gone from the split runs (documented); headers stay.
    expect(runSummary(fired.runs[1]!).actions.Outputs?.outputs).toEqual({ headers: { 'x-ms-client-tracking-id': 'batch-7' }, body: { name: 'two' } });
    // Each item's run is an instance of its own: a run id given for the firing is not shared.
    expect(new Set(fired.runs.map((run) => run.runId)).size).toBe(2);
    expect(fired.runs.map((run) => run.runId)).not.toContain('one-id');
    // Every run of the firing shares the caller's x-ms-client-tracking-id.
    expect(historyToJson(fired.runs[0]!.history).trigger).toMatchObject({ name: 'manual', status: 'Succeeded', outputs: { body: { name: 'one' } }, clientTrackingId: 'batch-7' });
  });

  it('gives each run the clientTrackingId of splitOnConfiguration.correlation, evaluated on its item', async () => {
    const actions: WorkflowDefinition['actions'] = { Tracking: { type: 'Compose', inputs: "@trigger()?['clientTrackingId']" } };
    const definition = splitFlow({ splitOnConfiguration: { correlation: { clientTrackingId: "@concat('order-', triggerBody()?['id'])" } } }, actions);
    const fired = await runTriggered({ definition, trigger: { headers: { 'x-ms-client-tracking-id': 'batch-7' }, body: { value: [{ id: 1 }, { id: 2 }] } }, now: NOW });
    expect(fired.runs.map((run) => runSummary(run).actions.Tracking?.outputs)).toEqual(['order-1', 'order-2']);
    expect(historyToJson(fired.runs[1]!.history).trigger).toMatchObject({ clientTrackingId: 'order-2' });
    const broken = await runTriggered({ definition: splitFlow({ splitOnConfiguration: { correlation: { clientTrackingId: "@triggerBody()['missing']" } } }, actions), trigger: { value: [{ id: 1 }] }, now: NOW });
    expect(broken.runs[0]).toMatchObject({ status: 'Failed', error: { code: 'InvalidTemplate', message: expect.stringContaining("'splitOnConfiguration.correlation.clientTrackingId' failed") } });
  });

  it('applies trigger conditions to each item: an item that fails them is a Skipped run', async () => {
    const fired = await runTriggered({ definition: splitFlow({ conditions: [{ expression: "@not(equals(triggerBody()?['skip'], true))" }] }), trigger: { value: [{ name: 'a' }, { name: 'b', skip: true }, { name: 'c' }] }, now: NOW });
    expect(statuses(fired.runs)).toEqual(['Succeeded', 'Skipped', 'Succeeded']);
    expect(fired.runs[1]!.error).toMatchObject({ code: 'TriggerConditionNotMet' });
  });

  it('starts every item run at the firing time (they run side by side in the service), whatever each one waits', async () => {
    const actions: WorkflowDefinition['actions'] = { Wait: { type: 'Wait', inputs: { interval: { count: "@triggerBody()?['minutes']", unit: 'Minute' } } } };
    const fired = await runTriggered({ definition: splitFlow({}, actions), trigger: { value: [{ minutes: 5 }, { minutes: 1 }] }, now: NOW });
    expect(fired.runs.map((run) => [run.startTime, run.endTime])).toEqual([
      ['2024-06-01T12:00:00.000Z', '2024-06-01T12:05:00.000Z'],
      ['2024-06-01T12:00:00.000Z', '2024-06-01T12:01:00.000Z'],
    ]);
  });

  it('fails the run per item independently', async () => {
    const actions: WorkflowDefinition['actions'] = { Half: { type: 'Compose', inputs: "@div(10, triggerBody()?['n'])" } };
    const fired = await runTriggered({ definition: splitFlow({}, actions), trigger: { value: [{ n: 2 }, { n: 0 }, { n: 5 }] }, now: NOW });
    expect(statuses(fired.runs)).toEqual(['Succeeded', 'Failed', 'Succeeded']);
    expect(fired.runs.map((run) => runSummary(run).actions.Half?.outputs)).toEqual([5, undefined, 2]);
  });

  it('starts no run for an empty array', async () => {
    const fired = await runTriggered({ definition: splitFlow(), trigger: { value: [] }, now: NOW });
    expect(fired.runs).toEqual([]);
  });

  it.each([
    ['missing (Null)', { other: 1 }, 'Null'],
    ['an object', { value: { name: 'x' } }, 'Object'],
    ['a string', { value: 'a,b' }, 'String'],
    ['a number', { value: 3 }, 'Integer'],
  ])('fails the trigger, starting no actions, when splitOn gives %s', async (_name, body, type) => {
    const fired = await runTriggered({ definition: splitFlow(), trigger: body, now: NOW });
    expect(fired.runs).toHaveLength(1);
    const [run] = fired.runs as [RunResult];
    expect(run.status).toBe('Failed');
    expect(run.error).toEqual({ code: 'InvalidTemplate', message: `The execution of template trigger 'manual' failed: the result of the evaluation of 'splitOn' expression '@triggerBody()?['value']' is of type '${type}'. The result must be a valid array.` });
    expect(run.history.records).toEqual([]);
    expect(historyToJson(run.history).trigger).toMatchObject({ status: 'Failed', error: { code: 'InvalidTemplate' } });
  });

  it('fails the trigger when splitOn cannot be evaluated', async () => {
    const fired = await runTriggered({ definition: splitFlow({ splitOn: "@triggerBody()['value']" }), trigger: { other: 1 }, now: NOW });
    expect(fired.runs[0]).toMatchObject({ status: 'Failed', error: { code: 'InvalidTemplate', message: expect.stringMatching(/^The execution of template trigger 'manual' failed: the evaluation of 'splitOn' expression .* failed: .*'value'/) } });
  });

  it(`refuses more than ${SPLIT_ON_MAX_ITEMS_WITH_CONCURRENCY} items when trigger concurrency is on (the documented limit)`, async () => {
    const items = Array.from({ length: SPLIT_ON_MAX_ITEMS_WITH_CONCURRENCY + 1 }, (_, i) => ({ name: `n${i}` }));
    const limited = await runTriggered({ definition: splitFlow({ runtimeConfiguration: { concurrency: { runs: 5 } } }), trigger: { value: items }, now: NOW });
    expect(limited.runs).toHaveLength(1);
    expect(limited.runs[0]!.error).toMatchObject({ code: 'SplitOnItemsLimitExceeded', message: expect.stringContaining('gave 101 items; a trigger debatches at most 100 when trigger concurrency is on') });
    const unlimited = await runTriggered({ definition: splitFlow(), trigger: { value: items }, now: NOW });
    expect(unlimited.runs).toHaveLength(101);
  });

  it('checks the whole payload against the trigger schema before splitting it', async () => {
    const schema = { type: 'object', properties: { value: { type: 'array', items: { type: 'object', required: ['name'] } } }, required: ['value'] };
    const definition = splitFlow({ kind: 'Button', inputs: { schema } });
    const good = await runTriggered({ definition, trigger: { value: [{ name: 'a' }] }, now: NOW });
    expect(statuses(good.runs)).toEqual(['Succeeded']);
    const bad = await runTriggered({ definition, trigger: { value: [{ title: 'a' }] }, now: NOW });
    expect(bad.runs.map((run) => run.error?.code)).toEqual(['TriggerInputSchemaMismatch']);
  });

  it('runs once, as before, when the trigger has no splitOn', async () => {
    const fired = await runTriggered({ definition: { triggers: { manual: { type: 'Request' } }, actions: { Count: { type: 'Compose', inputs: "@length(triggerBody()?['value'])" } } }, trigger: { value: [1, 2, 3] }, now: NOW });
    expect(fired.splitOn).toBeUndefined();
    expect(fired.runs.map((run) => runSummary(run).actions.Count?.outputs)).toEqual([3]);
  });

  it.each([
    ['not a string', 42, /"splitOn" must be an expression string such as "@triggerBody\(\)\?\['value'\]", got 42/],
    ['not an expression', "triggerBody()?['value']", /"splitOn" must be an expression string/],
    ['an unparsable expression', "@triggerBody()?['value'", /"splitOn" .*not valid/],
  ])('refuses a splitOn that is %s before anything runs', async (_name, splitOn, message) => {
    await expect(runTriggered({ definition: splitFlow({ splitOn }), trigger: { value: [] } })).rejects.toThrow(message);
  });
});

describe('Scheduler with a splitOn polling trigger', () => {
  it('polls at each recurrence and starts a run per item of what each poll returned', async () => {
    const definition: WorkflowDefinition = {
      parameters: { $connections: { type: 'Object', defaultValue: {} } },
      triggers: {
        When_a_file_is_added: {
          type: 'ApiConnection',
          recurrence: { frequency: 'Hour', interval: 1 },
          splitOn: "@triggerBody()?['value']",
          inputs: { host: { connection: { name: "@parameters('$connections')['sharepointonline']['connectionId']" } }, method: 'get', path: '/datasets/x/triggers/onnewfile' },
        } as never,
      },
      actions: { File: { type: 'Compose', inputs: "@triggerBody()?['Name']" } },
    };
    const polls: Record<string, unknown> = {
      '2024-06-01T00:00:00.000Z': { headers: { 'x-ms-trigger-state': 'a' }, body: { value: [{ Name: 'a.txt' }, { Name: 'b.txt' }] } },
      '2024-06-01T02:00:00.000Z': { value: [{ Name: 'c.txt' }] },
      '2024-06-01T03:00:00.000Z': { value: null },
    };
    const seen: Array<[number, string]> = [];
    const results = await new Scheduler({ definition, from: '2024-06-01T00:00:00Z', to: '2024-06-01T04:00:00Z', poll: (time) => polls[time], onRun: (result, index) => void seen.push([index, result.startTime]) }).run();
    expect(results.map((run) => [run.startTime, run.status, runSummary(run).actions.File?.outputs])).toEqual([
      ['2024-06-01T00:00:00.000Z', 'Succeeded', 'a.txt'],
      ['2024-06-01T00:00:00.000Z', 'Succeeded', 'b.txt'],
      ['2024-06-01T02:00:00.000Z', 'Succeeded', 'c.txt'],
      ['2024-06-01T03:00:00.000Z', 'Failed', undefined],
    ]);
    expect(seen.map(([index]) => index)).toEqual([0, 1, 2, 3]);
  });

  it('needs poll() for a polling trigger', async () => {
    const definition = { triggers: { t: { type: 'ApiConnection', recurrence: { frequency: 'Hour', interval: 1 }, inputs: {} } }, actions: {} } as unknown as WorkflowDefinition;
    await expect(new Scheduler({ definition, from: 0, to: 3_600_000 }).run()).rejects.toThrow(/polling ApiConnection trigger: give the Scheduler a poll\(\)/);
  });
});
