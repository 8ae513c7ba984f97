import type { ActionRecord, RunStatus } from '../../expressions/context.js';

/** One retry of an action: when it was sent, what came back, how long the engine waited before it. */
export interface RetryAttempt {
  /** Start of the attempt that failed and was retried (ms since epoch). */
  start: number;
  end: number;
  statusCode?: number;
  /** Error code of that attempt (`TooManyRequests`, `ServiceUnavailable`, `RequestTimeout`...). */
  code?: string;
  /** Milliseconds waited before the next attempt (policy interval or Retry-After). */
  waitMs: number;
}

export interface ActionError {
  code: string;
  message: string;
}

/**
 * The record of one action run (or one repetition of an action inside loops). It is the record the
 * expression functions see (`actions('X')`, `body('X')`, `result('Scope')`), and the run history
 * entry. Times are kept as numbers and turned into ISO strings only when read, which keeps a
 * 100k-action history small and fast.
 */
export class ActionRun implements ActionRecord {
  status: RunStatus = 'Running';
  inputs?: unknown;
  outputs?: unknown;
  error?: ActionError;
  code?: string;
  end: number;
  retries?: RetryAttempt[];
  /** Ids of child runs started by this action (Workflow action). */
  childRunId?: string;
  /** Whether inputs / outputs are secured (`runtimeConfiguration.secureData`): masked in history. */
  secureInputs = false;
  secureOutputs = false;
  trackingId?: string;
  clientTrackingId?: string;

  constructor(
    readonly name: string,
    readonly type: string,
    public start: number,
    /** Item indexes of the enclosing Foreach/Until loops, outermost first; undefined at top level. */
    readonly repetition: readonly number[] | undefined,
  ) {
    this.end = start;
  }

  get startTime(): string {
    return new Date(this.start).toISOString();
  }

  get endTime(): string {
    return new Date(this.end).toISOString();
  }

  /** The `actions('X')` / `result()` item shape. */
  toRecord(): ActionRecord {
    const record: ActionRecord = { name: this.name, inputs: this.inputs, outputs: this.outputs, startTime: this.startTime, endTime: this.endTime, status: this.status, code: this.code ?? codeForStatus(this.status) };
    if (this.trackingId) record.trackingId = this.trackingId;
    if (this.clientTrackingId) record.clientTrackingId = this.clientTrackingId;
    if (this.error) record.error = this.error;
    return record;
  }
}

/** The `code` Logic Apps shows for a status when the action set none. */
export function codeForStatus(status: RunStatus): string {
  switch (status) {
    case 'Succeeded':
      return 'OK';
    case 'Skipped':
      return 'ActionSkipped';
    case 'TimedOut':
      return 'ActionTimedOut';
    case 'Cancelled':
      return 'Cancelled';
    default:
      return 'ActionFailed';
  }
}
