/**
 * Flow engine benchmark: a 100k-item Foreach of Compose + Condition + AppendToArrayVariable /
 * SetVariable, run by the engine (history recorded), against the same logic as a hand-written
 * TypeScript loop calling the same compiled expressions. Prints actions/s, the ratio, the history
 * file size and peak memory.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { compileTemplate, type EvaluationContext } from '../tools/expressions/index.js';
import { FakeClock, runFlow, writeHistoryFile, type RunResult, type WorkflowDefinition } from '../tools/engine/index.js';
import { formatRate, printFigure, type Measurement, printComparison } from './harness.js';

const ITEMS = 100_000;
/** Measured rounds of each side: the hand-written loops take a few ms, so one lucky or unlucky round must not decide the ratio either way. */
const ROUNDS = 25;
const WARM_UP_ROUNDS = 3;
/** Idle time before each round (see timeRound). */
const PAUSE_MS = 20;

const COMPOSE = '@mul(item(), 2)';
const CONDITION = "@equals(mod(item(), 2), 0)";
const APPEND = "@outputs('Compose')";
const SET = "@{item()}";

function definition(concurrency: number | undefined): WorkflowDefinition {
  return {
    triggers: { manual: { type: 'Request', kind: 'Button', inputs: { schema: {} } } },
    actions: {
      Init_list: { type: 'InitializeVariable', inputs: { variables: [{ name: 'list', type: 'array', value: [] }] } },
      Init_last: { type: 'InitializeVariable', inputs: { variables: [{ name: 'last', type: 'string', value: '' }] }, runAfter: { Init_list: ['Succeeded'] } },
      Loop: {
        type: 'Foreach',
        foreach: `@range(0, ${ITEMS})`,
        runAfter: { Init_last: ['Succeeded'] },
        ...(concurrency === undefined ? {} : { runtimeConfiguration: { concurrency: { repetitions: concurrency } } }),
        actions: {
          Compose: { type: 'Compose', inputs: COMPOSE },
          Condition: {
            type: 'If',
            expression: CONDITION,
            runAfter: { Compose: ['Succeeded'] },
            actions: { Append: { type: 'AppendToArrayVariable', inputs: { name: 'list', value: APPEND } } },
            else: { actions: { Set: { type: 'SetVariable', inputs: { name: 'last', value: SET } } } },
          },
        },
      },
    },
    outputs: { count: { type: 'Int', value: "@length(variables('list'))" }, last: { type: 'String', value: "@variables('last')" } },
  };
}

/** The same logic written by hand: one loop, the same compiled expressions, a minimal context. */
function handWritten(): { actions: number; list: unknown[]; last: unknown } {
  const compose = compileTemplate(COMPOSE);
  const condition = compileTemplate(CONDITION);
  const append = compileTemplate(APPEND);
  const set = compileTemplate(SET);
  const variables = new Map<string, unknown>([['list', []], ['last', '']]);
  const outputs = new Map<string, unknown>();
  let item: unknown;
  const context = handWrittenContext({
    variable: (name) => variables.get(name),
    hasVariable: (name) => variables.has(name),
    action: (name) => (outputs.has(name) ? { name, status: 'Succeeded', outputs: outputs.get(name) } : undefined),
    item: () => item,
    items: () => item,
  });
  let actions = 0;
  for (let i = 0; i < ITEMS; i++) {
    item = i;
    outputs.set('Compose', compose(context));
    actions += 3;
    if (condition(context) === true) (variables.get('list') as unknown[]).push(append(context));
    else variables.set('last', set(context));
  }
  return { actions, list: variables.get('list') as unknown[], last: variables.get('last') };
}

/**
 * Read-then-append: each iteration checks `length(variables('list'))` and appends. The read keeps
 * nothing, so the engine must not copy the array per iteration (that made such loops quadratic).
 */
const READ_CONDITION = `@less(length(variables('list')), ${ITEMS + 1})`;
const READ_APPEND = '@item()';

function readThenAppendDefinition(): WorkflowDefinition {
  return {
    triggers: { manual: { type: 'Request', kind: 'Button', inputs: { schema: {} } } },
    actions: {
      Init_list: { type: 'InitializeVariable', inputs: { variables: [{ name: 'list', type: 'array', value: [] }] } },
      Loop: {
        type: 'Foreach',
        foreach: `@range(0, ${ITEMS})`,
        operationOptions: 'Sequential',
        runAfter: { Init_list: ['Succeeded'] },
        actions: { Check: { type: 'If', expression: READ_CONDITION, actions: { Append: { type: 'AppendToArrayVariable', inputs: { name: 'list', value: READ_APPEND } } } } },
      },
    },
    outputs: { count: { type: 'Int', value: "@length(variables('list'))" } },
  };
}

/** The same read-then-append logic by hand, with the same compiled expressions. */
function readThenAppendByHand(): { actions: number; list: unknown[] } {
  const condition = compileTemplate(READ_CONDITION);
  const append = compileTemplate(READ_APPEND);
  const list: unknown[] = [];
  let item: unknown;
  const context = handWrittenContext({
    variable: (name) => (name === 'list' ? list : undefined),
    hasVariable: (name) => name === 'list',
    item: () => item,
    items: () => item,
  });
  let actions = 0;
  for (let i = 0; i < ITEMS; i++) {
    item = i;
    actions += 2;
    if (condition(context) === true) list.push(append(context));
  }
  return { actions, list };
}

/** A full garbage collection (the global `gc` that --expose-gc gives, obtained at run time). */
function collectGarbage(): void {
  gc ??= (setFlagsFromString('--expose-gc'), runInNewContext('gc') as () => void);
  gc();
}
let gc: (() => void) | undefined;

/** One side of a comparison: its best round. */
interface Timed<T> {
  measurement: Measurement;
  value: T;
  wallMs: number;
}

/**
 * The engine and the hand-written loop it is compared with, measured in alternating rounds (one
 * of each per round, after warm-up rounds done the same way), best of `rounds` for each. Taking
 * turns, both see the same machine (a shared host's load drifts) and the same JIT state: the
 * evaluator's code is shared, and whichever ran last shapes its type feedback, so measuring one
 * side entirely before the other would charge the other with that. The figure is the process's
 * CPU time (user + system) rather than wall time: the ratio then compares work, not luck.
 */
async function timePair<E, H>(engine: Side<E>, hand: Side<H>, rounds = ROUNDS): Promise<{ engine: Timed<E>; hand: Timed<H> }> {
  const engineBest = newBest<E>();
  const handBest = newBest<H>();
  for (let round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
    const measured = round >= WARM_UP_ROUNDS;
    await timeRound(hand.run, measured ? handBest : undefined);
    await timeRound(engine.run, measured ? engineBest : undefined);
  }
  return { engine: timed(engine, engineBest), hand: timed(hand, handBest) };
}

interface Side<T> {
  name: string;
  run: () => Promise<T> | T;
  /** Actions done by a round, from its value. */
  ops: (value: T) => number;
}

interface Best<T> {
  cpuMs: number;
  wallMs: number;
  value: T | undefined;
}

function newBest<T>(): Best<T> {
  return { cpuMs: Infinity, wallMs: Infinity, value: undefined };
}

/**
 * One round of `run`, kept in `best` when measured (not in warm-up rounds). A short pause first:
 * the CPU time counts the collector's background threads, which may still be busy with the garbage
 * of the round before (a history of 400k records), work that is not this round's.
 */
async function timeRound<T>(run: () => Promise<T> | T, best: Best<T> | undefined): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await run();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  if (best === undefined) return;
  best.cpuMs = Math.min(best.cpuMs, (used.user + used.system) / 1000);
  best.wallMs = Math.min(best.wallMs, wall);
  best.value = value;
}

function timed<T>(side: Side<T>, best: Best<T>): Timed<T> {
  const value = best.value as T;
  const count = side.ops(value);
  return { measurement: { name: side.name, ops: count, ms: best.cpuMs, perSecond: (count / best.cpuMs) * 1000 }, value, wallMs: best.wallMs };
}

export async function run(): Promise<void> {
  const handSide: Side<ReturnType<typeof handWritten>> = { name: 'hand-written loop', run: handWritten, ops: (v) => v.actions };
  // The flow as written (no concurrency setting: Power Automate runs it one iteration at a time), and
  // with concurrency control on at Logic Apps' default degree (iterations take turns action by action).
  for (const [label, concurrency] of [['as written (no concurrency setting: one at a time)', undefined], ['concurrency control on, degree 20', 20]] as const) {
    const pair = await timePair({ name: `engine, ${label}`, run: () => runFlow({ definition: definition(concurrency), clock: new FakeClock('2024-01-01T00:00:00Z') }), ops: (r) => r.history.size }, handSide);
    const engine = pair.engine;
    const baseline = pair.hand;
    const result = engine.value;
    if (result.status !== 'Succeeded' || result.outputs.count !== ITEMS / 2 || result.outputs.last !== String(ITEMS - 1)) {
      throw new Error(`engine run is wrong: ${result.status} ${JSON.stringify(result.outputs)}`);
    }
    printComparison(`flow engine (${ITEMS} items, ${engine.measurement.ops} actions, history included)`, engine.measurement, baseline.measurement);
    printFigure(`  engine ${label}`, `${formatRate(engine.measurement.perSecond)} actions (CPU ${(engine.measurement.ms / 1000).toFixed(2)} s, wall ${(engine.wallMs / 1000).toFixed(2)} s); hand-written CPU ${(baseline.measurement.ms / 1000).toFixed(3)} s; engine takes ${(engine.measurement.ms / baseline.measurement.ms).toFixed(1)}x the hand-written time (goal <= 5x, >= 200k actions/s)`);
    if (concurrency === undefined) {
      const folder = mkdtempSync(join(tmpdir(), 'ppkit-bench-engine-'));
      try {
        const file = join(folder, 'history.json');
        const start = performance.now();
        writeHistoryFile(result.history, file);
        printFigure('  history file', `${(statSync(file).size / 1024 / 1024).toFixed(1)} MB for ${result.history.records.length} action records, written in ${((performance.now() - start) / 1000).toFixed(2)} s`);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    }
  }
  // The same Sequential run with fresh record objects in every iteration (reuseRecords: false), as
  // loops whose bodies are not poolable (HTTP, child flows, nested loops) run: the general path.
  const generalPair = await timePair({ name: 'engine, Sequential, fresh records', run: () => runFlow({ definition: definition(1), clock: new FakeClock('2024-01-01T00:00:00Z'), reuseRecords: false }), ops: (r) => r.history.size }, handSide);
  const general = generalPair.engine;
  const baseline = generalPair.hand;
  if (general.value.status !== 'Succeeded' || general.value.outputs.count !== ITEMS / 2 || general.value.outputs.last !== String(ITEMS - 1)) throw new Error(`general-path run is wrong: ${general.value.status} ${JSON.stringify(general.value.outputs)}`);
  printComparison(`flow engine, general path (${ITEMS} items, ${general.measurement.ops} actions, history included)`, general.measurement, baseline.measurement);
  printFigure('  engine Sequential, fresh records', `CPU ${(general.measurement.ms / 1000).toFixed(2)} s; engine takes ${(general.measurement.ms / baseline.measurement.ms).toFixed(1)}x the hand-written time (loop bodies that cannot reuse their records)`);

  const appendPair = await timePair(
    { name: 'engine, Sequential', run: () => runFlow({ definition: readThenAppendDefinition(), clock: new FakeClock('2024-01-01T00:00:00Z') }), ops: (r) => r.history.size },
    { name: 'hand-written loop', run: readThenAppendByHand, ops: (v) => v.actions },
  );
  const appends = appendPair.engine;
  const byHand = appendPair.hand;
  if (appends.value.status !== 'Succeeded' || appends.value.outputs.count !== ITEMS) throw new Error(`read-then-append run is wrong: ${appends.value.status} ${JSON.stringify(appends.value.outputs)}`);
  printComparison(`read length(variables('list')) then append (${ITEMS} items, ${appends.measurement.ops} actions)`, appends.measurement, byHand.measurement);
  printFigure('  read-then-append', `engine takes ${(appends.measurement.ms / byHand.measurement.ms).toFixed(1)}x the hand-written time (linear: no copy of the array per append)`);

  // Memory kept by one run's history: heap plus array buffers (the history keeps its number
  // columns in typed arrays, outside the heap), with the run's result held, then released; full
  // collections and a pause (buffers are freed after the collection) before each reading.
  const held = async () => {
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 50));
    collectGarbage();
    const usage = process.memoryUsage();
    return usage.heapUsed + usage.arrayBuffers;
  };
  let kept: RunResult | undefined = await runFlow({ definition: definition(undefined), clock: new FakeClock('2024-01-01T00:00:00Z') });
  const actions = kept.history.size;
  const withHistory = await held();
  kept = undefined;
  const withoutHistory = await held();
  printFigure('history memory', `${((withHistory - withoutHistory) / 1024 / 1024).toFixed(0)} MB of heap and array buffers kept by the history of one ${actions}-action run (goal <= 300 MB)`);
  const usage = process.memoryUsage();
  printFigure('peak memory (max RSS of the process)', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (heap now ${(usage.heapUsed / 1024 / 1024).toFixed(0)} MB; goal: history of a 100k-action run <= 300 MB)`);
}

/** The evaluation context of a hand-written baseline: what the loop binds, nothing else. */
function handWrittenContext(bound: Partial<EvaluationContext>): EvaluationContext {
  return {
    now: () => new Date(0),
    parameter: () => undefined,
    hasParameter: () => false,
    variable: () => undefined,
    hasVariable: () => false,
    action: () => undefined,
    trigger: () => undefined,
    item: () => undefined,
    items: () => undefined,
    iterationIndexes: () => undefined,
    result: () => undefined,
    workflow: () => ({}),
    ...bound,
  };
}
