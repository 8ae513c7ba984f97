import { DOCS, isObject, type Rule } from '../types.js';

/**
 * x-ms-trigger is "batch" or "single"; a webhook trigger's body has an `x-ms-notification-url`
 * string property that is internal and required (the platform fills in the callback URL).
 */
export const triggerShape: Rule = {
  id: 'trigger-shape',
  severity: 'error',
  description: 'x-ms-trigger is "batch" or "single"; webhook bodies mark the callback URL with x-ms-notification-url (string, internal, required)',
  docsUrl: `${DOCS.extensions}#x-ms-trigger`,
  create: ({ index, report }) => ({
    operation(op) {
      const trigger = op.value['x-ms-trigger'];
      if (trigger === undefined) return;
      if (trigger !== 'batch' && trigger !== 'single') report({ message: `x-ms-trigger must be "batch" or "single", found ${JSON.stringify(trigger)}`, path: [...op.path, 'x-ms-trigger'] });
      const body = op.parameters.find((p) => p.value.in === 'body');
      if (!body) return;
      const schema = index.deref(body.value.schema, [])?.value;
      if (!isObject(schema) || !isObject(schema.properties)) return;
      for (const [name, raw] of Object.entries(schema.properties)) {
        const property = index.deref(raw, [])?.value;
        if (!isObject(property) || property['x-ms-notification-url'] === undefined) continue;
        const where = body.definition?.path ?? body.path;
        if (property.type !== 'string') report({ message: `notification URL property "${name}" must be "type": "string"`, path: where });
        if (property['x-ms-visibility'] !== 'internal') report({ message: `notification URL property "${name}" must be "x-ms-visibility": "internal"`, path: where });
        const required = Array.isArray(schema.required) ? schema.required : [];
        if (!required.includes(name)) report({ message: `notification URL property "${name}" must be listed in the body schema's "required"`, path: where });
      }
    },
  }),
};
