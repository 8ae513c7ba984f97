import type { ActionRecord, EvaluationContext, RunStatus } from './context.js';
import { InputError } from '../core/errors.js';
import { isObject } from './values.js';

/**
 * Plain data for an EvaluationContext: the `ctx` of `ppkit expr eval --file` and `--context`.
 * Every key is optional.
 */
export interface MemoryContextData {
  /** ISO time for `utcNow()` and the functions that default to now; the real clock when absent. */
  now?: string;
  parameters?: Record<string, unknown>;
  variables?: Record<string, unknown>;
  /** `{name: {inputs, outputs, status, ...}}`: `body('X')` reads `outputs.body`. */
  actions?: Record<string, Partial<ActionRecord>>;
  trigger?: Partial<ActionRecord>;
  /** Current item of each Foreach loop by name (`items('Loop')`); `item()` is the last one listed unless `item` is given. */
  items?: Record<string, unknown>;
  /** Explicit `item()` (Select/Query `from`, or the innermost loop). */
  item?: unknown;
  iterationIndexes?: Record<string, number>;
  /** `result('Scope')`: records of the scope's actions. */
  results?: Record<string, Partial<ActionRecord>[]>;
  workflow?: unknown;
  callbackUrl?: string;
  /** The record `action()` returns (an action referring to itself, e.g. in trackedProperties). */
  currentAction?: Partial<ActionRecord>;
}

const KNOWN_KEYS = new Set(['now', 'parameters', 'variables', 'actions', 'trigger', 'items', 'item', 'iterationIndexes', 'results', 'workflow', 'callbackUrl', 'currentAction']);

const hasOwn = (object: object | undefined, key: string) => object !== undefined && Object.prototype.hasOwnProperty.call(object, key);

function toRecord(name: string, data: Partial<ActionRecord>): ActionRecord {
  return { ...data, name: data.name ?? name, status: (data.status ?? 'Succeeded') as RunStatus };
}

/** Checks the shape of context data read from a file; `where` names the file (and line) for errors. */
export function validateContextData(data: unknown, where: { file?: string; line?: number } = {}): MemoryContextData {
  const fail = (message: string) => new InputError(`ctx: ${message}`, where);
  if (data === undefined || data === null) return {};
  if (!isObject(data)) throw fail('expected an object with now, parameters, variables, actions, trigger, items, iterationIndexes, workflow');
  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.has(key)) throw fail(`unknown key '${key}': expected one of ${[...KNOWN_KEYS].join(', ')}`);
  }
  if (data.now !== undefined && (typeof data.now !== 'string' || Number.isNaN(Date.parse(data.now)))) throw fail("'now' must be an ISO date-time string such as 2024-01-31T08:00:00Z");
  for (const key of ['parameters', 'variables', 'actions', 'items', 'iterationIndexes', 'results'] as const) {
    if (data[key] !== undefined && !isObject(data[key])) throw fail(`'${key}' must be an object keyed by name`);
  }
  if (data.currentAction !== undefined && !isObject(data.currentAction)) throw fail("'currentAction' must be an object such as {\"name\": \"HTTP\", \"outputs\": {...}}");
  if (data.trigger !== undefined && !isObject(data.trigger)) throw fail("'trigger' must be an object such as {\"outputs\": {\"body\": ...}}");
  for (const [name, record] of Object.entries((data.actions ?? {}) as Record<string, unknown>)) {
    if (!isObject(record)) throw fail(`actions.${name} must be an object such as {"outputs": {"body": ...}, "status": "Succeeded"}`);
  }
  for (const [name, index] of Object.entries((data.iterationIndexes ?? {}) as Record<string, unknown>)) {
    if (!Number.isInteger(index)) throw fail(`iterationIndexes.${name} must be an integer`);
  }
  return data as MemoryContextData;
}

/** An EvaluationContext over plain data, for tests and the CLI. */
export function createMemoryContext(data: MemoryContextData = {}): EvaluationContext {
  const fixedNow = data.now !== undefined ? new Date(data.now) : undefined;
  // Maps: lookups by name are the hot path of every workflow function.
  const parameters = new Map(Object.entries(data.parameters ?? {}));
  const variables = new Map(Object.entries(data.variables ?? {}));
  const actions = new Map(Object.entries(data.actions ?? {}).map(([name, record]) => [name, toRecord(name, record)]));
  const trigger = data.trigger ? toRecord(data.trigger.name ?? 'manual', data.trigger) : undefined;
  const items = data.items ?? {};
  const loopNames = Object.keys(items);
  const innermost = hasOwn(data, 'item') ? data.item : loopNames.length > 0 ? items[loopNames[loopNames.length - 1]!] : undefined;
  const results = data.results ?? {};
  const currentAction = data.currentAction ? toRecord(data.currentAction.name ?? 'action', data.currentAction) : undefined;
  return {
    now: () => (fixedNow ? new Date(fixedNow.getTime()) : new Date()),
    parameter: (name) => parameters.get(name),
    hasParameter: (name) => parameters.has(name),
    variable: (name) => variables.get(name),
    hasVariable: (name) => variables.has(name),
    action: (name) => actions.get(name),
    trigger: () => trigger,
    item: () => innermost,
    items: (loop) => (hasOwn(items, loop) ? items[loop] : undefined),
    iterationIndexes: (loop) => data.iterationIndexes?.[loop],
    result: (scope) => (hasOwn(results, scope) ? results[scope]!.map((record, i) => toRecord(record.name ?? `action${i}`, record)) : undefined),
    workflow: () =>
      data.workflow ?? {
        id: '/workflows/local',
        name: 'local',
        type: 'Microsoft.Logic/workflows',
        location: 'local',
        run: { id: '/workflows/local/runs/local', name: 'local', type: 'Microsoft.Logic/workflows/runs' },
        tags: {},
      },
    callbackUrl: () => data.callbackUrl,
    currentAction: () => currentAction,
  };
}
