import type { ActionExecution } from '../run-action.js';
import type { GraphResult } from '../run-graph.js';
import type { CompiledGraph } from './compiled-graph.js';
import { compiledPassFrame } from './compiled-loop.js';
import { IterationTurns } from './turn-cursor.js';

/**
 * A concurrent Foreach of a compiled body, with the turn model of context/turns.ts: a ring of
 * `degree` worker slots, one leaf action per turn. Compiled bodies run in zero virtual time (a
 * virtual clock, compiled-loop.ts), so every turn is ready at the same time and the model's tie-break
 * alone decides: first in, first out, i.e. the slots in rotation. As in the general path, the
 * first worker slots start one after the other (each runs its first action at once), and a slot
 * whose iteration ends goes on with the next item in its place in the rotation.
 */
export function runCompiledConcurrent(execution: ActionExecution, body: CompiledGraph, items: readonly unknown[], degree: number, onIteration: (index: number, result: GraphResult) => void): void {
  new CompiledConcurrentLoop(execution, body, items, onIteration).run(degree);
}

/** The loop's state, an object rather than closures: its methods are called on every turn, and V8 inlines them. */
class CompiledConcurrentLoop {
  /** The next item to start. */
  private next = 0;

  constructor(
    private readonly execution: ActionExecution,
    private readonly body: CompiledGraph,
    private readonly items: readonly unknown[],
    private readonly onIteration: (index: number, result: GraphResult) => void,
  ) {}

  run(degree: number): void {
    const first = Math.min(degree, this.items.length);
    // As in the general path, the first slots take the first items before any of them runs.
    this.next = first;
    // The rotation: every turn sends its slot to the back of the line, so the slots take their
    // turns in a fixed cyclic order; a slot leaves it when its items ran out.
    let ring: IterationTurns[] = [];
    for (let i = 0; i < first; i++) {
      // A slot's first action runs at once (its task alone at the head of the turn order).
      let slot = this.begin(undefined, i);
      if (slot !== undefined) slot = this.resume(slot);
      if (slot !== undefined) ring.push(slot);
    }
    while (ring.length > 0) {
      let left = 0;
      for (let k = 0; k < ring.length; k++) {
        const slot = this.resume(ring[k] as IterationTurns);
        if (slot !== undefined) ring[left++] = slot;
      }
      if (left < ring.length) ring = ring.slice(0, left);
    }
  }

  /** Starts item `index` in `slot` (or a new slot) and runs it up to its first leaf; undefined once the items ran out. */
  private begin(slot: IterationTurns | undefined, index: number): IterationTurns | undefined {
    const items = this.items;
    for (;;) {
      if (!this.execution.run.terminated) {
        const frame = compiledPassFrame(this.execution, this.body, items[index], index, slot?.frame);
        slot ??= new IterationTurns();
        const ended = slot.begin(this.body, frame, index);
        if (ended === undefined) return slot;
        // An iteration without a leaf to run ends at once; its slot takes the next item.
        this.onIteration(index, ended);
      }
      if (this.next >= items.length) return undefined;
      index = this.next++;
    }
  }

  /** One turn of `slot`: its waiting leaf runs and its iteration goes on to the next leaf (or ends, and the slot takes the next item). */
  private resume(slot: IterationTurns): IterationTurns | undefined {
    const ended = slot.turn();
    if (ended === undefined) return slot;
    this.onIteration(slot.index, ended);
    return this.next < this.items.length ? this.begin(slot, this.next++) : undefined;
  }
}
