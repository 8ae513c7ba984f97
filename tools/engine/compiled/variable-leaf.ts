import type { PlannedAction } from '../definition/plan.js';
import type { RunState } from '../context/run-state.js';
import { inputsObject } from '../actions/values.js';
import { SET_VARIABLE, type APPEND_VARIABLE } from '../history/record-shape.js';
import { failRecord, inputsTemplateOf } from '../run-action.js';
import { mayReadVariables } from '../inputs/templates.js';
import type { LeafRun } from './compiled-graph.js';
import { endLeaf } from './leaf-record.js';

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
  const readsVariables = mayReadVariables(action.definition.inputs);
  return (frame, record) => {
    try {
      const run = frame.run;
      let evaluated: unknown;
      if (readsVariables) {
        const reads = run.arrayReads;
        const from = reads.mark();
        evaluated = template(frame);
        reads.settle(from, evaluated);
      } else evaluated = template(frame);
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
