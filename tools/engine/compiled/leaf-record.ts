import type { PlannedAction } from '../definition/plan.js';
import type { Frame } from '../context/frame.js';
import type { ActionRun } from '../history/action-run.js';
import type { RunHistory } from '../history/run-history.js';
import { APPEND_VARIABLE, SET_VARIABLE } from '../history/record-shape.js';
import { placeTakenRecord } from '../run-action.js';

/**
 * What run-action.ts does around a leaf action, for compiled steps: the record taken and placed
 * (slot, latest, history place); after it ran, its turn passed and the record stored. The turn is
 * granted at once: a compiled loop's task is alone in the run (compiled-loop.ts), and a compiled
 * concurrent loop gives its slots their turns itself (compiled-concurrent.ts).
 *
 * The clock is not touched: compiled loops run on a virtual clock (compiled-loop.ts), their
 * actions take no virtual time and nothing else runs meanwhile, so every record of the loop starts
 * and ends at the loop's start, where the Foreach's own start set the clock (run-action.ts execute).
 */
export function placeLeaf(action: PlannedAction, frame: Frame): ActionRun {
  const record = placeTakenRecord(action, frame, frame.takeLoopRecord(action));
  frame.run.history.reserve(record);
  return record;
}

/**
 * The leaf ended (run-action.ts's finish): the record stored by its known shape when it has one.
 * The task's turn passes with nothing to update: the turn model would set the task's time to the
 * leaf's end, and every record of a compiled loop ends at the loop's time, which the task already
 * holds (compiled-loop.ts).
 */
export function endLeaf(frame: Frame, record: ActionRun): ActionRun {
  const history = frame.run.history;
  if (record.error !== undefined || record.extrasForHistory() !== undefined || !history.keepsShortcuts) history.store(record);
  else if (record.outputs === record.inputs && record.inputs !== undefined) history.storeSame(record, record.inputs);
  else storeByShape(history, record);
  return record;
}

/** endLeaf for the records other than SAME: a variable action that told its {name, value} shape (record-shape.ts) is stored by it. */
function storeByShape(history: RunHistory, record: ActionRun): void {
  const shape = record.valueShape;
  const inputs = record.inputs as { name: unknown; value: unknown };
  if ((shape === SET_VARIABLE || shape === APPEND_VARIABLE) && typeof inputs.name === 'string') history.storeVariable(record, shape, inputs.name, inputs.value);
  else history.store(record);
}
