import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyToJson, runFlow, runSummary, type HistoryDetail, type RunFlowOptions, type WorkflowDefinition } from '../../tools/engine/index.js';
import { GOLDEN, goldenCases as allGoldenCases, goldenRunOptions, readCaseFile } from './golden-case.js';
import { startCannedServer, type CannedResponse } from './golden-server.js';

/**
 * Loops over poolable bodies reuse their frames and records (tools/engine/context/frame-pool.ts),
 * and Sequential loops of compilable bodies run as compiled steps (tools/engine/compiled/).
 * Whatever a run shows must not depend on it: each definition runs the general way
 * (`reuseRecords: false`), with pooled records only (`compiledLoops: false`) and compiled, and the
 * whole history (every record, in order, with its inputs, outputs, times, repetition and error),
 * the outputs and the summary must be equal.
 */


const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** Run ids differ from run to run (derived from a counter), and a server's Date header by the clock: everything else must match. */
function withoutRunIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRunIds);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'runId' || key === 'childRunId' || (key.toLowerCase() === 'date' && typeof item === 'string' && HTTP_DATE.test(item))) continue;
    out[key] = withoutRunIds(item);
  }
  return out;
}

type Run = Awaited<ReturnType<typeof runFlow>>;

/** The run as JSON, its server's URL (a new port per run) written as `{{server}}`. */
function shown(result: Run, serverUrl: string | undefined): unknown {
  const json = JSON.stringify({ history: historyToJson(result.history), summary: runSummary(result) });
  return withoutRunIds(JSON.parse(serverUrl === undefined ? json : json.replaceAll(serverUrl, '{{server}}')));
}

/** How a loop body may run: fresh records (the general path), pooled records, or compiled steps (tools/engine/compiled/). */
interface LoopPath {
  reuseRecords: boolean;
  compiledLoops: boolean;
}
const GENERAL: LoopPath = { reuseRecords: false, compiledLoops: false };
const FAST_PATHS: LoopPath[] = [
  { reuseRecords: true, compiledLoops: false },
  { reuseRecords: true, compiledLoops: true },
];

async function bothWays(run: (path: LoopPath) => Promise<{ result: Run; serverUrl?: string }>): Promise<void> {
  const general = await run(GENERAL);
  const expected = shown(general.result, general.serverUrl);
  for (const path of FAST_PATHS) {
    const fast = await run(path);
    expect(shown(fast.result, fast.serverUrl), JSON.stringify(path)).toEqual(expected);
    expect(fast.result.status).toBe(general.result.status);
  }
}

/** The golden cases that run (a malformed definition is refused before anything runs). */
const goldenCases = allGoldenCases.filter((name) => !(readCaseFile(join(GOLDEN, name), 'expected.json') as { definitionError?: string }).definitionError);

describe('pooled loop records give the same run as fresh ones: golden definitions', () => {
  it.each(goldenCases)('%s', async (name) => {
    const expected = readCaseFile(join(GOLDEN, name), 'expected.json') as { now?: string };
    await bothWays(async (path) => {
      const server = await startCannedServer((readCaseFile(join(GOLDEN, name), 'responses.json') as CannedResponse[] | undefined) ?? []);
      try {
        const result = await runFlow({ ...goldenRunOptions(name, server.url, expected.now), runId: '08585000000000000000000000000CU00', ...path });
        return { result, serverUrl: server.url };
      } finally {
        await server.close();
      }
    });
  });
});

const manual = { manual: { type: 'Request', kind: 'Button', inputs: { schema: {} } } };
const initList = { type: 'InitializeVariable', inputs: { variables: [{ name: 'list', type: 'array', value: [] }] } };
const initLast = { type: 'InitializeVariable', inputs: { variables: [{ name: 'last', type: 'string', value: '' }] }, runAfter: { Init_list: ['Succeeded'] } };

function loop(body: Record<string, unknown>, options: { items?: number; concurrency?: number; runAfter?: Record<string, string[]> } = {}): Record<string, unknown> {
  const { items = 12, concurrency, runAfter = { Init_last: ['Succeeded'] } } = options;
  return {
    type: 'Foreach',
    foreach: `@range(0, ${items})`,
    runAfter,
    ...(concurrency === undefined ? {} : concurrency === 1 ? { operationOptions: 'Sequential' } : { runtimeConfiguration: { concurrency: { repetitions: concurrency } } }),
    actions: body,
  };
}

/** The engine bench's body: Compose, then an If appending or setting. */
const benchBody = {
  Compose: { type: 'Compose', inputs: '@mul(item(), 2)' },
  Condition: {
    type: 'If',
    expression: '@equals(mod(item(), 2), 0)',
    runAfter: { Compose: ['Succeeded'] },
    actions: { Append: { type: 'AppendToArrayVariable', inputs: { name: 'list', value: "@outputs('Compose')" } } },
    else: { actions: { Set: { type: 'SetVariable', inputs: { name: 'last', value: '@{item()}' } } } },
  },
};

/** Fails every third iteration (a number into a string variable), with a handler that runs after Failed. */
const failingBody = {
  Compose: { type: 'Compose', inputs: '@item()' },
  Set: { type: 'SetVariable', inputs: { name: 'last', value: "@if(equals(mod(item(), 3), 0), item(), string(item()))" }, runAfter: { Compose: ['Succeeded'] } },
  On_failure: { type: 'AppendToArrayVariable', inputs: { name: 'list', value: "@actions('Set')['status']" }, runAfter: { Set: ['Failed'] } },
  After: { type: 'Compose', inputs: "@body('Set')", runAfter: { Set: ['Succeeded'] } },
};

/** Reads an action that may not have run in its own iteration: it then sees another iteration's record. */
const crossIterationBody = {
  Condition: {
    type: 'If',
    expression: '@less(item(), 4)',
    actions: { Set: { type: 'SetVariable', inputs: { name: 'last', value: '@{item()}' } } },
    else: { actions: { Read: { type: 'AppendToArrayVariable', inputs: { name: 'list', value: "@concat(string(item()), '/', string(outputs('Set')), '/', actions('Set')['status'])" } } } },
  },
  Whole: { type: 'Compose', inputs: "@actions('Condition')", runAfter: { Condition: ['Succeeded'] } },
};

/** Reads a later action of its own iteration: not run yet there, so it sees the latest record of it (another iteration's). */
const readsAheadBody = {
  Early: { type: 'AppendToArrayVariable', inputs: { name: 'list', value: "@concat(string(item()), ':', string(outputs('Late')))" } },
  Late: { type: 'Compose', inputs: '@item()', runAfter: { Early: ['Succeeded'] } },
};

const switchBody = {
  Kind: {
    type: 'Switch',
    expression: '@string(mod(item(), 3))',
    cases: { Zero: { case: '0', actions: { Z: { type: 'AppendToArrayVariable', inputs: { name: 'list', value: 'zero' } } } }, One: { case: '1', actions: { O: { type: 'Compose', inputs: '@item()' } } } },
    default: { actions: { D: { type: 'AppendToStringVariable', inputs: { name: 'last', value: '@{item()},' } } } },
  },
};

/** An If inside an If, both with else branches, reading outputs across the nesting. */
const nestedIfBody = {
  Compose: { type: 'Compose', inputs: { item: '@item()', half: '@div(item(), 2)' } },
  Outer: {
    type: 'If',
    expression: { and: [{ greater: ['@item()', 2] }, { not: { equals: ['@mod(item(), 5)', 0] } }] },
    runAfter: { Compose: ['Succeeded'] },
    actions: {
      Inner: {
        type: 'If',
        expression: '@equals(mod(item(), 2), 0)',
        actions: { Even: { type: 'AppendToArrayVariable', inputs: { name: 'list', value: "@outputs('Compose')" } } },
        else: { actions: { Odd: { type: 'Compose', inputs: "@body('Compose')?['half']" }, Odd_set: { type: 'SetVariable', inputs: { name: 'last', value: "@{outputs('Odd')}" }, runAfter: { Odd: ['Succeeded'] } } } },
      },
    },
    else: { actions: { Small: { type: 'AppendToStringVariable', inputs: { name: 'last', value: '@{item()};' } } } },
  },
  After: { type: 'Compose', inputs: "@actions('Outer')?['status']", runAfter: { Outer: ['Succeeded', 'Failed', 'Skipped'] } },
};

/** Variables read and written across iterations: counters, a string built up, a name chosen per item. */
const variablesBody = {
  Count: { type: 'IncrementVariable', inputs: { name: 'count', value: '@item()' } },
  Down: { type: 'DecrementVariable', inputs: { name: 'count', value: 1 }, runAfter: { Count: ['Succeeded'] } },
  Read: { type: 'Compose', inputs: "@variables('count')", runAfter: { Down: ['Succeeded'] } },
  Choose: { type: 'SetVariable', inputs: { name: "@{if(less(item(), 5), 'last', 'other')}", value: "@{outputs('Read')}" }, runAfter: { Read: ['Succeeded'] } },
  Keep: { type: 'AppendToArrayVariable', inputs: { name: 'list', value: "@length(variables('list'))" }, runAfter: { Choose: ['Succeeded'] } },
  Plain: { type: 'SetVariable', inputs: { value: 'fixed', name: 'other' }, runAfter: { Keep: ['Succeeded'] } },
};

/** Failures of containers: an If whose condition fails (division by zero at item 3), a Switch given an object, a branch whose action fails. */
const failingContainersBody = {
  Check: {
    type: 'If',
    expression: '@equals(div(10, sub(item(), 3)), 1)',
    actions: { Yes: { type: 'Compose', inputs: 'yes' } },
    else: { actions: { Bad: { type: 'SetVariable', inputs: { name: 'last', value: '@if(equals(mod(item(), 4), 0), item(), string(item()))' } } } },
  },
  Handler: { type: 'AppendToArrayVariable', inputs: { name: 'list', value: "@concat(string(item()), ':', actions('Check')['status'])" }, runAfter: { Check: ['Failed'] } },
  Kind: {
    type: 'Switch',
    expression: "@if(equals(mod(item(), 5), 1), json('{}'), string(mod(item(), 2)))",
    runAfter: { Check: ['Succeeded', 'Failed'] },
    cases: { Even: { case: '0', actions: {} }, Odd: { case: 1, actions: { Odd_value: { type: 'Compose', inputs: '@item()' } } } },
    default: { actions: { Other: { type: 'Compose', inputs: 'other' } } },
  },
  Secure: { type: 'Compose', inputs: '@item()', runAfter: { Kind: ['Succeeded', 'Failed'] }, runtimeConfiguration: { secureData: { properties: ['inputs', 'outputs'] } } },
  Nothing: { type: 'Compose', inputs: "@body('Kind')?['missing']", runAfter: { Secure: ['Succeeded'] } },
};

/** Not compilable (a Scope keeps its pass's records for result()): runs the general way with compiled loops on too. */
const scopeBody = {
  Add: { type: 'AppendToArrayVariable', inputs: { name: 'list', value: '@item()' } },
  Group: { type: 'Scope', runAfter: { Add: ['Succeeded'] }, actions: { Inside: { type: 'Compose', inputs: "@length(variables('list'))" } } },
  Outcome: { type: 'Compose', inputs: "@result('Group')", runAfter: { Group: ['Succeeded'] } },
};

const initCount = { type: 'InitializeVariable', inputs: { variables: [{ name: 'count', type: 'integer', value: 0 }] }, runAfter: { Init_last: ['Succeeded'] } };
const initOther = { type: 'InitializeVariable', inputs: { variables: [{ name: 'other', type: 'string', value: '' }] }, runAfter: { Init_count: ['Succeeded'] } };

interface Case {
  name: string;
  actions: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  historyDetail?: HistoryDetail;
}

const afterLoop = { last: { type: 'String', value: "@variables('last')" }, list: { type: 'Array', value: "@variables('list')" } };
const cases: Case[] = [];
for (const concurrency of [undefined, 1, 2, 3, 20, 50]) {
  const label = concurrency === undefined ? 'default concurrency' : concurrency === 1 ? 'Sequential' : `concurrency ${concurrency}`;
  cases.push(
    { name: `bench body, ${label}`, actions: { Init_list: initList, Init_last: initLast, Loop: loop(benchBody, { items: 45, concurrency }) }, outputs: { ...afterLoop, compose: { type: 'Int', value: "@outputs('Compose')" }, result: { type: 'Array', value: "@result('Loop')" } } },
    { name: `failing iterations and a Failed handler, ${label}`, actions: { Init_list: initList, Init_last: initLast, Loop: loop(failingBody, { concurrency }) }, outputs: afterLoop },
    { name: `reads another iteration's record, ${label}`, actions: { Init_list: initList, Init_last: initLast, Loop: loop(crossIterationBody, { concurrency }) }, outputs: afterLoop },
    { name: `reads a later action of its iteration, ${label}`, actions: { Init_list: initList, Init_last: initLast, Loop: loop(readsAheadBody, { concurrency }) }, outputs: afterLoop },
    { name: `Switch body, ${label}`, actions: { Init_list: initList, Init_last: initLast, Loop: loop(switchBody, { concurrency }) }, outputs: afterLoop },
    {
      name: `nested loops (inner pooled, outer not), ${label}`,
      actions: { Init_list: initList, Init_last: initLast, Outer: loop({ Inner: loop(benchBody, { items: 5, concurrency, runAfter: {} }) }, { items: 4, concurrency }) },
      outputs: { ...afterLoop, inner: { type: 'Array', value: "@result('Inner')" } },
    },
    { name: `nested If, ${label}`, actions: { Init_list: initList, Init_last: initLast, Loop: loop(nestedIfBody, { concurrency }) }, outputs: { ...afterLoop, after: { type: 'String', value: "@outputs('After')" } } },
    {
      name: `variables across iterations, ${label}`,
      actions: { Init_list: initList, Init_last: initLast, Init_count: initCount, Init_other: initOther, Loop: loop(variablesBody, { concurrency, runAfter: { Init_other: ['Succeeded'] } }) },
      outputs: { ...afterLoop, count: { type: 'Int', value: "@variables('count')" }, other: { type: 'String', value: "@variables('other')" } },
    },
    { name: `failing If, Switch and branch, ${label}`, actions: { Init_list: initList, Init_last: initLast, Loop: loop(failingContainersBody, { concurrency }) }, outputs: { ...afterLoop, loop: { type: 'Array', value: "@result('Loop')" } } },
    { name: `a Scope in the body (not compiled), ${label}`, actions: { Init_list: initList, Init_last: initLast, Loop: loop(scopeBody, { concurrency }) }, outputs: afterLoop },
    ...[0, 1, 2, 3, 4].map((items) => ({ name: `${items} items, bench body, ${label}`, actions: { Init_list: initList, Init_last: initLast, Loop: loop(benchBody, { items, concurrency }) }, outputs: afterLoop })),
    { name: `bench body, outline history, ${label}`, actions: { Init_list: initList, Init_last: initLast, Loop: loop(benchBody, { items: 20, concurrency }) }, outputs: afterLoop, historyDetail: 'outline' },
    {
      // A history row keeps a time as milliseconds after the first record's start, up to 2^31 (24.8 days); later ones are kept on the side.
      name: `a loop 40 days after the run started (times beyond a row's), ${label}`,
      actions: { Init_list: initList, Init_last: initLast, Delay: { type: 'Wait', inputs: { interval: { count: 40, unit: 'Day' } }, runAfter: { Init_last: ['Succeeded'] } }, Loop: loop(benchBody, { items: 12, concurrency, runAfter: { Delay: ['Succeeded'] } }) },
      outputs: afterLoop,
    },
  );
}

describe('pooled loop records give the same run as fresh ones: loops of poolable bodies', () => {
  it.each(cases)('$name', async ({ actions, outputs, historyDetail }) => {
    const definition = { triggers: manual, actions, outputs: outputs ?? {} } as unknown as WorkflowDefinition;
    const options: RunFlowOptions = { definition, now: '2024-01-01T00:00:00Z', historyDetail };
    await bothWays(async (path) => ({ result: await runFlow({ ...options, ...path }) }));
  });
});
