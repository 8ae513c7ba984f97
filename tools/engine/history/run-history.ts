import type { RunStatus } from '../../expressions/context.js';
import { ActionRun, type ActionError, type RecordExtras } from './action-run.js';
import { ChunkedColumn } from './columns.js';
import { ValueColumn } from './value-column.js';
import { RecordRows } from './record-rows.js';
import { AS_IS, APPEND_VARIABLE, CONDITION_FALSE, CONDITION_TRUE, EXPRESSION_FALSE, EXPRESSION_TRUE, NOT_TAKEN, SAME, SET_VARIABLE, SKIPPED_EXTRAS, shapeOf } from './record-shape.js';
import { RUN_STATUSES, statusNumber } from '../run-after/status-numbers.js';

/**
 * How much a history keeps: `full` every record's inputs and outputs; `outline` everything else
 * (name, type, status, times, repetition, retries, error, child-run links, the run's outputs) but
 * no action inputs/outputs once `onActionComplete` has seen them: a long simulation then does not
 * keep every payload alive.
 */
export type HistoryDetail = 'full' | 'outline';

export interface HistoryOptions {
  detail?: HistoryDetail;
  /** Called once per finished (or skipped) action record, inputs and outputs still present. */
  onActionComplete?: (record: ActionRun, run: RunHistory) => void;
  /**
   * false: every loop iteration makes fresh record objects (no pooled frames, context/frame-pool.ts).
   * The history is the same either way; tests compare the two.
   */
  reuseRecords?: boolean;
  /**
   * false: loop bodies run through the general path even when they could run compiled
   * (tools/engine/compiled/). The history is the same either way; tests compare the two.
   */
  compiledLoops?: boolean;
}

/**
 * Everything one run did, in the order it happened: the trigger, every action record (each loop
 * repetition is its own record with its `repetition` indexes), and the child runs it started.
 * Records hold references to the values the run produced; nothing is copied while running.
 *
 * The records are kept in columns (one per field; see columns.ts), not as one object per action
 * run: a 100k-iteration loop then keeps a few typed arrays and value chunks alive instead of 300k
 * record objects, which the garbage collector would copy from generation to generation (that cost
 * was most of a long loop's time). `records` builds the record objects when someone reads them.
 */
export class RunHistory {
  readonly childRuns: RunHistory[] = [];
  status: RunStatus = 'Running';
  error: ActionError | undefined;
  trigger: ActionRun | undefined;
  start = 0;
  end = 0;
  outputs: Record<string, unknown> | undefined;
  response: unknown;

  /** How many records the history holds (finished or still running). */
  private count = 0;
  private readonly rows = new RecordRows();
  /** The action table: a record's row holds its key, the key its name and type. */
  private readonly keys = new Map<string, number>();
  private readonly keyNames: string[] = [];
  private readonly keyTypes: string[] = [];
  /** The variable each variable action names (by key); a record naming another keeps it in outputValues. */
  private readonly variableNames: Array<string | undefined> = [];
  /** The shared error of each action's NOT_TAKEN records, by key. */
  private readonly notTakenErrors: Array<ActionError | undefined> = [];
  /** Loop indexes of records nested in more than one loop (their row says NESTED). */
  private readonly nested = new Map<number, readonly number[]>();
  /** Inputs (or a variable action's value); outputs (or a variable action's name). See record-shape.ts. */
  private readonly inputs = new ValueColumn();
  private readonly outputValues = new ValueColumn();
  private readonly errors = new ChunkedColumn<ActionError>();
  private readonly extras = new ChunkedColumn<RecordExtras>();
  /**
   * Records still running, in no order (each knows its place here: `liveAt`): read from the live
   * object until they are stored. A few at a time (the containers around the running action, the
   * waiting actions of a concurrent loop), so a list, not a column as long as the history.
   */
  private readonly live: ActionRun[] = [];
  private built: ActionRun[] | undefined;

  constructor(
    readonly runId: string,
    readonly workflowName: string,
    readonly workflowId: string | undefined,
    /** The run that started this one (child flows), with the action that called it. */
    readonly parent: { runId: string; action: string } | undefined,
    readonly options: HistoryOptions = {},
  ) {
    this.outline = options.detail === 'outline';
    this.onActionComplete = options.onActionComplete;
  }

  private readonly outline: boolean;
  private readonly onActionComplete: HistoryOptions['onActionComplete'];

  /** Whether loops may reuse record objects (context/frame-pool.ts): not when a callback receives them and may keep them. */
  get pooling(): boolean {
    return this.onActionComplete === undefined && this.options.reuseRecords !== false;
  }

  /** Whether loops may run their bodies compiled (tools/engine/compiled/): only with pooled records. */
  get compiling(): boolean {
    return this.pooling && this.options.compiledLoops !== false;
  }

  /** A record starts: it takes the next place in run order (its row is written when it is stored). */
  add(record: ActionRun): void {
    this.reserve(record);
    record.liveAt = this.live.push(record) - 1;
  }

  /**
   * A record that will be stored before anything else happens in the run (a skip, an action that
   * runs synchronously now) takes its place without being listed as running.
   */
  reserve(record: ActionRun): void {
    record.historyIndex = this.count++;
    this.built = undefined;
  }

  /** A reserved record turned out to take a while (its action went asynchronous): listed as running until stored. */
  keepLive(record: ActionRun): void {
    if (record.historyIndex >= 0 && record.liveAt < 0) record.liveAt = this.live.push(record) - 1;
  }

  /** add + store: a record final the moment it starts (a Skipped one). */
  addFinished(record: ActionRun): void {
    this.reserve(record);
    this.store(record);
  }

  /** A record is final (finished or skipped): its fields go into the rows and value columns. Once. */
  store(record: ActionRun): void {
    const index = record.historyIndex;
    if (index < 0) return;
    record.historyIndex = -1;
    if (record.liveAt >= 0) this.unlist(record);
    this.onActionComplete?.(record, this);
    this.built = undefined;
    const key = this.keyOf(record);
    const loopIndex = this.loopIndexOf(index, record.repetition);
    const extras = record.extrasForHistory();
    let shape = shapeOf(record, extras);
    if ((shape === SET_VARIABLE || shape === APPEND_VARIABLE) && typeof (record.inputs as { name: unknown }).name !== 'string') shape = AS_IS;
    if (shape === NOT_TAKEN) {
      const shared = this.notTakenErrors[key];
      if (shared === undefined) this.notTakenErrors[key] = record.error;
      else if (shared !== record.error) shape = AS_IS;
    }
    this.rows.write(index, key, statusNumber(record.status), this.outline ? AS_IS : shape, loopIndex, record);
    if (shape !== NOT_TAKEN) {
      if (record.error !== undefined) this.errors.set(index, record.error);
      if (extras !== undefined) this.extras.set(index, this.outline && extras.resultRecords ? { ...extras, resultRecords: undefined } : extras);
    } else if (this.outline) {
      this.errors.set(index, record.error as ActionError);
      this.extras.set(index, extras as RecordExtras);
    }
    // In outline nothing of the payloads stays: not even the records `result()` read during the run.
    if (this.outline) return;
    if (shape === SET_VARIABLE || shape === APPEND_VARIABLE) {
      const inputs = record.inputs as { name: string; value: unknown };
      if (inputs.value !== undefined) this.inputs.set(index, inputs.value);
      // An action names the same variable every time: the name is kept once per action unless it changes.
      const usual = (this.variableNames[key] ??= inputs.name);
      if (inputs.name !== usual) this.outputValues.set(index, inputs.name);
      return;
    }
    if (shape === CONDITION_TRUE || shape === CONDITION_FALSE) return;
    // Unwritten entries read as undefined: most records have no outputs, skipped ones no inputs.
    if (record.inputs !== undefined) this.inputs.set(index, record.inputs);
    if (shape === AS_IS && record.outputs !== undefined) this.outputValues.set(index, record.outputs);
  }

  /**
   * store() for the common records of a compiled loop body (tools/engine/compiled/), whose shape
   * the step knows, one method per shape so that each stays small and monomorphic. Only for a
   * record not listed as running, without extras or an error of its own (NOT_TAKEN: its action's
   * shared error), in a history of full detail (`keepsShortcuts`), starting and ending at the
   * loop's time (enterCompiledLoop).
   *
   * A Compose that succeeded: `value` its inputs and outputs (SAME).
   */
  storeSame(record: ActionRun, value: unknown): void {
    const index = this.takeIndex(record);
    this.rows.writeAtLoopTime(index, this.rowKey(record), rowStatus(record.status), SAME, this.rowLoopIndex(index, record.repetition));
    if (value !== undefined) this.inputs.set(index, value);
  }

  /** A variable action whose inputs were `{name, value}`, `name` a string (SET_VARIABLE: outputs `{body: inputs}`; APPEND_VARIABLE: none). */
  storeVariable(record: ActionRun, shape: typeof SET_VARIABLE | typeof APPEND_VARIABLE, name: string, value: unknown): void {
    const index = this.takeIndex(record);
    const key = this.rowKey(record);
    this.rows.writeAtLoopTime(index, key, rowStatus(record.status), shape, this.rowLoopIndex(index, record.repetition));
    if (value !== undefined) this.inputs.set(index, value);
    // An action names the same variable every time: the name is kept once per action unless it changes.
    const usual = (this.variableNames[key] ??= name);
    if (name !== usual) this.outputValues.set(index, name);
  }

  /** An If whose inputs are one of the shared EXPRESSION_TRUE / _FALSE records, no outputs. */
  storeCondition(record: ActionRun, shape: typeof CONDITION_TRUE | typeof CONDITION_FALSE): void {
    const index = this.takeIndex(record);
    this.rows.writeAtLoopTime(index, this.rowKey(record), rowStatus(record.status), shape, this.rowLoopIndex(index, record.repetition));
  }

  /** An action of a branch not taken: Skipped with its action's shared error (any other error: stored as is). */
  storeNotTaken(record: ActionRun): void {
    const key = this.rowKey(record);
    const shared = this.notTakenErrors[key];
    if (shared === undefined) this.notTakenErrors[key] = record.error;
    else if (shared !== record.error) return this.store(record);
    const index = this.takeIndex(record);
    this.rows.writeAtLoopTime(index, key, STATUS_SKIPPED, NOT_TAKEN, this.rowLoopIndex(index, record.repetition));
  }

  /** A compiled loop starts at `time`: the compiled stores (storeSame...) write its records at that time. */
  enterCompiledLoop(time: number): void {
    this.rows.atLoopTime(time);
  }

  /** The reserved place of a record being stored now. */
  private takeIndex(record: ActionRun): number {
    const index = record.historyIndex;
    record.historyIndex = -1;
    this.built = undefined;
    return index;
  }

  /** keyOf, with the key a record already has taken as it is: a record belongs to one run, and keeps its key (same action, same run). */
  private rowKey(record: ActionRun): number {
    const key = record.historyKey;
    return key >= 0 ? key : this.keyOf(record);
  }

  /** loopIndexOf, with the one-loop case inline. */
  private rowLoopIndex(index: number, repetition: readonly number[] | undefined): number {
    return repetition !== undefined && repetition.length === 1 ? (repetition[0] as number) : this.loopIndexOf(index, repetition);
  }

  /** Whether the compiled stores (storeSame...) may be used: they keep the full detail. */
  get keepsShortcuts(): boolean {
    return !this.outline;
  }

  /** The row's loop index: the one loop's index, NONE outside loops, NESTED (indexes kept on the side) inside several. */
  private loopIndexOf(index: number, repetition: readonly number[] | undefined): number {
    if (repetition === undefined) return NONE;
    if (repetition.length === 1) return repetition[0] as number;
    this.nested.set(index, repetition.slice());
    return NESTED;
  }

  /** Takes a stored record off the running list: the last one takes its place. */
  private unlist(record: ActionRun): void {
    const live = this.live;
    const last = live.pop() as ActionRun;
    if (last !== record) {
      live[record.liveAt] = last;
      last.liveAt = record.liveAt;
    }
    record.liveAt = -1;
  }

  /**
   * The record's key in the action table: cached on the record (pooled records are stored again and
   * again), else looked up by name (unique in a definition; the type is checked in case a caller
   * reuses a name across types).
   */
  private keyOf(record: ActionRun): number {
    let key = record.historyKey;
    if (key >= 0 && this.keyNames[key] === record.name && this.keyTypes[key] === record.type) return key;
    key = this.keys.get(record.name) ?? -1;
    if (key < 0 || this.keyTypes[key] !== record.type) {
      const id = `${record.type}\u0000${record.name}`;
      key = this.keys.get(id) ?? -1;
      if (key < 0) {
        key = this.keyNames.length;
        this.keyNames.push(record.name);
        this.keyTypes.push(record.type);
        if (!this.keys.has(record.name)) this.keys.set(record.name, key);
        this.keys.set(id, key);
      }
    }
    record.historyKey = key;
    return key;
  }

  get size(): number {
    return this.count;
  }

  /** The action records in run order (built on first read after a change). */
  get records(): ActionRun[] {
    if (this.built) return this.built;
    const records = new Array<ActionRun>(this.count);
    for (const running of this.live) records[running.historyIndex] = running;
    for (let i = 0; i < records.length; i++) {
      if (records[i] !== undefined) continue;
      const rows = this.rows;
      const key = rows.key(i);
      const loopIndex = rows.loopIndex(i);
      const repetition = loopIndex === NONE ? undefined : loopIndex === NESTED ? this.nested.get(i) : [loopIndex];
      const record = new ActionRun(this.keyNames[key] as string, this.keyTypes[key] as string, rows.start(i), repetition);
      record.status = RUN_STATUSES[rows.status(i)] as RunStatus;
      record.end = rows.end(i);
      const shape = rows.shape(i);
      if (shape === NOT_TAKEN) {
        record.error = this.notTakenErrors[key];
        record.restoreExtras(SKIPPED_EXTRAS);
      } else {
        record.error = this.errors.get(i);
        record.restoreExtras(this.extras.get(i));
        const inputs = this.inputs.get(i);
        if (shape === AS_IS) {
          record.inputs = inputs;
          record.outputs = this.outputValues.get(i);
        } else if (shape === SAME) {
          record.inputs = inputs;
          record.outputs = inputs;
        } else if (shape === CONDITION_TRUE || shape === CONDITION_FALSE) {
          record.inputs = shape === CONDITION_TRUE ? EXPRESSION_TRUE : EXPRESSION_FALSE;
        } else {
          const named = { name: this.outputValues.get(i) ?? this.variableNames[key], value: inputs };
          record.inputs = named;
          if (shape === SET_VARIABLE) record.outputs = { body: named };
        }
      }
      record.historyIndex = i;
      records[i] = record;
    }
    this.built = records;
    return records;
  }
}

const NONE = -1;
const NESTED = -2;
const STATUS_SKIPPED = statusNumber('Skipped');
const STATUS_SUCCEEDED = statusNumber('Succeeded');

/** statusNumber with the compiled stores' usual answer first. */
function rowStatus(status: string): number {
  return status === 'Succeeded' ? STATUS_SUCCEEDED : statusNumber(status);
}
