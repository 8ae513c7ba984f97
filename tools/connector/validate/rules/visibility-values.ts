import { DOCS, type Rule } from '../types.js';

const VALUES = ['important', 'advanced', 'internal'];

/**
 * x-ms-visibility is one of important, advanced, internal; an internal parameter is hidden from
 * users, so it must be required with a default (PropertyMustBeRequired, InternalPropertyWithDefaultOptional).
 */
export const visibilityValues: Rule = {
  id: 'visibility-values',
  severity: 'error',
  description: 'x-ms-visibility is important, advanced or internal; internal parameters are required with a default',
  docsUrl: `${DOCS.extensions}#x-ms-visibility`,
  create: ({ report }) => {
    const checkValue = (value: unknown, path: (string | number)[]) => {
      if (value !== undefined && !VALUES.includes(value as string)) {
        report({ message: `x-ms-visibility must be one of ${VALUES.join(', ')}, found ${JSON.stringify(value)}`, path });
      }
    };
    return {
      operation: (op) => checkValue(op.value['x-ms-visibility'], [...op.path, 'x-ms-visibility']),
      schema: (node) => checkValue(node.value['x-ms-visibility'], [...node.path, 'x-ms-visibility']),
      parameter(p) {
        const visibility = p.value['x-ms-visibility'];
        checkValue(visibility, [...p.path, 'x-ms-visibility']);
        if (visibility === 'internal' && p.in !== 'body' && (p.value.required !== true || p.value.default === undefined)) {
          report({ message: `internal parameter "${p.name}" is hidden from users: it must be "required": true with a "default"`, path: [...p.path, 'x-ms-visibility'] });
        }
      },
    };
  },
};
