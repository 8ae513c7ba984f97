import type { PlannedGraph } from '../definition/plan.js';
import type { Frame } from '../context/frame.js';
import type { ActionRun } from '../history/action-run.js';
import type { Branching } from './branching.js';

/**
 * One action of a compiled graph: runs it now, in `frame` (its runAfter already met), and returns
 * its finished record, exactly as the general path (run-action.ts) would. It starts at the loop's
 * time (RunState.compiledLoopTime), as everything in a compiled loop.
 */
export type Step = (frame: Frame) => ActionRun;

/**
 * A leaf action's run once its record is placed (leaf-record.ts placeLeaf): in a concurrent loop
 * the record is placed when its iteration reaches it and the action runs at the iteration's next turn.
 */
export type LeafRun = (frame: Frame, record: ActionRun) => ActionRun;

/**
 * A leaf action compiled: its run, and the step that places and runs it. Both call one
 * module-level function of the leaf's kind (compose-leaf.ts...), so that V8 inlines it into each:
 * a step calling the run closure would add a call V8 cannot inline (a different closure per action).
 */
export interface CompiledLeaf {
  readonly run: LeafRun;
  readonly step: Step;
}

/** A graph compiled once: one step per action, in the graph's run order. */
export interface CompiledGraph {
  readonly graph: PlannedGraph;
  readonly steps: readonly Step[];
  /** For concurrent loops (turn-cursor.ts): each leaf's run after placing (undefined for If/Switch) ... */
  readonly leaves: ReadonlyArray<LeafRun | undefined>;
  /** ... and each If/Switch's branching and compiled branches (undefined for leaves). */
  readonly branchings: ReadonlyArray<Branching | undefined>;
  readonly branches: ReadonlyArray<readonly CompiledGraph[] | undefined>;
}
