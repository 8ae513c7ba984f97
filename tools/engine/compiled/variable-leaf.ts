import type { PlannedAction } from '../definition/plan.js';
import type { Frame } from '../context/frame.js';
import type { ActionRun } from '../history/action-run.js';
import type { RunState } from '../context/run-state.js';
import { inputsObject } from '../actions/values.js';
import { SET_VARIABLE, type APPEND_VARIABLE } from '../history/record-shape.js';
import { failRecord, inputsTemplateOf } from '../run-action.js';
import { mayReadVariables } from '../inputs/templates.js';
import type { CompiledLeaf } from './compiled-graph.js';
import { endLeaf, placeLeaf } from './leaf-record.js';

/** A variable action's effect and checks, shared with its action type (actions/set-variable.ts, actions/append-to-array-variable.ts). */
export type VariableEffect = (run: RunState, inputs: Record<string, unknown>, action: string) => void;

/** What a variable action's run needs, fixed when it is compiled. */
interface VariableParts {
  readonly action: PlannedAction;
  readonly template: (context: Frame) => unknown;
  readonly effect: VariableEffect;
  readonly shape: typeof SET_VARIABLE | typeof APPEND_VARIABLE;
  /** As ActionExecution.succeededWithVariable: the shape is told only when the definition guarantees it. */
  readonly knownShape: number;
  readonly readsVariables: boolean;
}

/**
 * SetVariable / AppendToArrayVariable as a leaf run: the evaluated `{name, value}` inputs, the action
 * type's own effect, and the record its type would write (SetVariable's outputs `{body: inputs}`).
 */
export function variableLeaf(action: PlannedAction, effect: VariableEffect, shape: typeof SET_VARIABLE | typeof APPEND_VARIABLE): CompiledLeaf {
  const parts: VariableParts = {
    action,
    template: inputsTemplateOf(action),
    effect,
    shape,
    knownShape: action.nameValueInputs ? shape : 0,
    readsVariables: mayReadVariables(action.definition.inputs),
  };
  return {
    run: (frame, record) => runVariable(parts, frame, record),
    step: (frame) => runVariable(parts, frame, placeLeaf(action, frame)),
  };
}

function runVariable(parts: VariableParts, frame: Frame, record: ActionRun): ActionRun {
  try {
    const run = frame.run;
    let evaluated: unknown;
    if (parts.readsVariables) {
      const reads = run.arrayReads;
      const from = reads.mark();
      evaluated = parts.template(frame);
      reads.settle(from, evaluated);
    } else evaluated = parts.template(frame);
    const inputs = inputsObject(evaluated, parts.action.name);
    parts.effect(run, inputs, parts.action.name);
    record.valueShape = parts.knownShape;
    record.status = 'Succeeded';
    record.inputs = inputs;
    record.outputs = parts.shape === SET_VARIABLE ? { body: inputs } : undefined;
  } catch (error) {
    failRecord(record, parts.action.name, error);
  }
  return endLeaf(frame, record);
}
