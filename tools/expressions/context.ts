/**
 * What the workflow functions (`parameters`, `variables`, `body`, `outputs`, `actions`, `trigger`,
 * `item`, `items`, `iterationIndexes`, `result`, `workflow`, `utcNow`...) read at evaluation time.
 * The flow engine implements it over a run; `createMemoryContext` (memory-context.ts) implements it
 * over plain data for tests and for `ppkit expr eval --context`.
 *
 * This interface is the contract between tools/expressions and tools/engine: change it in one
 * commit with both sides.
 */

/** Status of an action or trigger as the run history shows it. */
export type RunStatus = 'Succeeded' | 'Failed' | 'Skipped' | 'TimedOut' | 'Cancelled' | 'Aborted' | 'Running' | 'Waiting';

/**
 * One action's (or the trigger's) record, shaped like what `actions('X')` / `trigger()` return in
 * Logic Apps: `body('X')` is `outputs.body`, `outputs('X')` is `outputs`.
 */
export interface ActionRecord {
  name: string;
  status: RunStatus;
  inputs?: unknown;
  outputs?: unknown;
  startTime?: string;
  endTime?: string;
  /** `{code, message}` when the action failed. */
  error?: unknown;
  code?: string;
  trackingId?: string;
  clientTrackingId?: string;
  /** Recurrence trigger: the occurrence the run is for (`trigger()['scheduledTime']`). */
  scheduledTime?: string;
}

export interface EvaluationContext {
  /** The clock: `utcNow()` and the date helpers that default to now. The engine passes its fake clock. */
  now(): Date;
  /** `parameters('name')`: throws or returns undefined when missing (the function reports the error). */
  parameter(name: string): unknown;
  /** Whether a parameter exists, so a missing one and a null one can be told apart. */
  hasParameter(name: string): boolean;
  /** `variables('name')` */
  variable(name: string): unknown;
  hasVariable(name: string): boolean;
  /** `actions('X')`, `body('X')`, `outputs('X')`: undefined when X has not run (or does not exist). */
  action(name: string): ActionRecord | undefined;
  /** `trigger()`, `triggerBody()`, `triggerOutputs()`. */
  trigger(): ActionRecord | undefined;
  /** `item()`: the current item of the innermost repeating action (Foreach, or Select/Query `from`). */
  item(): unknown;
  /** `items('Loop')`: the current item of the named Foreach. */
  items(loopName: string): unknown;
  /** `iterationIndexes('Loop')`: the current 0-based index of the named Until loop. */
  iterationIndexes(loopName: string): number | undefined;
  /** `result('Scope')`: records of the scope's top-level actions (for Foreach/Until: of the last iteration). */
  result(scopeName: string): ActionRecord[] | undefined;
  /** `workflow()`: `{id, name, type, location, run: {id, name, type}, tags}`. */
  workflow(): unknown;
  /** `listCallbackUrl()` on a Request trigger; undefined elsewhere. */
  callbackUrl?(): string | undefined;
  /**
   * `action()`: the record of the action whose inputs or outputs are being evaluated (only inside
   * `runtimeConfiguration`/`trackedProperties`-style settings). Optional: undefined when there is none.
   */
  currentAction?(): ActionRecord | undefined;
}
