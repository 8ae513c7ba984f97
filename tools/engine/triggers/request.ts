import AjvModule, { type ValidateFunction } from 'ajv';
import { ActionFailure } from '../errors.js';
import { asRequest, type TriggerType } from './trigger-type.js';

const Ajv = AjvModule as unknown as typeof AjvModule.default;
const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
const compiled = new WeakMap<object, ValidateFunction>();

/** Power Automate's manual kinds, whose inputs the service checks against the trigger's schema. */
const VALIDATED_KINDS = /^(button|powerapp|powerappv2|apiconnection)$/i;

/**
 * Request / manual: "Manually trigger a flow" (kind Button), "When a flow is run from another flow"
 * and the Power Apps V2 trigger (kind PowerAppV2), the old Power Apps trigger (kind PowerApp), and
 * "When an HTTP request is received" (kind Http). `triggerBody()` is the payload's body;
 * `triggerOutputs()` is `{headers, body}`. Power Automate kinds check the body against
 * `inputs.schema` (required inputs, types); Http only with `EnableSchemaValidation`.
 */
export const request: TriggerType = {
  type: 'Request',
  validate(definition, report) {
    const schema = (definition.inputs as { schema?: unknown } | undefined)?.schema;
    if (schema !== undefined && (schema === null || typeof schema !== 'object')) report('"inputs.schema" must be a JSON schema object', ['inputs', 'schema']);
  },
  fire(definition, payload, _now, name) {
    const request = asRequest(payload ?? {});
    const schema = (definition.inputs as { schema?: Record<string, unknown> } | undefined)?.schema;
    const validate = schema && Object.keys(schema).length > 0 && (VALIDATED_KINDS.test(definition.kind ?? '') || /EnableSchemaValidation/i.test(String((definition as { operationOptions?: string }).operationOptions ?? '')));
    if (validate) {
      let check = compiled.get(schema);
      if (!check) {
        check = ajv.compile(schema);
        compiled.set(schema, check);
      }
      if (!check(request.body ?? {})) {
        const details = (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is not valid'}`).join('; ');
        throw new ActionFailure('TriggerInputSchemaMismatch', `The input body for trigger '${name}' of type 'Request' did not match its schema definition: ${details}.`);
      }
    }
    const outputs = { headers: request.headers, body: request.body };
    return { inputs: schema ? { schema } : undefined, outputs };
  },
};
