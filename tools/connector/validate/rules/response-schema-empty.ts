import { DOCS, isObject, type Rule } from '../types.js';

/**
 * An action whose success response has no usable schema gives flows no dynamic content:
 * `{}` or an object with no properties (unless dynamic) is a gap users hit at design time.
 * Not flagged: 204 No Content, internal operations and operations that only feed
 * x-ms-dynamic-* lookups (flows never use their output directly).
 */
export const responseSchemaEmpty: Rule = {
  id: 'response-schema-empty',
  severity: 'warning',
  description: 'Success responses of actions that return a body describe it (no empty object schemas)',
  docsUrl: DOCS.definition,
  create: ({ index, report }) => ({
    operation(op) {
      if (op.isWebhookTrigger || op.value['x-ms-notification-content'] !== undefined || op.value['x-ms-visibility'] === 'internal') return;
      for (const response of op.responses) {
        if (!/^2\d\d$/.test(response.code) || response.code === '204' || response.value.schema === undefined) continue;
        const schema = index.deref(response.value.schema, [])?.value;
        if (!isObject(schema)) continue;
        const dynamic = schema['x-ms-dynamic-schema'] !== undefined || schema['x-ms-dynamic-properties'] !== undefined;
        const empty = Object.keys(schema).filter((k) => !['description', 'title', 'x-ms-summary'].includes(k)).length === 0;
        const bareObject = schema.type === 'object' && !isObject(schema.properties) && schema.additionalProperties === undefined && schema.allOf === undefined;
        if (!dynamic && (empty || bareObject || (isObject(schema.properties) && Object.keys(schema.properties).length === 0 && schema.additionalProperties === undefined))) {
          report({ message: `response ${response.code} of "${op.operationId ?? op.pathKey}" has an empty schema: flows get no dynamic content from it`, path: [...response.path, 'schema'] });
        }
      }
    },
  }),
};
