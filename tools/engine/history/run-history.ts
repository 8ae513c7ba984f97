import type { RunStatus } from '../../expressions/context.js';
import { ActionRun, type ActionError, type RecordExtras } from './action-run.js';

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
 * The records are kept in columns (one array per field), not as one object per action run: a
 * 100k-iteration loop then keeps a few large arrays alive instead of 300k record objects, which
 * the garbage collector would copy from generation to generation (that cost was most of a long
 * loop's time). `records` builds the record objects when someone reads them.
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

  private readonly names: string[] = [];
  private readonly types: string[] = [];
  private readonly statuses: RunStatus[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** A single loop index is kept as a number (no array per iteration survives the run). */
  private readonly repetitions: Array<readonly number[] | number | undefined> = [];
  /** How the inputs/outputs columns are stored: 0 as is, else a variable action's `{name, value}` (see VARIABLE_SHAPES). */
  private readonly shapes: number[] = [];
  private readonly variableNames: unknown[] = [];
  private readonly inputs: unknown[] = [];
  private readonly outputValues: unknown[] = [];
  private readonly errors = new Map<number, ActionError>();
  private readonly extras = new Map<number, RecordExtras>();
  /** Records still running: read from the live object until they are stored. */
  private readonly live: Array<ActionRun | undefined> = [];
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
    record.historyIndex = this.live.length;
    this.live.push(record);
    // Every column gets its place now: containers are stored after their children, and a write
    // past the end of an array is far slower than one inside it.
    this.names.push(record.name);
    this.types.push(record.type);
    this.statuses.push(record.status);
    this.starts.push(record.start);
    this.ends.push(record.end);
    this.repetitions.push(undefined);
    this.shapes.push(0);
    this.variableNames.push(undefined);
    this.inputs.push(undefined);
    this.outputValues.push(undefined);
    this.built = undefined;
  }

  /** A record is final (finished or skipped): its fields go into the columns. */
  store(record: ActionRun): void {
    const index = record.historyIndex;
    if (index < 0 || this.live[index] !== record) return;
    this.live[index] = undefined;
    this.statuses[index] = record.status;
    this.starts[index] = record.start;
    this.ends[index] = record.end;
    const repetition = record.repetition;
    this.repetitions[index] = repetition !== undefined && repetition.length === 1 ? repetition[0] : repetition;
    this.onActionComplete?.(record, this);
    if (record.error) this.errors.set(index, record.error);
    const extras = record.extrasForHistory();
    if (this.outline) {
      // Nothing of the payloads stays: not even the records `result()` read during the run.
      if (extras) this.extras.set(index, extras.resultRecords ? { ...extras, resultRecords: undefined } : extras);
      this.built = undefined;
      return;
    }
    if (extras) this.extras.set(index, extras);
    const shape = variableShape(record);
    this.shapes[index] = shape;
    if (shape === 0) {
      this.inputs[index] = record.inputs;
      this.outputValues[index] = record.outputs;
    } else {
      // Only the value is kept; `{name, value}` (and SetVariable's `{body: ...}`) is rebuilt on read.
      const inputs = record.inputs as { name: unknown; value: unknown };
      this.variableNames[index] = inputs.name;
      this.inputs[index] = inputs.value;
    }
    this.built = undefined;
  }

  get size(): number {
    return this.live.length;
  }

  /** The action records in run order (built on first read after a change). */
  get records(): ActionRun[] {
    if (this.built) return this.built;
    const records = new Array<ActionRun>(this.live.length);
    for (let i = 0; i < records.length; i++) {
      const running = this.live[i];
      if (running) {
        records[i] = running;
        continue;
      }
      const repetition = this.repetitions[i];
      const record = new ActionRun(this.names[i] as string, this.types[i] as string, this.starts[i] as number, typeof repetition === 'number' ? [repetition] : repetition);
      record.status = this.statuses[i] as RunStatus;
      record.end = this.ends[i] as number;
      const shape = this.shapes[i];
      if (shape === 0 || shape === undefined) {
        record.inputs = this.inputs[i];
        record.outputs = this.outputValues[i];
      } else {
        const inputs = { name: this.variableNames[i], value: this.inputs[i] };
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
