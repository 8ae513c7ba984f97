import type { ActionRun, RecordExtras } from './action-run.js';

/**
 * How a stored record's inputs and outputs sit in the history's two value columns. The common
 * records of a long loop keep one value or none instead of the small objects around them:
 * - AS_IS: inputs and outputs columns as they were;
 * - SAME: outputs are the inputs (Compose), kept once;
 * - SET_VARIABLE / APPEND_VARIABLE: inputs were `{name, value}` (and SetVariable's outputs
 *   `{body: inputs}`): the value and the name are kept, the objects rebuilt on read;
 * - NOT_TAKEN: an action of a branch not taken, Skipped with its action's shared error;
 * - CONDITION_TRUE / CONDITION_FALSE: an If's inputs, one of the two shared records below, and no outputs.
 */
export const AS_IS = 0;
export const SAME = 1;
export const SET_VARIABLE = 2;
export const APPEND_VARIABLE = 3;
export const NOT_TAKEN = 4;
export const CONDITION_TRUE = 5;
export const CONDITION_FALSE = 6;

/** An If's inputs, shared (frozen) by all its records: a 100k-iteration loop does not keep 100k copies. */
export const EXPRESSION_TRUE = Object.freeze({ expressionResult: true });
export const EXPRESSION_FALSE = Object.freeze({ expressionResult: false });

/** Shared by every record of a branch not taken (a loop makes one per iteration): frozen, never written. */
export const SKIPPED_EXTRAS: RecordExtras = Object.freeze({ code: 'ActionSkipped' });
export const BRANCH_NOT_TAKEN = 'ActionBranchingConditionNotSatisfied';

export function shapeOf(record: ActionRun, extras: RecordExtras | undefined): number {
  if (extras === SKIPPED_EXTRAS && record.error !== undefined && record.error.code === BRANCH_NOT_TAKEN && record.inputs === undefined && record.outputs === undefined) return NOT_TAKEN;
  const inputs = record.inputs;
  if (inputs !== undefined && record.outputs === inputs) return SAME;
  if (record.outputs === undefined && (inputs === EXPRESSION_TRUE || inputs === EXPRESSION_FALSE)) return inputs === EXPRESSION_TRUE ? CONDITION_TRUE : CONDITION_FALSE;
  if (record.valueShape !== AS_IS) return record.error ? AS_IS : record.valueShape;
  return variableShape(record);
}

/**
 * SetVariable records `{name, value}` as inputs and `{body: inputs}` as outputs; the Append
 * actions `{name, value}` and no outputs. Only exactly those shapes are rebuilt on read.
 */
function variableShape(record: ActionRun): number {
  const type = record.type;
  const kind = type === 'SetVariable' ? SET_VARIABLE : type === 'AppendToArrayVariable' || type === 'AppendToStringVariable' ? APPEND_VARIABLE : AS_IS;
  if (kind === AS_IS || record.error) return AS_IS;
  const inputs = record.inputs as { name?: unknown; value?: unknown } | undefined;
  if (inputs === null || typeof inputs !== 'object' || Object.getPrototypeOf(inputs) !== Object.prototype) return AS_IS;
  let keys = 0;
  for (const key in inputs) {
    if (key !== 'name' && key !== 'value') return AS_IS;
    keys++;
  }
  if (keys !== 2 || !Object.prototype.hasOwnProperty.call(inputs, 'name') || !Object.prototype.hasOwnProperty.call(inputs, 'value')) return AS_IS;
  const outputs = record.outputs as { body?: unknown } | undefined;
  if (kind === SET_VARIABLE) {
    if (outputs === null || typeof outputs !== 'object') return AS_IS;
    let outputKeys = 0;
    for (const key in outputs) {
      if (key !== 'body') return AS_IS;
      outputKeys++;
    }
    return outputKeys === 1 && outputs.body === inputs ? SET_VARIABLE : AS_IS;
  }
  return outputs === undefined ? APPEND_VARIABLE : AS_IS;
}
