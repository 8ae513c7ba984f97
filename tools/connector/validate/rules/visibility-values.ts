import { DOCS, type Rule } from '../types.js';

const VALUES = ['important', 'advanced', 'internal'];

/**
 * x-ms-visibility is one of important, advanced, internal. An internal parameter is hidden from
 * users, so when it is also required nobody can fill it in: it needs a default.
 */
export const visibilityValues: Rule = {
  id: 'visibility-values',
  severity: 'error',
  description: 'x-ms-visibility is important, advanced or internal; a required internal parameter has a default',
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
        if (visibility === 'internal' && p.in !== 'body' && p.value.required === true && p.value.default === undefined) {
          report({ message: `required parameter "${p.name}" is internal (hidden from users), so it needs a "default"`, path: [...p.path, 'x-ms-visibility'] });
        }
      },
    };
  },
};
