import type { RunStatus } from '../../expressions/context.js';
import { ActionRun, type ActionError, type RecordExtras } from './action-run.js';

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
  private readonly repetitions: Array<readonly number[] | undefined> = [];
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
  ) {}

  /** A record starts: it takes the next place in run order (columns are written when it is stored). */
  add(record: ActionRun): void {
    record.historyIndex = this.live.length;
    this.live.push(record);
    this.built = undefined;
  }

  /** A record is final (finished or skipped): its fields go into the columns. */
  store(record: ActionRun): void {
    const index = record.historyIndex;
    if (index < 0 || this.live[index] !== record) return;
    this.live[index] = undefined;
    this.names[index] = record.name;
    this.types[index] = record.type;
    this.statuses[index] = record.status;
    this.starts[index] = record.start;
    this.ends[index] = record.end;
    this.repetitions[index] = record.repetition;
    this.inputs[index] = record.inputs;
    this.outputValues[index] = record.outputs;
    if (record.error) this.errors.set(index, record.error);
    const extras = record.extrasForHistory();
    if (extras) this.extras.set(index, extras);
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
      const record = new ActionRun(this.names[i] as string, this.types[i] as string, this.starts[i] as number, this.repetitions[i]);
      record.status = this.statuses[i] as RunStatus;
      record.end = this.ends[i] as number;
      record.inputs = this.inputs[i];
      record.outputs = this.outputValues[i];
      record.error = this.errors.get(i);
      record.restoreExtras(this.extras.get(i));
      record.historyIndex = i;
      records[i] = record;
    }
    this.built = records;
    return records;
  }
}
