import type { PlannedGraph } from '../definition/plan.js';
import type { Frame } from '../context/frame.js';
import type { ActionRun } from '../history/action-run.js';

/**
 * One action of a compiled graph: runs it now, in `frame`, from `start` (its runAfter already
 * met), and returns its finished record, exactly as the general path (run-action.ts) would.
 */
export type Step = (frame: Frame, start: number) => ActionRun;

/** A graph compiled once: one step per action, in the graph's run order. */
export interface CompiledGraph {
  readonly graph: PlannedGraph;
  readonly steps: readonly Step[];
}
