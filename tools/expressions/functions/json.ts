import { functionError } from '../errors.js';
import { findKey, setOwn, type JsonObject } from '../values.js';
import { ANY, OBJECT, STRING, objectArg, stringArg, type FunctionDescriptor } from './descriptor.js';

const category = 'json-xml';

/** A shallow copy: the functions return new objects and never change their input. */
function copy(object: JsonObject): JsonObject {
  const result: JsonObject = {};
  for (const key of Object.keys(object)) setOwn(result, key, object[key]);
  return result;
}

export const jsonFunctions: FunctionDescriptor[] = [
  {
    name: 'addProperty',
    category,
    minArgs: 3,
    maxArgs: 3,
    argTypes: [OBJECT, STRING, ANY],
    returns: OBJECT,
    evaluate(args, _ctx, call) {
      const object = objectArg(call.name, args, 0);
      const property = stringArg(call.name, args, 1);
      if (findKey(object, property) !== undefined) {
        throw functionError(call.name, `was invoked with a property '${property}' that already exists in the object. Use setProperty to change it.`);
      }
      const result = copy(object);
      setOwn(result, property, args[2]);
      return result;
    },
  },
  {
    name: 'setProperty',
    category,
    minArgs: 3,
    maxArgs: 3,
    argTypes: [OBJECT, STRING, ANY],
    returns: OBJECT,
    evaluate(args, _ctx, call) {
      const object = objectArg(call.name, args, 0);
      const property = stringArg(call.name, args, 1);
      const result = copy(object);
      setOwn(result, findKey(object, property) ?? property, args[2]);
      return result;
    },
  },
  {
    name: 'removeProperty',
    category,
    minArgs: 2,
    maxArgs: 2,
    argTypes: [OBJECT, STRING],
    returns: OBJECT,
    evaluate(args, _ctx, call) {
      const object = objectArg(call.name, args, 0);
      const key = findKey(object, stringArg(call.name, args, 1));
      const result = copy(object);
      if (key !== undefined) delete result[key];
      return result;
    },
  },
  {
    name: 'coalesce',
    category,
    minArgs: 1,
    maxArgs: Infinity,
    argTypes: [ANY],
    returns: ANY,
    lazy: true,
    evaluate(args, ctx) {
      // The first value that is not null ('' , [] and {} count as values); later arguments are not evaluated.
      for (const arg of args) {
        const value = arg(ctx);
        if (value !== null && value !== undefined) return value;
      }
      return null;
    },
  },
];
