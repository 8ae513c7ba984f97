import { compileTemplate, createMemoryContext, evaluateTemplate } from '../../expressions/index.js';
import { FakeClock } from '../clock.js';
import { ConnectionResolver } from '../connectors/connections.js';
import { resolveParameters } from '../definition/parameters.js';
import type { LoadedWorkflow, TriggerDefinition } from '../definition/types.js';
import { ActionFailure, DefinitionError } from '../errors.js';
import { wdlTypeName } from '../actions/values.js';
import { resolveWorkflow, runFlow, type RunFlowOptions, type RunResult } from '../runner.js';
import { triggerTypes } from './index.js';
import { PreparedTrigger } from './split-on-item.js';

/**
 * SplitOn items per trigger firing: 100,000 (Logic Apps; Power Automate premium plans, 5,000 on the
 * others); 100 when trigger concurrency (`runtimeConfiguration.concurrency.runs`) is on. Past the
 * limit the service does not debatch ("the SplitOn capability is disabled"); here the trigger fails
 * with the limit named, so a test never silently runs an undebatched array.
 */
export const SPLIT_ON_MAX_ITEMS = 100_000;
export const SPLIT_ON_MAX_ITEMS_WITH_CONCURRENCY = 100;

/** The runs one trigger firing started: one, or one per item with `splitOn`. */
export interface TriggeredRuns {
  /** The trigger's `splitOn` expression, when it has one: then `runs` has a run per array item. */
  splitOn?: string;
  runs: RunResult[];
}

/**
 * Fires a flow's trigger once with the caller's payload and runs what it starts. Without `splitOn`
 * that is one run (runFlow). With `splitOn` ("Split On" in the trigger's settings) the expression
 * is evaluated on the trigger's outputs (`@triggerBody()?['value']`) and each array item starts
 * its own run whose `triggerBody()` is the item (`triggerOutputs()` keeps the firing's headers, its
 * body is the item); trigger conditions then apply to each item's run. The runs are independent
 * instances that the service starts at the same time: each starts at the firing's time on the
 * clock, one after the other here. `splitOnConfiguration.correlation.clientTrackingId`, evaluated
 * per item, is each run's `trigger().clientTrackingId` (else the firing's `x-ms-client-tracking-id`
 * header). When `splitOn` does not give an array, no run starts and the trigger fails as the
 * service reports it ("the result of the evaluation of 'splitOn' expression
 * ... is of type 'Null'. The result must be a valid array."): that is one Failed run with the
 * trigger's error and no actions, as other trigger failures are. An empty array starts no run.
 */
export async function runTriggered(options: RunFlowOptions): Promise<TriggeredRuns> {
  const { workflow, solutionChildren } = await resolveWorkflow(options);
  const [name, definition] = Object.entries(workflow.definition.triggers ?? {})[0] ?? [];
  if (!name || !definition || definition.splitOn === undefined) return { runs: [await runFlow({ ...options, workflow, childFlows: options.childFlows ?? solutionChildren })] };

  checkSplitOn(workflow, name, definition);
  const clock = options.clock ?? new FakeClock(options.now ?? Date.now());
  const start = clock.now();
  const shared: RunFlowOptions = {
    ...options,
    workflow,
    childFlows: options.childFlows ?? solutionChildren,
    clock,
    // Each item's run is its own instance with its own id.
    runId: undefined,
    // One resolver for every run: tokens are fetched once per firing, not once per item.
    connections: options.connections instanceof ConnectionResolver ? options.connections : new ConnectionResolver(options.connections ?? {}, options.connectionsBaseDir),
  };
  const runs: RunResult[] = [];
  let end = start;
  for (const trigger of splitTrigger(workflow, name, definition, options.trigger, start, options.parameters)) {
    clock.setTime?.(start);
    const result = await runFlow({ ...shared, trigger });
    runs.push(result);
    end = Math.max(end, Date.parse(result.endTime));
  }
  clock.setTime?.(end);
  return { splitOn: definition.splitOn, runs };
}

/** `splitOn` must be one expression string that parses; refused before anything runs. */
function checkSplitOn(workflow: LoadedWorkflow, name: string, definition: TriggerDefinition): void {
  const where = { file: workflow.file, pointer: `${workflow.definitionPointer}/triggers/${name.replace(/~/g, '~0').replace(/\//g, '~1')}/splitOn` };
  const expression = definition.splitOn as unknown;
  if (typeof expression !== 'string' || !expression.startsWith('@')) {
    throw new DefinitionError(`trigger "${name}": "splitOn" must be an expression string such as "@triggerBody()?['value']", got ${JSON.stringify(expression)}`, where);
  }
  try {
    compileTemplate(expression);
  } catch (error) {
    throw new DefinitionError(`trigger "${name}": "splitOn" ${(error as Error).message}`, where);
  }
}

/** The prepared trigger of each run the firing starts: one per item, or one failed trigger. */
function splitTrigger(workflow: LoadedWorkflow, name: string, definition: TriggerDefinition, payload: unknown, now: number, parameters: Record<string, unknown> | undefined): PreparedTrigger[] {
  const expression = definition.splitOn as string;
  const type = triggerTypes.get(definition.type.toLowerCase());
  let fired;
  try {
    fired = type ? type.fire(definition, payload, now, name) : { outputs: payload };
  } catch (error) {
    // The payload does not fit the trigger (schema): the run records that failure as usual.
    return [PreparedTrigger.failed(error)];
  }
  let items: unknown;
  let values: Record<string, unknown> = {};
  const contextFor = (outputs: unknown) => createMemoryContext({ now: new Date(now).toISOString(), trigger: { name, inputs: fired.inputs, outputs, status: 'Succeeded' }, parameters: values });
  try {
    values = Object.fromEntries(resolveParameters(workflow.definition, parameters, workflow.environmentVariables, workflow.file));
    items = evaluateTemplate(expression, contextFor(fired.outputs));
  } catch (error) {
    return [PreparedTrigger.failed(new ActionFailure('InvalidTemplate', `The execution of template trigger '${name}' failed: the evaluation of 'splitOn' expression '${expression}' failed: ${(error as Error).message}`))];
  }
  if (!Array.isArray(items)) {
    return [PreparedTrigger.failed(new ActionFailure('InvalidTemplate', `The execution of template trigger '${name}' failed: the result of the evaluation of 'splitOn' expression '${expression}' is of type '${wdlTypeName(items)}'. The result must be a valid array.`))];
  }
  const concurrent = definition.runtimeConfiguration?.concurrency?.runs !== undefined;
  const limit = concurrent ? SPLIT_ON_MAX_ITEMS_WITH_CONCURRENCY : SPLIT_ON_MAX_ITEMS;
  if (items.length > limit) {
    return [PreparedTrigger.failed(new ActionFailure('SplitOnItemsLimitExceeded', `The 'splitOn' expression '${expression}' of trigger '${name}' gave ${items.length} items; a trigger debatches at most ${limit}${concurrent ? ' when trigger concurrency is on' : ''}.`))];
  }
  const outputs = fired.outputs !== null && typeof fired.outputs === 'object' && !Array.isArray(fired.outputs) ? (fired.outputs as Record<string, unknown>) : {};
  const tracking = (definition as { splitOnConfiguration?: { correlation?: { clientTrackingId?: unknown } } }).splitOnConfiguration?.correlation?.clientTrackingId;
  const header = trackingHeader(outputs.headers);
  return items.map((item) => {
    const itemOutputs = { ...outputs, body: item };
    if (tracking === undefined) return PreparedTrigger.fired({ ...fired, outputs: itemOutputs, ...(header === undefined ? {} : { clientTrackingId: header }) });
    try {
      // splitOnConfiguration.correlation.clientTrackingId: each item's run gets its own tracking id.
      const id = evaluateTemplate(tracking, contextFor(itemOutputs));
      return PreparedTrigger.fired({ ...fired, outputs: itemOutputs, clientTrackingId: typeof id === 'string' ? id : JSON.stringify(id) });
    } catch (error) {
      return PreparedTrigger.failed(new ActionFailure('InvalidTemplate', `The execution of template trigger '${name}' failed: the evaluation of 'splitOnConfiguration.correlation.clientTrackingId' failed: ${(error as Error).message}`));
    }
  });
}

/** The caller's `x-ms-client-tracking-id` header: every run of the firing shares it. */
function trackingHeader(headers: unknown): string | undefined {
  if (headers === null || typeof headers !== 'object') return undefined;
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === 'x-ms-client-tracking-id');
  return typeof entry?.[1] === 'string' ? entry[1] : undefined;
}
