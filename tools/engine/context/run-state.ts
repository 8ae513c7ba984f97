import type { RunStatus } from '../../expressions/context.js';
import type { Clock } from '../clock.js';
import type { LoadedWorkflow } from '../definition/types.js';
import type { Plan } from '../definition/plan.js';
import type { ActionError, ActionRun } from '../history/action-run.js';
import type { RunHistory } from '../history/run-history.js';
import type { RunServices } from './services.js';
import { RunContext } from './evaluation-context.js';
import { TurnScheduler, type Task } from './turns.js';

/** A variable as InitializeVariable declared it: the declared type is kept for Set/Append checks. */
export interface Variable {
  type: string;
  value: unknown;
  /** Set when an expression read an array value: the next append copies it first. */
  shared?: boolean;
}

/** Everything one run of one flow holds. */
export class RunState {
  readonly variables = new Map<string, Variable>();
  readonly turns = new TurnScheduler();
  /** Last record of each action name, for references from outside the action's own frame. */
  readonly latest = new Map<string, ActionRun>();
  terminated: { status: RunStatus; error?: ActionError; by: string } | undefined;
  /** What the Response / "Respond to a PowerApp or flow" action returned. */
  response: { statusCode: number; headers: Record<string, string>; body: unknown; by: string } | undefined;
  trigger: ActionRun | undefined;

  constructor(
    readonly id: string,
    readonly workflow: LoadedWorkflow,
    readonly plan: Plan,
    readonly parameters: ReadonlyMap<string, unknown>,
    readonly clock: Clock,
    readonly history: RunHistory,
    readonly services: RunServices,
    /** How many parent flows called this one (child flow nesting). */
    readonly depth: number,
  ) {}
}

export type LoopKind = 'foreach' | 'until' | 'repeat';

/** The loop a frame is one iteration of: its name, current item and index. */
export interface LoopInfo {
  kind: LoopKind;
  name: string;
  item: unknown;
  index: number;
}

/**
 * The actions run by one graph pass: the whole flow, a Scope/If/Switch branch, or one loop
 * iteration. Expressions look actions up from the innermost frame outwards, so `outputs('X')`
 * inside iteration 7 sees iteration 7's X.
 */
export class Frame {
  readonly records = new Map<string, ActionRun>();
  private contextCache: RunContext | undefined;

  constructor(
    readonly run: RunState,
    readonly parent: Frame | undefined,
    readonly task: Task,
    readonly loop: LoopInfo | undefined,
    /** Loop indexes of this frame from the outermost loop; undefined outside loops. */
    readonly repetition: readonly number[] | undefined,
  ) {}

  get context(): RunContext {
    return (this.contextCache ??= new RunContext(this));
  }

  /** A frame for a container's branch in the same iteration (Scope, If, Switch). */
  child(): Frame {
    return new Frame(this.run, this, this.task, undefined, this.repetition);
  }

  /** A frame for one loop iteration; `task` is the iteration's own task when it runs concurrently. */
  iteration(loop: LoopInfo, task: Task = this.task): Frame {
    return new Frame(this.run, this, task, loop, [...(this.repetition ?? []), loop.index]);
  }

  find(name: string): ActionRun | undefined {
    for (let frame: Frame | undefined = this; frame; frame = frame.parent) {
      const record = frame.records.get(name);
      if (record) return record;
    }
    return this.run.latest.get(name);
  }
}
