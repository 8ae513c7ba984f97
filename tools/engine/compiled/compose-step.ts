import type { PlannedAction } from '../definition/plan.js';
import { failRecord, inputsTemplateOf } from '../run-action.js';
import type { Step } from './compiled-graph.js';
import { beginLeaf, endLeaf } from './leaf-record.js';

/**
 * Compose as a step: its outputs are the evaluated inputs (actions/compose.ts), written straight
 * into the record. The hottest action of data loops, so no execution object or outcome check.
 */
export function composeStep(action: PlannedAction): Step {
  const template = inputsTemplateOf(action);
  return (frame, start) => {
    const record = beginLeaf(action, frame, start);
    try {
      const reads = frame.run.arrayReads;
      const from = reads.mark();
      const value = template(frame);
      reads.settle(from, value);
      record.status = 'Succeeded';
      record.inputs = value;
      record.outputs = value;
    } catch (error) {
      failRecord(record, action.name, error);
    }
    return endLeaf(frame, record);
  };
}
