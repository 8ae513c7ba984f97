import type { RunStatus } from '../../expressions/context.js';
import type { ActionError, ActionRun } from './action-run.js';

/**
 * Everything one run did, in the order it happened: the trigger, every action record (each loop
 * repetition is its own record with its `repetition` indexes), and the child runs it started.
 * Records hold references to the values the run produced; nothing is copied while running.
 */
export class RunHistory {
  readonly records: ActionRun[] = [];
  readonly childRuns: RunHistory[] = [];
  status: RunStatus = 'Running';
  error: ActionError | undefined;
  trigger: ActionRun | undefined;
  start = 0;
  end = 0;
  outputs: Record<string, unknown> | undefined;
  response: unknown;

  constructor(
    readonly runId: string,
    readonly workflowName: string,
    readonly workflowId: string | undefined,
    /** The run that started this one (child flows), with the action that called it. */
    readonly parent: { runId: string; action: string } | undefined,
  ) {}

  add(record: ActionRun): void {
    this.records.push(record);
  }
}
