import type { Frame } from '../context/frame.js';
import type { ActionExecution } from '../run-action.js';
import type { GraphResult } from '../run-graph.js';
import type { CompiledGraph } from './compiled-graph.js';
import { compiledPassFrame } from './compiled-loop.js';
import { IterationTurns } from './turn-cursor.js';

/** One worker of the loop: the iteration it runs, paused at its next leaf (turn-cursor.ts). */
interface Slot {
  index: number;
  frame: Frame | undefined;
  readonly turns: IterationTurns;
}


/**
 * A concurrent Foreach of a compiled body, with the turn model of context/turns.ts: a ring of
 * `degree` worker slots, one leaf action per turn. Compiled bodies run in zero virtual time (a
 * virtual clock, compiled-loop.ts), so every turn is ready at the same time and the model's tie-break
 * alone decides: first in, first out, i.e. the slots in rotation. As in the general path, the
 * first worker slots start one after the other (each runs its first action at once), and a slot
 * whose iteration ends goes on with the next item in its place in the rotation.
 */
export function runCompiledConcurrent(execution: ActionExecution, body: CompiledGraph, items: readonly unknown[], degree: number, onIteration: (index: number, result: GraphResult) => void): void {
  const first = Math.min(degree, items.length);
  // As in the general path, the first slots take the first items before any of them runs.
  let next = first;
  /** Starts item `index` in `slot` (or a new slot) and runs it up to its first leaf; undefined once the items ran out. */
  const begin = (slot: Slot | undefined, index: number): Slot | undefined => {
    for (;;) {
      if (!execution.run.terminated) {
        const frame = compiledPassFrame(execution, body, items[index], index, slot?.frame);
        if (slot === undefined) slot = { index, frame, turns: new IterationTurns() };
        else {
          slot.index = index;
          slot.frame = frame;
        }
        const ended = slot.turns.begin(body, frame);
        if (ended === undefined) return slot;
        // An iteration without a leaf to run ends at once; its slot takes the next item.
        onIteration(index, ended);
      }
      if (next >= items.length) return undefined;
      index = next++;
    }
  };
  // The rotation: every turn sends its slot to the back of the line, so the slots take their turns
  // in a fixed cyclic order; a slot leaves it when its items ran out.
  let ring: Slot[] = [];
  for (let i = 0; i < first; i++) {
    // A slot's first action runs at once (its task alone at the head of the turn order).
    let slot = begin(undefined, i);
    if (slot !== undefined) slot = resume(slot);
    if (slot !== undefined) ring.push(slot);
  }
  while (ring.length > 0) {
    let left = 0;
    for (let k = 0; k < ring.length; k++) {
      const slot = resume(ring[k] as Slot);
      if (slot !== undefined) ring[left++] = slot;
    }
    if (left < ring.length) ring = ring.slice(0, left);
  }

  /** One turn of `slot`: its waiting leaf runs and its iteration goes on to the next leaf (or ends, and the slot takes the next item). */
  function resume(slot: Slot): Slot | undefined {
    const ended = slot.turns.turn();
    if (ended === undefined) return slot;
    onIteration(slot.index, ended);
    return next < items.length ? begin(slot, next++) : undefined;
  }
}
