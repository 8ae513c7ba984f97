import type { PlannedAction } from '../definition/plan.js';
import type { Frame } from '../context/frame.js';
import type { ActionRun } from '../history/action-run.js';
import { graphStatus } from '../run-after/branch-status.js';
import { applyOutcome, failRecord } from '../run-action.js';
import { passResult, runsAfter, type GraphResult } from '../run-graph.js';
import type { CompiledGraph, LeafRun } from './compiled-graph.js';
import { ifOutcome, storeIf, type Branching } from './branching.js';
import { placeLeaf } from './leaf-record.js';
import { branchFrame, emptyBranch, skipBranch, startContainer } from './branch-steps.js';

/** Where one pass over a compiled graph stands (the iteration's, or a branch's inside an If/Switch). */
class PassCursor {
  compiled!: CompiledGraph;
  /** The compiled graph's actions and leaf runs, read on every step. */
  order!: readonly PlannedAction[];
  leaves!: CompiledGraph['leaves'];
  frame!: Frame;
  next = 0;
  /** Every action of the pass so far succeeded (then so does the pass: no walk over its leaves). */
  allSucceeded = true;
  // A branch pass: the If/Switch running it, its record and what it decided.
  owner: ActionRun | undefined = undefined;
  decision: unknown = undefined;
  taken = 0;
}

/**
 * One compiled iteration run turn by turn, for compiled concurrent loops (compiled-concurrent.ts):
 * run-compiled-graph.ts's pass and branch-steps.ts's If/Switch, with a leaf's record placed when
 * the pass reaches it and the leaf run at the iteration's next turn. So each turn runs one leaf
 * action and goes on to the next leaf, exactly the share of work a concurrency turn holds in the
 * general path (context/turns.ts). An explicit cursor stack rather than generators: no object
 * per iteration, and no delegation through each nesting level on every turn.
 */
export class IterationTurns {
  /** The item index and frame of the iteration running (a worker slot of the loop runs one after another). */
  index = 0;
  frame: Frame | undefined = undefined;
  private readonly stack: PassCursor[] = [];
  private depth = -1;
  /** stack[depth]: the innermost pass. */
  private top!: PassCursor;
  /** The leaf placed and waiting for the next turn. */
  private waiting: ActionRun | undefined = undefined;
  /**
   * A branch of one action (the usual If branch) whose leaf waits: its pass is not pushed (nothing
   * to walk), the leaf runs at the next turn and the branch ends with it (turnInOneLeafBranch).
   */
  private readonly oneLeafBranch = new PassCursor();
  private inOneLeafBranch = false;

  /** Starts iteration `index`, a pass over `body` in `frame`, and runs it up to its first leaf: its result if it ended without one. */
  begin(body: CompiledGraph, frame: Frame, index: number): GraphResult | undefined {
    this.index = index;
    this.frame = frame;
    this.depth = -1;
    this.push(body, frame, undefined, undefined, 0);
    return this.advance();
  }

  /** The waiting leaf runs and the pass goes on to its next leaf: its result once it ended. */
  turn(): GraphResult | undefined {
    if (this.inOneLeafBranch) return this.turnInOneLeafBranch();
    const cursor = this.top;
    const record = (cursor.leaves[cursor.next] as LeafRun)(cursor.frame, this.waiting as ActionRun);
    this.waiting = undefined;
    if (record.status !== 'Succeeded') cursor.allSucceeded = false;
    cursor.next++;
    return this.advance();
  }

  /** Goes on to the next leaf (placed, waiting for the next turn), or to the end of the iteration: its result. Kept small: it runs every turn. */
  private advance(): GraphResult | undefined {
    for (;;) {
      const cursor = this.top;
      const i = cursor.next;
      if (i < cursor.order.length) {
        const action = cursor.order[i] as PlannedAction;
        if (!runsAfter(action, cursor.frame)) {
          cursor.allSucceeded = false;
          cursor.next = i + 1;
        } else if (cursor.leaves[i] !== undefined) {
          this.waiting = placeLeaf(action, cursor.frame);
          return undefined;
        } else if (this.enter(cursor, action)) return undefined;
      } else {
        const result = this.endPass(cursor);
        if (result !== undefined) return result;
      }
    }
  }

  /** The innermost pass ended: the iteration's result, or (a branch) its If/Switch settled and undefined. */
  private endPass(cursor: PassCursor): GraphResult | undefined {
    const frame = cursor.frame;
    const result = passResult(frame, cursor.allSucceeded ? 'Succeeded' : graphStatus(cursor.compiled.graph, frame.slots), frame.run.compiledLoopTime);
    if (this.depth === 0) return result;
    this.depth--;
    this.top = this.stack[this.depth] as PassCursor;
    this.settle(this.top, cursor.owner as ActionRun, cursor.decision, cursor.taken, result);
    return undefined;
  }

  /** turn() for the leaf of a one-leaf branch: it runs, its branch's pass ends, and the If/Switch settles. */
  private turnInOneLeafBranch(): GraphResult | undefined {
    this.inOneLeafBranch = false;
    const branch = this.oneLeafBranch;
    const frame = branch.frame;
    const record = (branch.compiled.leaves[0] as LeafRun)(frame, this.waiting as ActionRun);
    this.waiting = undefined;
    const result = passResult(frame, record.status === 'Succeeded' ? 'Succeeded' : graphStatus(branch.compiled.graph, frame.slots), frame.run.compiledLoopTime);
    this.settle(this.top, branch.owner as ActionRun, branch.decision, branch.taken, result);
    return this.advance();
  }

  /**
   * An If/Switch starts: its expression, the branches before the one taken skipped, then its
   * branch (or its end, if the branch is empty). Whether a leaf of the branch now waits for the next turn.
   */
  private enter(cursor: PassCursor, action: PlannedAction): boolean {
    const i = cursor.next;
    const branching = cursor.compiled.branchings[i] as Branching;
    const branches = cursor.compiled.branches[i] as readonly CompiledGraph[];
    const record = startContainer(action, cursor.frame);
    let decision: unknown;
    let taken: number;
    try {
      decision = branching.decide(cursor.frame);
      taken = branching.isIf ? (decision === true ? 0 : 1) : branching.branchOf(decision);
      for (let b = 0; b < taken; b++) skipBranch(branches[b] as CompiledGraph, cursor.frame);
    } catch (error) {
      failRecord(record, action.name, error);
      this.close(cursor, record);
      return false;
    }
    const branch = branches[taken] as CompiledGraph;
    const order = branch.graph.order;
    if (order.length === 0) {
      this.settle(cursor, record, decision, taken, emptyBranch(cursor.frame));
      return false;
    }
    const frame = branchFrame(branch, cursor.frame, record);
    const only = order[0] as PlannedAction;
    if (order.length > 1 || branch.leaves[0] === undefined || only.runAfter.length > 0 || frame.run.terminated) {
      this.push(branch, frame, record, decision, taken);
      return false;
    }
    // A branch of one leaf: as push + advance would, the leaf placed (its runAfter is met: nothing runs before it).
    const oneLeaf = this.oneLeafBranch;
    oneLeaf.compiled = branch;
    oneLeaf.frame = frame;
    oneLeaf.owner = record;
    oneLeaf.decision = decision;
    oneLeaf.taken = taken;
    this.inOneLeafBranch = true;
    this.waiting = placeLeaf(only, frame);
    return true;
  }

  /** The If/Switch's branch ended: the branches after it skipped, its outcome, its record stored. */
  private settle(cursor: PassCursor, record: ActionRun, decision: unknown, taken: number, branch: GraphResult): void {
    const i = cursor.next;
    const branching = cursor.compiled.branchings[i] as Branching;
    const branches = cursor.compiled.branches[i] as readonly CompiledGraph[];
    try {
      for (let b = taken + 1; b < branches.length; b++) skipBranch(branches[b] as CompiledGraph, cursor.frame);
      applyOutcome(record, branching.isIf ? ifOutcome(record, branch, decision) : branching.outcome(record, branch, decision));
    } catch (error) {
      failRecord(record, (cursor.compiled.graph.order[i] as PlannedAction).name, error);
    }
    this.close(cursor, record);
  }

  private close(cursor: PassCursor, record: ActionRun): void {
    const branching = cursor.compiled.branchings[cursor.next] as Branching;
    if (branching.isIf) storeIf(cursor.frame, record);
    else branching.store(cursor.frame, record);
    if (record.status !== 'Succeeded') cursor.allSucceeded = false;
    cursor.next++;
  }

  private push(compiled: CompiledGraph, frame: Frame, owner: ActionRun | undefined, decision: unknown, taken: number): void {
    const depth = ++this.depth;
    let cursor = this.stack[depth];
    if (cursor === undefined) this.stack.push((cursor = new PassCursor()));
    cursor.compiled = compiled;
    cursor.order = compiled.graph.order;
    cursor.leaves = compiled.leaves;
    cursor.frame = frame;
    cursor.next = 0;
    cursor.allSucceeded = true;
    cursor.owner = owner;
    cursor.decision = decision;
    cursor.taken = taken;
    this.top = cursor;
  }
}
