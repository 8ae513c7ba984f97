import type { PlannedAction } from '../definition/plan.js';
import { SAME } from '../history/record-shape.js';
import { failRecord, inputsTemplateOf } from '../run-action.js';
import type { Step } from './compiled-graph.js';

/**
 * Compose as a step: leaf-step.ts with the action type's two lines (outputs are the evaluated
 * inputs: actions/compose.ts) inlined, and the record stored by its known shape. The hottest
 * action of data loops, so it skips the execution object and the outcome check.
 */
export function composeStep(action: PlannedAction): Step {
  const slot = action.slot;
  const index = action.index;
  const template = inputsTemplateOf(action);
  return (frame, start) => {
    const run = frame.run;
    const record = frame.takeRecord(action, start);
    if (action.secureInputs) record.secureInputs = true;
    if (action.secureOutputs) record.secureOutputs = true;
    frame.slots[slot] = record;
    run.latest[index] = record;
    const task = frame.task;
    const history = run.history;
    history.reserve(record);
    const clock = run.clock;
    clock.setTime?.(start);
    let value: unknown;
    try {
      const reads = run.arrayReads;
      const from = reads.mark();
      value = template(frame);
      reads.settle(from, value);
      record.status = 'Succeeded';
      record.inputs = value;
      record.outputs = value;
    } catch (error) {
      failRecord(record, action.name, error);
    }
    const now = clock.now();
    if (now > record.end) record.end = now;
    // The loop's task is alone in the run (compiled-loop.ts): its turn is granted at once.
    run.turns.passAlone(task, record.end);
    if (value !== undefined && record.error === undefined && record.extrasForHistory() === undefined && history.keepsShortcuts) history.storeKnownShape(record, SAME, value);
    else history.store(record);
    return record;
  };
}
