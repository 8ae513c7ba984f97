import { DOCS, isObject, type Rule } from '../types.js';

/** `required` is a non-empty list of property names that exist, on object schemas only. */
export const schemaRequired: Rule = {
  id: 'schema-required',
  severity: 'error',
  description: '`required` lists existing properties, is not empty, and is used on object schemas only',
  docsUrl: DOCS.validator,
  create: ({ report }) => ({
    schema(node) {
      const required = node.value.required;
      if (required === undefined || typeof required === 'boolean') return;
      const path = [...node.path, 'required'];
      if (!Array.isArray(required)) return; // the Swagger schema check reports the type
      if (required.length === 0) {
        report({ message: '"required": [] is not allowed: remove it', path });
        return;
      }
      const type = node.value.type;
      if (type !== undefined && type !== 'object') report({ message: `"required" only applies to object schemas, this one is "${String(type)}"`, path });
      const properties = node.value.properties;
      if (!isObject(properties) || node.value.allOf !== undefined) return;
      required.forEach((name, i) => {
        if (typeof name === 'string' && !Object.hasOwn(properties, name)) report({ message: `required property "${name}" is not defined in "properties"`, path: [...path, i] });
      });
    },
  }),
};
