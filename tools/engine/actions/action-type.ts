import type { RunStatus } from '../../expressions/context.js';
import type { ActionDefinition } from '../definition/types.js';
import type { ActionError } from '../history/action-run.js';
import type { ActionExecution } from '../run-action.js';

/** The actions a container holds: `actions`, `else.actions`, `cases.<c>.actions`, `default.actions`. */
export interface Branch {
  /** Key the handler asks for at run time (`actions`, `else`, `case:Yes`, `default`). */
  key: string;
  /** JSON path of the action map, relative to the container action. */
  path: readonly (string | number)[];
  actions: Record<string, ActionDefinition>;
}

/** What an action produced. `status` defaults to Succeeded. */
export interface Outcome {
  status?: RunStatus;
  inputs?: unknown;
  outputs?: unknown;
  error?: ActionError;
  code?: string;
}

/**
 * A finished outcome. Built through here so every outcome has the same shape: the runner reads
 * them in its hottest loop, where one object shape keeps property access fast.
 */
export function outcome(inputs: unknown, outputs?: unknown, status: RunStatus = 'Succeeded', error?: ActionError): Outcome {
  return { status, inputs, outputs, error, code: undefined };
}

/**
 * What a synchronous action type returns after writing its result straight into the record
 * (`ActionExecution.succeeded`): the hottest actions (Compose, variables) then make no outcome object.
 */
export const RECORDED: Outcome = Object.freeze({ status: 'Succeeded', inputs: undefined, outputs: undefined, error: undefined, code: undefined });

export type Report = (message: string, path?: readonly (string | number)[]) => void;

/**
 * One action type of the Workflow Definition Language. Each lives in its own file and is listed in
 * actions/index.ts. `run` may return synchronously: most actions do, and the runner only awaits
 * when it gets a promise.
 */
export interface ActionType {
  /** The `type` as exported (`Compose`, `OpenApiConnection`); matched case-insensitively. */
  readonly type: string;
  /** Containers run other actions and never hold a concurrency turn themselves. */
  readonly container?: boolean;
  branches?(definition: ActionDefinition): Branch[];
  /** Static checks of this type's shape, run before anything executes. */
  validate?(definition: ActionDefinition, report: Report): void;
  run(execution: ActionExecution): Outcome | PromiseLike<Outcome>;
}
