import type { ActionRecord, EvaluationContext } from '../../expressions/context.js';
import { actionIgnoringCase } from '../definition/action-names.js';
import type { PlannedAction, PlannedGraph } from '../definition/plan.js';
import { ActionRun } from '../history/action-run.js';
import { FramePool, isPoolable } from './frame-pool.js';
import type { RunState } from './run-state.js';
import { workflowTags } from './workflow-tags.js';
import type { Task } from './turns.js';

export type LoopKind = 'foreach' | 'until' | 'repeat';

/**
 * One pass over a graph of actions: the whole flow, a Scope/If/Switch branch, or one loop
 * iteration (a Select/Query item is a frame without a graph). It holds the records of that pass in
 * slots (the graph's run order), and it is the expression language's view of the run at that
 * point (tools/expressions/context.ts): `outputs('X')` inside iteration 7 sees iteration 7's X,
 * `item()` the innermost loop's item.
 */
export class Frame implements EvaluationContext {
  readonly slots: Array<ActionRun | undefined>;
  /** Set when the frame is reused pass after pass (a loop body of poolable actions; see frame-pool.ts). */
  pool: FramePool | undefined = undefined;

  // task, repetition, loopItem and index change only when a pooled frame starts its next pass.
  constructor(
    readonly run: RunState,
    readonly parent: Frame | undefined,
    public task: Task,
    readonly graph: PlannedGraph | undefined,
    /** Loop indexes of this frame from the outermost loop; undefined outside loops. */
    public repetition: readonly number[] | undefined,
    readonly loopKind?: LoopKind,
    readonly loopName?: string,
    public loopItem?: unknown,
    public index?: number,
    /** Given when the frame will be reused pass after pass (see `pool`). */
    pool?: FramePool,
  ) {
    this.pool = pool;
    this.slots = graph === undefined ? [] : pool !== undefined ? pooledSlots(graph.order.length) : new Array<ActionRun | undefined>(graph.order.length);
  }

  /** A frame for a container's branch in the same iteration (Scope, If, Switch); a pooled frame reuses its branch frames. */
  branch(graph: PlannedGraph): Frame {
    // A branch without actions never gets a frame (ActionExecution.runBranch): its first action names it.
    const frame = this.pool?.branches[(graph.order[0] as PlannedAction).index] as Frame | undefined;
    if (frame === undefined) return this.newBranch(graph);
    frame.restart(this.task, this.repetition, undefined, undefined);
    return frame;
  }

  /** branch() the first time (kept by the pool, if any). Out of line: the common path stays small enough to inline. */
  private newBranch(graph: PlannedGraph): Frame {
    const pool = this.pool;
    const frame = new Frame(this.run, this, this.task, graph, this.repetition, undefined, undefined, undefined, undefined, pool === undefined ? undefined : new FramePool());
    if (pool !== undefined) pool.branches[(graph.order[0] as PlannedAction).index] = frame;
    return frame;
  }

  /**
   * A frame for one loop iteration; `task` is the iteration's own task when it runs concurrently.
   * `previous`: the frame of an iteration of the same loop that has ended, reused when pooled.
   */
  iteration(graph: PlannedGraph | undefined, kind: LoopKind, name: string, item: unknown, index: number, task: Task = this.task, previous?: Frame): Frame {
    const outer = this.repetition;
    const repetition = kind === 'repeat' ? outer : outer === undefined ? [index] : [...outer, index];
    if (previous?.pool !== undefined) {
      previous.restart(task, repetition, item, index);
      return previous;
    }
    if (kind !== 'foreach' || graph === undefined || !this.run.history.pooling || !isPoolable(graph)) return new Frame(this.run, this, task, graph, repetition, kind, name, item, index);
    // A pooled frame keeps its indexes as long as its loop (a compiled loop rewrites them in place):
    // copied by a builtin, not allocated at the literal above, whose arrays are short-lived (see pooledSlots).
    return new Frame(this.run, this, task, graph, repetition?.slice(), kind, name, item, index, new FramePool());
  }

  /**
   * A compiled loop's next pass in this (pooled, outermost-loop) frame: iteration() without a new
   * one-index repetition array, the frame's own rewritten. Unobservable: a compiled pass stores its
   * records before the next pass starts, and a pooled record's repetition is read only when stored
   * (`result()` and the history's records do not show a live record's repetition).
   */
  nextCompiledPass(item: unknown, index: number): void {
    const repetition = this.repetition as number[];
    repetition[0] = index;
    this.restart(this.task, repetition, item, index);
  }

  /** A pooled frame's next pass: its slots empty, its binding new. */
  private restart(task: Task, repetition: readonly number[] | undefined, item: unknown, index: number | undefined): void {
    this.task = task;
    this.repetition = repetition;
    this.loopItem = item;
    this.index = index;
    const slots = this.slots;
    for (let i = 0; i < slots.length; i++) slots[i] = undefined;
  }

  /** The record `action` (of this frame's graph) starts with: new, or the pool's, reset. */
  takeRecord(action: PlannedAction, start: number): ActionRun {
    return this.pooledRecord(this.pool?.records, action.slot, action, start);
  }

  /** takeRecord in a compiled loop: at the loop's time (RunState.compiledLoopTime), read here rather than passed (a time passed to a call is boxed). */
  takeLoopRecord(action: PlannedAction): ActionRun {
    const record = this.pool?.records[action.slot];
    if (record === undefined) return this.newLoopRecord(action);
    record.reuseInLoop(this.run, this.repetition);
    return record;
  }

  /** takeLoopRecord's first record of `action` (kept by the pool, if any). Out of line, so that the common path stays small enough to inline. */
  private newLoopRecord(action: PlannedAction): ActionRun {
    const record = new ActionRun(action.name, action.definition.type, this.run.compiledLoopTime, this.repetition);
    const records = this.pool?.records;
    if (records !== undefined) records[action.slot] = record;
    return record;
  }

  /** The Skipped record of `action` of a branch of a container in this frame, when the branch is not taken. */
  takeNotTakenRecord(action: PlannedAction, start: number): ActionRun {
    return this.pooledRecord(this.pool?.notTaken, action.index, action, start);
  }

  /**
   * takeNotTakenRecord in a compiled loop (at its time, RunState.compiledLoopTime) for a record that
   * was a not-taken record before: such a record is only ever that (same action, same error, no
   * inputs or outputs), so only its times and loop indexes change. Undefined when there is no such
   * pooled record yet.
   */
  reuseNotTakenRecord(action: PlannedAction, error: unknown): ActionRun | undefined {
    const record = this.pool?.notTaken[action.index];
    if (record === undefined || record.error !== error || record.historyIndex !== -1) return undefined;
    const start = this.run.compiledLoopTime;
    record.start = start;
    record.end = start;
    record.repetition = this.repetition;
    return record;
  }

  private pooledRecord(records: Array<ActionRun | undefined> | undefined, at: number, action: PlannedAction, start: number): ActionRun {
    let record = records?.[at];
    if (record !== undefined) record.reuse(start, this.repetition);
    else {
      record = new ActionRun(action.name, action.definition.type, start, this.repetition);
      if (records !== undefined) records[at] = record;
    }
    return record;
  }

  /**
   * The record of action `name` as seen from here: this pass or an enclosing one; else the last
   * pass of the container (If, Switch, Scope, Until, Foreach) holding it that ran in this pass or
   * an enclosing one, so that after a nested Until an iteration of a concurrent Foreach reads its
   * own Until's records (Logic Apps scopes outputs to the current Foreach iteration); else the
   * action's latest run.
   */
  find(name: string): ActionRun | undefined {
    const action = this.run.plan.actions.get(name) ?? actionIgnoringCase(this.run.plan, name);
    if (action) {
      for (let frame: Frame | undefined = this; frame; frame = frame.parent) {
        if (frame.graph === action.graph) return frame.slots[action.slot] ?? this.run.latest[action.index];
      }
      return this.findNested(action) ?? this.run.latest[action.index];
    }
    return undefined;
  }

  /** `action` inside containers: walks down from the innermost container that ran in a pass enclosing this one. */
  private findNested(action: PlannedAction): ActionRun | undefined {
    const path: PlannedAction[] = [action];
    for (let container = action.parent; container; container = container.parent) {
      for (let frame: Frame | undefined = this; frame; frame = frame.parent) {
        if (frame.graph !== container.graph) continue;
        let record = frame.slots[container.slot];
        for (let i = path.length - 1; i >= 0 && record; i--) {
          const step = path[i] as PlannedAction;
          const pass = record.innerPass;
          record = pass && pass.graph === step.graph ? pass.slots[step.slot] : undefined;
        }
        return record;
      }
      path.push(container);
    }
    return undefined;
  }

  /** Records of this pass in run order: what `result()` returns for a container. */
  records(): ActionRun[] {
    return this.slots.filter((r): r is ActionRun => r !== undefined);
  }

  // EvaluationContext

  now(): Date {
    return new Date(this.run.clock.now());
  }

  parameter(name: string): unknown {
    return this.run.parameters.get(name);
  }

  hasParameter(name: string): boolean {
    return this.run.parameters.has(name);
  }

  variable(name: string): unknown {
    const variable = this.run.variables.get(name);
    // An array read by an expression may be kept (a Compose output): the next append copies it
    // first, unless the evaluation's result turns out not to hold it (see ArrayReads).
    if (variable && variable.type === 'array') this.run.arrayReads.note(variable);
    return variable?.value;
  }

  hasVariable(name: string): boolean {
    return this.run.variables.has(name);
  }

  action(name: string): ActionRecord | undefined {
    return this.find(name);
  }

  trigger(): ActionRecord | undefined {
    return this.run.trigger;
  }

  item(): unknown {
    for (let frame: Frame | undefined = this; frame; frame = frame.parent) {
      if (frame.loopKind !== undefined && frame.loopKind !== 'until') return frame.loopItem;
    }
    return undefined;
  }

  items(loopName: string): unknown {
    for (let frame: Frame | undefined = this; frame; frame = frame.parent) {
      if (frame.loopKind === 'foreach' && frame.loopName === loopName) return frame.loopItem;
    }
    const declared = actionIgnoringCase(this.run.plan, loopName)?.name;
    return declared !== undefined && declared !== loopName ? this.items(declared) : undefined;
  }

  iterationIndexes(loopName: string): number | undefined {
    for (let frame: Frame | undefined = this; frame; frame = frame.parent) {
      if (frame.loopKind === 'until' && frame.loopName === loopName) return frame.index;
    }
    const declared = actionIgnoringCase(this.run.plan, loopName)?.name;
    return declared !== undefined && declared !== loopName ? this.iterationIndexes(declared) : undefined;
  }

  result(scopeName: string): ActionRecord[] | undefined {
    return this.find(scopeName)?.resultRecords?.map((record) => record.toRecord());
  }

  workflow(): unknown {
    const run = this.run;
    const id = run.workflow.id ?? run.workflow.name;
    return {
      id: `/workflows/${id}`,
      name: id,
      type: 'Microsoft.Logic/workflows',
      location: 'local',
      tags: workflowTags(run.workflow),
      run: { id: `/workflows/${id}/runs/${run.id}`, name: run.id, type: 'Microsoft.Logic/workflows/runs' },
    };
  }
}

/**
 * The slots of a pooled frame, which lives as long as its loop: allocated here, apart from the slots
 * of fresh frames (the constructor's `new Array`). V8 decides per allocation site whether to allocate
 * in the old generation (pretenuring): with one site for both, the long-lived slots of pooled frames
 * had it allocate there the slots of fresh frames too, thousands per loop and short-lived, and a run
 * through the general path after compiled loops in the same process took 3x as long, collecting them.
 */
function pooledSlots(length: number): Array<ActionRun | undefined> {
  return new Array<ActionRun | undefined>(length);
}
