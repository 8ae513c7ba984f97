import { ActionFailure } from '../errors.js';
import { callWorkflowFunction } from '../inputs/functions.js';
import type { ActionType } from './action-type.js';
import { inputsObject, textOf } from './values.js';

/**
 * The Date Time built-in actions, exported as `"type": "Expression"` with a `kind`. Each maps to
 * the expression function of the same meaning, so results are formatted exactly like expressions;
 * the result string is `body`.
 */
const KINDS: Record<string, (inputs: Record<string, unknown>) => { fn: string; args: unknown[] }> = {
  CurrentTime: () => ({ fn: 'utcNow', args: [] }),
  AddToTime: (i) => ({ fn: 'addToTime', args: withFormat([i.baseTime, int(i.interval), unit(i.timeUnit)], i.formatString) }),
  SubtractFromTime: (i) => ({ fn: 'subtractFromTime', args: withFormat([i.baseTime, int(i.interval), unit(i.timeUnit)], i.formatString) }),
  GetFutureTime: (i) => ({ fn: 'getFutureTime', args: withFormat([int(i.interval), unit(i.timeUnit)], i.formatString) }),
  GetPastTime: (i) => ({ fn: 'getPastTime', args: withFormat([int(i.interval), unit(i.timeUnit)], i.formatString) }),
  ConvertTimeZone: (i) => ({ fn: 'convertTimeZone', args: [i.baseTime, i.sourceTimeZone, i.destinationTimeZone, i.formatString === undefined || i.formatString === '' ? 'd' : i.formatString] }),
};

function withFormat(args: unknown[], format: unknown): unknown[] {
  return format === undefined || format === null || format === '' ? args : [...args, format];
}

function int(value: unknown): unknown {
  return typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
}

function unit(value: unknown): unknown {
  return value === undefined || value === null || value === '' ? 'Hour' : value;
}

export const expression: ActionType = {
  type: 'Expression',
  validate(definition, report) {
    if (typeof definition.kind !== 'string' || !Object.keys(KINDS).some((k) => k.toLowerCase() === String(definition.kind).toLowerCase())) {
      report(`"kind" must be one of ${Object.keys(KINDS).join(', ')}`, ['kind']);
    }
  },
  run(execution) {
    const kind = Object.keys(KINDS).find((k) => k.toLowerCase() === String(execution.action.definition.kind).toLowerCase());
    if (!kind) throw new ActionFailure('InvalidTemplate', `Unknown Date Time action kind '${textOf(execution.action.definition.kind)}'.`);
    const inputs = execution.action.definition.inputs === undefined ? {} : inputsObject(execution.inputs(), execution.name);
    const call = (KINDS[kind] as (i: Record<string, unknown>) => { fn: string; args: unknown[] })(inputs);
    const body = callWorkflowFunction(call.fn, call.args, execution.frame);
    return { inputs, outputs: { body } };
  },
};
