/**
 * WDL expression evaluation: typical flow expressions, pre-compiled, against the same mix through
 * `adaptive-expressions` (the Bot Framework expression engine, the closest npm peer), pre-parsed,
 * in the same run. Goal: >= 3x the peer, >= 3M evals/s for simple property access and concat.
 */
import { Expression } from 'adaptive-expressions';
import { compileExpression, createMemoryContext, type CompiledExpression } from '../tools/expressions/index.js';
import { measure, printComparison, printFigure, formatRate } from './harness.js';

const data = {
  parameters: { name: 'Contoso', 'Tenant ID': 'contoso.onmicrosoft.com' },
  variables: { n: 3, total: 120, ts: '2024-01-31T08:00:00.000Z' },
  actions: { Get_items: { outputs: { statusCode: 200, body: { value: [{ id: 1, title: 'a' }, { id: 2, title: 'b' }, { id: 3, title: 'c' }] } } } },
  trigger: { outputs: { body: { contentUri: 'https://manage.office.com/api/v1.0/x/activity/feed/audit/1', present: 'yes' } } },
};
const ctx = createMemoryContext(data);
/** The same data as adaptive-expressions memory: property paths instead of workflow functions. */
const memory = {
  parameters: data.parameters,
  variables: data.variables,
  actions: data.actions,
  trigger: data.trigger,
};

interface Pair {
  name: string;
  wdl: string;
  adaptive: string;
  simple?: boolean;
}

const mix: Pair[] = [
  { name: 'property', wdl: "body('Get_items')?['value']", adaptive: 'actions.Get_items.outputs.body.value', simple: true },
  { name: 'concat', wdl: "concat(parameters('name'), ' - ', variables('n'))", adaptive: "concat(parameters.name, ' - ', variables.n)", simple: true },
  // Inputs come from variables: calls on literals only are folded at compile time and would measure nothing.
  { name: 'formatDateTime', wdl: "formatDateTime(variables('ts'), 'yyyy-MM-dd')", adaptive: "formatDateTime(variables.ts, 'yyyy-MM-dd')" },
  // adaptive-expressions wants milliseconds in its timestamps and prints 3 fraction digits (WDL: 7).
  { name: 'addDays', wdl: "addDays(variables('ts'), 7)", adaptive: 'addDays(variables.ts, 7)' },
  { name: 'equals/if', wdl: "if(equals(variables('n'), 3), 'three', 'other')", adaptive: "if(equals(variables.n, 3), 'three', 'other')" },
  { name: 'length', wdl: "length(body('Get_items')?['value'])", adaptive: 'count(actions.Get_items.outputs.body.value)' },
  { name: 'coalesce', wdl: "coalesce(triggerBody()?['missing'], 'default')", adaptive: "coalesce(trigger.outputs.body.missing, 'default')" },
];

const BATCH = 10_000;

function ours(compiled: CompiledExpression[]): () => void {
  return () => {
    for (let i = 0; i < BATCH; i++) compiled[i % compiled.length]!(ctx);
  };
}

function peer(parsed: Expression[]): () => void {
  return () => {
    for (let i = 0; i < BATCH; i++) {
      const { error } = parsed[i % parsed.length]!.tryEvaluate(memory);
      if (error) throw new Error(error);
    }
  };
}

export async function run(): Promise<void> {
  // Same answers first: a benchmark of different work would be meaningless.
  for (const pair of mix) {
    const a = JSON.stringify(compileExpression(pair.wdl)(ctx));
    const b = JSON.stringify(Expression.parse(pair.adaptive).tryEvaluate(memory).value);
    if (pair.name !== 'addDays' && a !== b) throw new Error(`${pair.name}: ppkit ${a} vs adaptive-expressions ${b}`);
  }
  const options = { opsPerCall: BATCH, minMs: 600 };
  const simple = mix.filter((pair) => pair.simple);
  // CPU time too: on a shared machine the wall-clock rate mostly measures the other processes.
  const cpuBefore = process.cpuUsage();
  const simpleRate = await measure('ppkit property+concat', ours(simple.map((pair) => compileExpression(pair.wdl))), options);
  const cpu = process.cpuUsage(cpuBefore);
  const simplePerCpuSecond = simpleRate.ops / ((cpu.user + cpu.system) / 1e6);
  let oursTotal = 0;
  let peerTotal = 0;
  for (const pair of mix) {
    const a = await measure(`ppkit ${pair.name}`, ours([compileExpression(pair.wdl)]), options);
    const b = await measure(`adaptive-expressions ${pair.name}`, peer([Expression.parse(pair.adaptive)]), options);
    printComparison(`expr ${pair.name}`, a, b);
    oursTotal += 1 / a.perSecond;
    peerTotal += 1 / b.perSecond;
  }
  const mixed = await measure('ppkit mix', ours(mix.map((pair) => compileExpression(pair.wdl))), options);
  const mixedPeer = await measure('adaptive-expressions mix', peer(mix.map((pair) => Expression.parse(pair.adaptive))), options);
  printComparison('expr mix (round robin, pre-compiled)', mixed, mixedPeer);
  printFigure('expr simple property/concat evals/s (goal >= 3M)', `${formatRate(simpleRate.perSecond)} wall clock, ${formatRate(simplePerCpuSecond)} per CPU second`);
  printFigure('expr mix ratio from per-expression times (harmonic)', `${(peerTotal / oursTotal).toFixed(2)}x`);
  let unique = 0;
  const parseOnly = await measure('ppkit parse+compile (uncached)', () => {
    for (let i = 0; i < 1000; i++) compileExpression(`concat(parameters('name'), '${unique++}')`);
  }, { opsPerCall: 1000, minMs: 300 });
  printFigure('expr compile of a new expression', formatRate(parseOnly.perSecond));
}
