import type { PlannedAction } from '../definition/plan.js';
import { failRecord, inputsTemplateOf } from '../run-action.js';
import { mayReadVariables } from '../inputs/templates.js';
import type { LeafRun } from './compiled-graph.js';
import { endLeaf } from './leaf-record.js';

/**
 * Compose as a leaf run: its outputs are the evaluated inputs (actions/compose.ts), written straight
 * into the record. The hottest action of data loops, so no execution object or outcome check.
 */
export function composeLeaf(action: PlannedAction): LeafRun {
  const template = inputsTemplateOf(action);
  const readsVariables = mayReadVariables(action.definition.inputs);
  return (frame, record) => {
    try {
      let value: unknown;
      if (readsVariables) {
        const reads = frame.run.arrayReads;
        const from = reads.mark();
        value = template(frame);
        reads.settle(from, value);
      } else value = template(frame);
      record.status = 'Succeeded';
      record.inputs = value;
      record.outputs = value;
    } catch (error) {
      failRecord(record, action.name, error);
    }
    return endLeaf(frame, record);
  };
}
