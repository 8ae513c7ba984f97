import type { RunStatus } from '../../expressions/context.js';
import { ActionRun, type ActionError, type RecordExtras } from './action-run.js';
import { ChunkedColumn, NumberColumn } from './columns.js';
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
  private readonly names = new ChunkedColumn<string>();
  private readonly types = new ChunkedColumn<string>();
  private readonly statuses = new NumberColumn((n) => new Uint8Array(n));
  private readonly starts = new NumberColumn((n) => new Float64Array(n));
  private readonly ends = new NumberColumn((n) => new Float64Array(n));
  /** A single loop index (>= 0), NONE outside loops, NESTED when `nested` holds the indexes. */
  private readonly loopIndexes = new NumberColumn((n) => new Int32Array(n));
  private readonly nested = new Map<number, readonly number[]>();
  /** How the inputs/outputs columns are stored: 0 as is, else a variable action's `{name, value}` (see variableShape). */
  private readonly shapes = new NumberColumn((n) => new Uint8Array(n));
  private readonly variableNames = new ChunkedColumn<unknown>();
  private readonly inputs = new ChunkedColumn<unknown>();
  private readonly outputValues = new ChunkedColumn<unknown>();
  private readonly errors = new Map<number, ActionError>();
  private readonly extras = new Map<number, RecordExtras>();
  /** Records still running: read from the live object until they are stored. */
  private readonly live = new ChunkedColumn<ActionRun>();
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

  /** A record starts: it takes the next place in run order (columns are written when it is stored). */
  add(record: ActionRun): void {
    const index = this.count++;
    record.historyIndex = index;
    this.live.set(index, record);
    this.built = undefined;
  }

  /** A record is final (finished or skipped): its fields go into the columns. */
  store(record: ActionRun): void {
    const index = record.historyIndex;
    if (index < 0 || this.live.get(index) !== record) return;
    this.live.set(index, undefined);
    this.names.set(index, record.name);
    this.types.set(index, record.type);
    this.statuses.set(index, statusNumber(record.status));
    this.starts.set(index, record.start);
    this.ends.set(index, record.end);
    const repetition = record.repetition;
    if (repetition === undefined) this.loopIndexes.set(index, NONE);
    else if (repetition.length === 1) this.loopIndexes.set(index, repetition[0] as number);
    else {
      this.loopIndexes.set(index, NESTED);
      this.nested.set(index, repetition);
    }
    this.onActionComplete?.(record, this);
    if (record.error) this.errors.set(index, record.error);
    const extras = record.extrasForHistory();
    this.built = undefined;
    if (this.outline) {
      // Nothing of the payloads stays: not even the records `result()` read during the run.
      if (extras) this.extras.set(index, extras.resultRecords ? { ...extras, resultRecords: undefined } : extras);
      return;
    }
    if (extras) this.extras.set(index, extras);
    const shape = variableShape(record);
    if (shape === 0) {
      this.inputs.set(index, record.inputs);
      this.outputValues.set(index, record.outputs);
    } else {
      // Only the value is kept; `{name, value}` (and SetVariable's `{body: ...}`) is rebuilt on read.
      this.shapes.set(index, shape);
      const inputs = record.inputs as { name: unknown; value: unknown };
      this.variableNames.set(index, inputs.name);
      this.inputs.set(index, inputs.value);
    }
  }

  get size(): number {
    return this.count;
  }

  /** The action records in run order (built on first read after a change). */
  get records(): ActionRun[] {
    if (this.built) return this.built;
    const records = new Array<ActionRun>(this.count);
    for (let i = 0; i < records.length; i++) {
      const running = this.live.get(i);
      if (running) {
        records[i] = running;
        continue;
      }
      const loopIndex = this.loopIndexes.get(i);
      const repetition = loopIndex === NONE ? undefined : loopIndex === NESTED ? this.nested.get(i) : [loopIndex];
      const record = new ActionRun(this.names.get(i) as string, this.types.get(i) as string, this.starts.get(i), repetition);
      record.status = RUN_STATUSES[this.statuses.get(i)] as RunStatus;
      record.end = this.ends.get(i);
      const shape = this.shapes.get(i);
      if (shape === 0) {
        record.inputs = this.inputs.get(i);
        record.outputs = this.outputValues.get(i);
      } else {
        const inputs = { name: this.variableNames.get(i), value: this.inputs.get(i) };
        record.inputs = inputs;
        if (shape === SET_VARIABLE) record.outputs = { body: inputs };
      }
      record.error = this.errors.get(i);
      record.restoreExtras(this.extras.get(i));
      record.historyIndex = i;
      records[i] = record;
    }
    this.built = records;
    return records;
  }
}

const NONE = -1;
const NESTED = -2;
const SET_VARIABLE = 1;
const APPEND_VARIABLE = 2;

/**
 * SetVariable records `{name, value}` as inputs and `{body: inputs}` as outputs; the Append
 * actions `{name, value}` and no outputs. In a long loop these small objects are most of what a
 * history keeps alive, so the columns keep the value alone.
 */
function variableShape(record: ActionRun): number {
  const type = record.type;
  const kind = type === 'SetVariable' ? SET_VARIABLE : type === 'AppendToArrayVariable' || type === 'AppendToStringVariable' ? APPEND_VARIABLE : 0;
  if (kind === 0 || record.error) return 0;
  const inputs = record.inputs as { name?: unknown; value?: unknown } | undefined;
  if (inputs === null || typeof inputs !== 'object' || Object.getPrototypeOf(inputs) !== Object.prototype) return 0;
  let keys = 0;
  for (const key in inputs) {
    if (key !== 'name' && key !== 'value') return 0;
    keys++;
  }
  if (keys !== 2 || !Object.prototype.hasOwnProperty.call(inputs, 'name') || !Object.prototype.hasOwnProperty.call(inputs, 'value')) return 0;
  const outputs = record.outputs as { body?: unknown } | undefined;
  if (kind === SET_VARIABLE) {
    if (outputs === null || typeof outputs !== 'object') return 0;
    let outputKeys = 0;
    for (const key in outputs) {
      if (key !== 'body') return 0;
      outputKeys++;
    }
    return outputKeys === 1 && outputs.body === inputs ? SET_VARIABLE : 0;
  }
  return outputs === undefined ? APPEND_VARIABLE : 0;
}
