import type { PlannedAction } from '../definition/plan.js';
import type { RunState } from '../context/run-state.js';
import { inputsObject } from '../actions/values.js';
import { SET_VARIABLE, type APPEND_VARIABLE } from '../history/record-shape.js';
import { failRecord, inputsTemplateOf } from '../run-action.js';
import type { LeafRun } from './compiled-graph.js';
import { endLeaf, startLeaf } from './leaf-record.js';

/** A variable action's effect and checks, shared with its action type (actions/set-variable.ts, actions/append-to-array-variable.ts). */
export type VariableEffect = (run: RunState, inputs: Record<string, unknown>, action: string) => void;

/**
 * SetVariable / AppendToArrayVariable as a leaf run: the evaluated `{name, value}` inputs, the action
 * type's own effect, and the record its type would write (SetVariable's outputs `{body: inputs}`).
 */
export function variableLeaf(action: PlannedAction, effect: VariableEffect, shape: typeof SET_VARIABLE | typeof APPEND_VARIABLE): LeafRun {
  const template = inputsTemplateOf(action);
  // As ActionExecution.succeededWithVariable: the shape is told only when the definition guarantees it.
  const knownShape = action.nameValueInputs ? shape : 0;
  return (frame, record) => {
    startLeaf(frame, record);
    try {
      const run = frame.run;
      const reads = run.arrayReads;
      const from = reads.mark();
      const evaluated = template(frame);
      reads.settle(from, evaluated);
      const inputs = inputsObject(evaluated, action.name);
      effect(run, inputs, action.name);
      record.valueShape = knownShape;
      record.status = 'Succeeded';
      record.inputs = inputs;
      record.outputs = shape === SET_VARIABLE ? { body: inputs } : undefined;
    } catch (error) {
      failRecord(record, action.name, error);
    }
    return endLeaf(frame, record);
  };
}
