import { DOCS, type Rule } from '../types.js';

/** Coding standards: PascalCase operationIds, no hyphens or underscores ("GetMessages", not "getMessages"). */
export const operationIdPascalCase: Rule = {
  id: 'operation-id-pascal-case',
  severity: 'warning',
  description: 'operationId is PascalCase without "-" or "_"',
  docsUrl: `${DOCS.codingStandards}#actions-and-triggers`,
  create: ({ report }) => ({
    operation(op) {
      const id = op.operationId;
      if (id === undefined || id === '') return;
      if (!/^[A-Z][A-Za-z0-9]*$/.test(id)) {
        const suggestion = id
          .split(/[^A-Za-z0-9]+/)
          .filter(Boolean)
          .map((part) => part[0]!.toUpperCase() + (part === part.toUpperCase() ? part.slice(1).toLowerCase() : part.slice(1)))
          .join('');
        report({ message: `operationId "${id}" is not PascalCase: use "${suggestion}"`, path: [...op.path, 'operationId'] });
      }
    },
  }),
};
