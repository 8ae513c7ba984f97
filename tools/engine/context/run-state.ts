import type { RunStatus } from '../../expressions/context.js';
import type { Clock } from '../clock.js';
import type { LoadedWorkflow } from '../definition/types.js';
import type { Plan } from '../definition/plan.js';
import type { ActionError, ActionRun } from '../history/action-run.js';
import type { RunHistory } from '../history/run-history.js';
import type { RunServices } from './services.js';
import { TurnScheduler } from './turns.js';

/** A variable as InitializeVariable declared it: the declared type is kept for Set/Append checks. */
export interface Variable {
  name: string;
  type: string;
  value: unknown;
  /** Set when the array value may be held elsewhere (an output kept it): the next append copies it first. */
  shared?: boolean;
}

/** Unchecked array reads kept before they all count as shared (a flow that never appends). */
const MAX_PENDING_READS = 64;

/**
 * Which array variables an expression read, so an append copies the array only when the value
 * escaped (an output, an input, a Foreach holds it) rather than after every read: a loop that
 * checks `length(variables('list'))` and then appends stays linear. Evaluations that check their
 * result settle their own reads; reads nobody checked count as escaped (conservative).
 */
export class ArrayReads {
  private readonly pending: Variable[] = [];

  /** An expression read this array variable. */
  note(variable: Variable): void {
    if (variable.shared) return;
    if (this.pending.length >= MAX_PENDING_READS) this.flush();
    this.pending.push(variable);
  }

  /** Where the reads of an evaluation starting now will begin. */
  mark(): number {
    return this.pending.length;
  }

  /** The evaluation begun at `from` produced `result`: the arrays it read are shared if `result` holds them. */
  settle(from: number, result: unknown): void {
    const pending = this.pending;
    if (pending.length <= from) return;
    for (let i = from; i < pending.length; i++) {
      const variable = pending[i] as Variable;
      if (!variable.shared && holds(result, variable.value)) variable.shared = true;
    }
    // pop, not `length =`: setting an array's length is a slow runtime call, and this runs per evaluation.
    while (pending.length > from) pending.pop();
  }

  /** Before an array changes in place: every read not checked counts as escaped. */
  flush(): void {
    const pending = this.pending;
    while (pending.length > 0) (pending.pop() as Variable).shared = true;
  }
}

/** Values searched before `holds` gives up and answers yes (the safe answer). */
const HOLDS_BUDGET = 10_000;

/** Whether `value` is `target` or contains it, by reference. */
function holds(value: unknown, target: unknown): boolean {
  if (value === target) return true;
  if (value === null || typeof value !== 'object') return false;
  const stack: unknown[] = [value];
  let budget = HOLDS_BUDGET;
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === target) return true;
    if (node === null || typeof node !== 'object') continue;
    if (--budget < 0) return true;
    if (Array.isArray(node)) for (let i = 0; i < node.length; i++) stack.push(node[i]);
    else for (const key in node) stack.push((node as Record<string, unknown>)[key]);
  }
  return false;
}

/** Everything one run of one flow holds. */
export class RunState {
  readonly variables = new Map<string, Variable>();
  readonly arrayReads = new ArrayReads();
  readonly turns = new TurnScheduler();
  /** Last record of each action (by PlannedAction.index), for references from outside the action's own frame. */
  readonly latest: Array<ActionRun | undefined>;
  terminated: { status: RunStatus; error?: ActionError; by: string } | undefined;
  /** What the Response / "Respond to a PowerApp or flow" action returned. */
  response: { statusCode: number; headers: Record<string, string>; body: unknown; by: string } | undefined;
  trigger: ActionRun | undefined;
  /** The clock is virtual (it can be set): time moves only when an action waits. */
  readonly virtualClock: boolean;
  /**
   * The start of the compiled loop running now (tools/engine/compiled/): such a loop takes no
   * virtual time, so every record it makes starts and ends then. Kept here rather than passed
   * along: a time (ms since 1970) is not a small integer, and V8 would allocate a box for it at
   * every call that takes one.
   */
  compiledLoopTime = Number.NaN;

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
  ) {
    this.latest = new Array<ActionRun | undefined>(plan.actions.size).fill(undefined);
    this.virtualClock = clock.setTime !== undefined;
  }
}

