import type { PlannedAction } from '../definition/plan.js';
import { RECORDED, type Outcome } from '../actions/action-type.js';
import { applyOutcome, executionFor, failRecord } from '../run-action.js';
import type { Step } from './compiled-graph.js';

/**
 * A leaf action (Compose, a variable action) as a step: run-action.ts's runAction, execute and
 * finish for an action whose turn is granted at once (a compiled loop runs only when its task is
 * the run's only one) and whose type answers synchronously, without the checks that cannot apply
 * (no timeout, no tracked properties: compilable.ts). The action type itself does the work.
 */
export function leafStep(action: PlannedAction): Step {
  const slot = action.slot;
  const index = action.index;
  const type = action.type;
  return (frame, start) => {
    const run = frame.run;
    const record = frame.takeRecord(action, start);
    if (action.secureInputs) record.secureInputs = true;
    if (action.secureOutputs) record.secureOutputs = true;
    frame.slots[slot] = record;
    run.latest[index] = record;
    const task = frame.task;
    run.history.reserve(record);
    const execution = executionFor(action, frame, record);
    const clock = run.clock;
    clock.setTime?.(start);
    try {
      const outcome = type.run(execution) as Outcome;
      if (outcome !== RECORDED) applyOutcome(record, outcome);
    } catch (error) {
      failRecord(record, action.name, error);
    }
    const now = clock.now();
    if (now > record.end) record.end = now;
    // The loop's task is alone in the run (compiled-loop.ts): its turn is granted at once.
    run.turns.passAlone(task, record.end);
    const history = run.history;
    // A variable action that told its {name, value} shape (record-shape.ts) is stored by it.
    const shape = record.valueShape;
    if (shape !== 0 && record.error === undefined && record.extrasForHistory() === undefined && history.keepsShortcuts && typeof (record.inputs as { name: unknown }).name === 'string') {
      history.storeKnownShape(record, shape, record.inputs);
    } else history.store(record);
    return record;
  };
}
