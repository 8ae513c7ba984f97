import type { ActionRecord, EvaluationContext } from '../context.js';
import { functionError } from '../errors.js';
import { isObject, orNull, type JsonObject } from '../values.js';
import { ANY, ARRAY, INTEGER, OBJECT, STRING, integerArg, stringArg, type FunctionDescriptor } from './descriptor.js';

const category = 'workflow';

/** An action or trigger record as `actions('X')` / `trigger()` show it: only the fields the run has. */
export function recordToJson(record: ActionRecord): JsonObject {
  const result: JsonObject = { name: record.name };
  const fields = ['inputs', 'outputs', 'startTime', 'endTime', 'scheduledTime', 'trackingId', 'clientTrackingId', 'code', 'status', 'error'] as const;
  for (const field of fields) if (record[field] !== undefined) result[field] = record[field];
  return result;
}

function requireAction(fn: string, ctx: EvaluationContext, name: string): ActionRecord {
  const record = ctx.action(name);
  if (!record) throw functionError(fn, `cannot be evaluated because the action '${name}' does not exist in the workflow or has not run yet.`);
  return record;
}

function requireTrigger(fn: string, ctx: EvaluationContext): ActionRecord {
  const record = ctx.trigger();
  if (!record) throw functionError(fn, 'cannot be evaluated because the workflow has no trigger record.');
  return record;
}

function outputsBody(record: ActionRecord): unknown {
  return isObject(record.outputs) ? orNull(record.outputs['body']) : null;
}

/** Values of form field `key` in a body with `$formdata: [{key, value}]` (URL-encoded or multipart forms). */
function formDataValues(fn: string, record: ActionRecord, key: string): unknown[] {
  const body = outputsBody(record);
  const form = isObject(body) ? body['$formdata'] : undefined;
  if (!Array.isArray(form)) throw functionError(fn, `expects the body of '${record.name}' to hold form data ($formdata), which it does not.`);
  return form.filter((field) => isObject(field) && field['key'] === key).map((field) => orNull((field as JsonObject)['value']));
}

function formDataValue(fn: string, record: ActionRecord, key: string): unknown {
  const values = formDataValues(fn, record, key);
  if (values.length === 0) throw functionError(fn, `cannot find the form field '${key}'.`);
  if (values.length > 1) throw functionError(fn, `found ${values.length} values for the form field '${key}'; use the MultiValues function instead.`);
  return values[0];
}

function multipartBody(fn: string, record: ActionRecord, index: number): unknown {
  const body = outputsBody(record);
  const parts = isObject(body) ? body['$multipart'] : undefined;
  if (!Array.isArray(parts)) throw functionError(fn, `expects the body of '${record.name}' to have multiple parts ($multipart), which it does not.`);
  if (index < 0 || index >= parts.length) throw functionError(fn, `was invoked with the part index '${index}', outside the ${parts.length} parts of the body.`);
  const part = parts[index];
  return isObject(part) ? orNull(part['body']) : null;
}

function named(name: string, returns: FunctionDescriptor['returns'], read: (fn: string, ctx: EvaluationContext, arg: string) => unknown): FunctionDescriptor {
  return { name, category, minArgs: 1, maxArgs: 1, argTypes: [STRING], returns, evaluate: (args, ctx, call) => read(call.name, ctx, stringArg(call.name, args, 0)) };
}

function none(name: string, returns: FunctionDescriptor['returns'], read: (fn: string, ctx: EvaluationContext) => unknown): FunctionDescriptor {
  return { name, category, minArgs: 0, maxArgs: 0, argTypes: [], returns, evaluate: (_args, ctx, call) => read(call.name, ctx) };
}

const readBody = (fn: string, ctx: EvaluationContext, name: string) => outputsBody(requireAction(fn, ctx, name));
const readOutputs = (fn: string, ctx: EvaluationContext, name: string) => orNull(requireAction(fn, ctx, name).outputs);

export const workflowFunctions: FunctionDescriptor[] = [
  none('action', OBJECT, (fn, ctx) => {
    const record = ctx.currentAction?.();
    if (!record) throw functionError(fn, 'can only be used where an action refers to itself (for example in trackedProperties).');
    return recordToJson(record);
  }),
  named('actions', OBJECT, (fn, ctx, name) => recordToJson(requireAction(fn, ctx, name))),
  named('body', ANY, readBody),
  named('actionBody', ANY, readBody),
  named('outputs', ANY, readOutputs),
  named('actionOutputs', ANY, readOutputs),
  {
    name: 'formDataValue',
    category,
    minArgs: 2,
    maxArgs: 2,
    argTypes: [STRING, STRING],
    returns: ANY,
    evaluate: (args, ctx, call) => formDataValue(call.name, requireAction(call.name, ctx, stringArg(call.name, args, 0)), stringArg(call.name, args, 1)),
  },
  {
    name: 'formDataMultiValues',
    category,
    minArgs: 2,
    maxArgs: 2,
    argTypes: [STRING, STRING],
    returns: ARRAY,
    evaluate: (args, ctx, call) => formDataValues(call.name, requireAction(call.name, ctx, stringArg(call.name, args, 0)), stringArg(call.name, args, 1)),
  },
  {
    name: 'multipartBody',
    category,
    minArgs: 2,
    maxArgs: 2,
    argTypes: [STRING, INTEGER],
    returns: ANY,
    evaluate: (args, ctx, call) => multipartBody(call.name, requireAction(call.name, ctx, stringArg(call.name, args, 0)), integerArg(call.name, args, 1)),
  },
  none('item', ANY, (fn, ctx) => {
    const item = ctx.item();
    if (item === undefined) throw functionError(fn, "can only be used inside a 'Foreach' loop or the 'from' of a Select, Query or similar repeating action.");
    return item;
  }),
  named('items', ANY, (fn, ctx, loop) => {
    const item = ctx.items(loop);
    if (item === undefined) throw functionError(fn, `expects its parameter to be the name of an enclosing 'Foreach' loop; '${loop}' is not one that is running.`);
    return item;
  }),
  named('iterationIndexes', INTEGER, (fn, ctx, loop) => {
    const index = ctx.iterationIndexes(loop);
    if (index === undefined) throw functionError(fn, `expects its parameter to be the name of an enclosing 'Until' loop; '${loop}' is not one that is running.`);
    return index;
  }),
  none('listCallbackUrl', STRING, (fn, ctx) => {
    const url = ctx.callbackUrl?.();
    if (url === undefined) throw functionError(fn, "can only be used in a workflow whose trigger is a 'Request' (HTTP) trigger.");
    return url;
  }),
  named('parameters', ANY, (_fn, ctx, name) => {
    if (!ctx.hasParameter(name)) throw functionError('parameters', `cannot be evaluated because the workflow parameter '${name}' is not found.`);
    return orNull(ctx.parameter(name));
  }),
  named('result', ARRAY, (fn, ctx, name) => {
    const records = ctx.result(name);
    if (!records) throw functionError(fn, `expects its parameter to be the name of a scoped action (Scope, Foreach, Until, Switch); '${name}' has not run.`);
    return records.map(recordToJson);
  }),
  none('trigger', OBJECT, (fn, ctx) => recordToJson(requireTrigger(fn, ctx))),
  none('triggerBody', ANY, (fn, ctx) => outputsBody(requireTrigger(fn, ctx))),
  none('triggerOutputs', ANY, (fn, ctx) => orNull(requireTrigger(fn, ctx).outputs)),
  named('triggerFormDataValue', ANY, (fn, ctx, key) => formDataValue(fn, requireTrigger(fn, ctx), key)),
  named('triggerFormDataMultiValues', ARRAY, (fn, ctx, key) => formDataValues(fn, requireTrigger(fn, ctx), key)),
  {
    name: 'triggerMultipartBody',
    category,
    minArgs: 1,
    maxArgs: 1,
    argTypes: [INTEGER],
    returns: ANY,
    evaluate: (args, ctx, call) => multipartBody(call.name, requireTrigger(call.name, ctx), integerArg(call.name, args, 0)),
  },
  named('variables', ANY, (fn, ctx, name) => {
    if (!ctx.hasVariable(name)) throw functionError(fn, `cannot be evaluated because the variable '${name}' is not initialized. Variables must be created with an 'Initialize variable' action first.`);
    return orNull(ctx.variable(name));
  }),
  none('workflow', OBJECT, (_fn, ctx) => orNull(ctx.workflow())),
];
