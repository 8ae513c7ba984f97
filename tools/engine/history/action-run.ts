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

/** The rarely set parts of a record, kept out of line so the common record stays small. */
export interface RecordExtras {
  code?: string;
  retries?: RetryAttempt[];
  childRunId?: string;
  secureInputs?: boolean;
  secureOutputs?: boolean;
  trackingId?: string;
  clientTrackingId?: string;
  scheduledTime?: string;
  resultRecords?: ActionRun[];
  /** `trackedProperties` evaluated after the action finished (history/tracked-properties.ts), or why they could not be. */
  trackedProperties?: unknown;
  trackedPropertiesError?: ActionError;
}

/**
 * The record of one action run (or one repetition of an action inside loops). It is the record the
 * expression functions see (`actions('X')`, `body('X')`, `result('Scope')`), and the run history
 * entry. Times are numbers turned into ISO strings only when read, and rare fields live in one
 * side object: a 100k-iteration run keeps its whole history small and cheap to collect.
 */
export class ActionRun implements ActionRecord {
  status: RunStatus = 'Running';
  inputs: unknown = undefined;
  outputs: unknown = undefined;
  error: ActionError | undefined = undefined;
  /**
   * Times in ms since 1970. Declared with a number (a field declared bare starts undefined, and V8
   * would then keep any number in it boxed: a new heap object for every time written).
   */
  start = Number.NaN;
  end = Number.NaN;
  private extras: RecordExtras | undefined = undefined;
  /** Place in the run history's order; -1 until the history takes it. */
  historyIndex = -1;
  /** How the history may keep inputs/outputs, when the action type knows (history/record-shape.ts); 0: the history looks. */
  valueShape = 0;
  /** Place in the run history's list of running records; -1 when not listed. */
  liveAt = -1;
  /** This action's key in its run history's action table, once stored (kept by `reuse`: same action, same run). */
  historyKey = -1;
  /**
   * A container's latest pass (an If/Switch/Scope branch, an Until or Foreach iteration): where a
   * later action of the same iteration finds the records nested in it. Not part of the history.
   */
  innerPass: { readonly graph: unknown; readonly slots: ReadonlyArray<ActionRun | undefined> } | undefined = undefined;

  constructor(
    readonly name: string,
    readonly type: string,
    start: number,
    /** Item indexes of the enclosing Foreach/Until loops, outermost first; undefined at top level. */
    public repetition: readonly number[] | undefined,
  ) {
    this.start = start;
    this.end = start;
  }

  /**
   * The same action's record in a new pass of a pooled frame (context/frame-pool.ts): every field
   * back to what the constructor sets. Extras are dropped, not cleared: the history keeps the old
   * extras object for the previous record.
   */
  reuse(start: number, repetition: readonly number[] | undefined): void {
    this.reset(repetition);
    this.start = start;
    this.end = start;
  }

  /**
   * reuse(), starting at a compiled loop's time (`loop.compiledLoopTime`: RunState's), read here
   * rather than passed: a time passed to a call V8 does not inline is boxed.
   */
  reuseInLoop(loop: { readonly compiledLoopTime: number }, repetition: readonly number[] | undefined): void {
    this.reset(repetition);
    this.start = loop.compiledLoopTime;
    this.end = loop.compiledLoopTime;
  }

  private reset(repetition: readonly number[] | undefined): void {
    this.status = 'Running';
    this.inputs = undefined;
    this.outputs = undefined;
    this.error = undefined;
    this.extras = undefined;
    this.historyIndex = -1;
    this.liveAt = -1;
    this.innerPass = undefined;
    this.repetition = repetition;
    this.valueShape = 0;
  }

  /** The rare fields, for the history's columns. */
  extrasForHistory(): RecordExtras | undefined {
    return this.extras;
  }

  restoreExtras(extras: RecordExtras | undefined): void {
    this.extras = extras;
  }

  private get more(): RecordExtras {
    return (this.extras ??= {});
  }

  get code(): string | undefined {
    return this.extras?.code;
  }
  set code(value: string | undefined) {
    this.more.code = value;
  }
  get retries(): RetryAttempt[] | undefined {
    return this.extras?.retries;
  }
  set retries(value: RetryAttempt[] | undefined) {
    this.more.retries = value;
  }
  get childRunId(): string | undefined {
    return this.extras?.childRunId;
  }
  set childRunId(value: string | undefined) {
    this.more.childRunId = value;
  }
  /** Whether inputs / outputs are secured (`runtimeConfiguration.secureData`): masked in history. */
  get secureInputs(): boolean {
    return this.extras?.secureInputs === true;
  }
  set secureInputs(value: boolean) {
    if (value || this.extras) this.more.secureInputs = value;
  }
  get secureOutputs(): boolean {
    return this.extras?.secureOutputs === true;
  }
  set secureOutputs(value: boolean) {
    if (value || this.extras) this.more.secureOutputs = value;
  }
  get trackingId(): string | undefined {
    return this.extras?.trackingId;
  }
  get clientTrackingId(): string | undefined {
    return this.extras?.clientTrackingId;
  }
  set clientTrackingId(value: string | undefined) {
    this.more.clientTrackingId = value;
  }
  /** Recurrence trigger: the occurrence the run is for. */
  get scheduledTime(): string | undefined {
    return this.extras?.scheduledTime;
  }
  set scheduledTime(value: string | undefined) {
    this.more.scheduledTime = value;
  }
  /** Scope/Foreach/Until: records of the top-level actions of the (last) pass, for `result()`. */
  get resultRecords(): ActionRun[] | undefined {
    return this.extras?.resultRecords;
  }
  set resultRecords(value: ActionRun[] | undefined) {
    this.more.resultRecords = value;
  }
  get trackedProperties(): unknown {
    return this.extras?.trackedProperties;
  }
  set trackedProperties(value: unknown) {
    this.more.trackedProperties = value;
  }
  get trackedPropertiesError(): ActionError | undefined {
    return this.extras?.trackedPropertiesError;
  }
  set trackedPropertiesError(value: ActionError | undefined) {
    this.more.trackedPropertiesError = value;
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
