import AjvModule, { type ValidateFunction } from 'ajv';
import { ActionFailure } from '../errors.js';
import type { ActionType } from './action-type.js';
import { inputsObject, isObject } from './values.js';

const Ajv = AjvModule as unknown as typeof AjvModule.default;
/** Power Automate schemas are draft-04 style without `$schema`; unknown keywords are ignored. */
const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
const compiled = new WeakMap<object, ValidateFunction>();

/** ParseJson: parses `content` (text or JSON) and checks it against `schema`; the result is `body`. */
export const parseJson: ActionType = {
  type: 'ParseJson',
  validate(definition, report) {
    const inputs = definition.inputs as { schema?: unknown } | undefined;
    if (!isObject(inputs) || !isObject(inputs.schema)) report('"inputs.schema" must be a JSON schema object', ['inputs', 'schema']);
  },
  run(execution) {
    const inputs = inputsObject(execution.inputs(), execution.name);
    let content = inputs.content;
    if (typeof content === 'string') {
      try {
        content = JSON.parse(content);
      } catch (error) {
        throw new ActionFailure('InvalidJSON', `The 'content' property of action '${execution.name}' is not valid JSON: ${(error as Error).message}.`);
      }
    }
    const schema = inputs.schema as object;
    let validate = compiled.get(schema);
    if (!validate) {
      try {
        validate = ajv.compile(schema);
      } catch (error) {
        throw new ActionFailure('InvalidJsonSchema', `The schema of action '${execution.name}' is not valid: ${(error as Error).message}.`);
      }
      compiled.set(schema, validate);
    }
    if (!validate(content)) {
      const errors = (validate.errors ?? []).map((e) => ({ message: `${e.message ?? 'Invalid'}${e.instancePath ? ` at '${e.instancePath}'` : ''}.`, path: e.instancePath.replace(/^\//, '').replace(/\//g, '.'), schemaId: e.schemaPath, errorType: e.keyword }));
      throw new ActionFailure('ValidationFailed', 'The schema validation failed.', { errors, body: content });
    }
    return { inputs, outputs: { body: content } };
  },
};
