import { DOCS, type Rule } from '../types.js';

/** scriptOperations (operations handled by script.csx) name existing operations, and need a script.csx. */
export const scriptOperations: Rule = {
  id: 'script-operations',
  severity: 'error',
  description: 'apiProperties scriptOperations name existing operations and come with a script.csx',
  docsUrl: DOCS.script,
  create: ({ index, report }) => ({
    apiProperties(properties) {
      const list = properties.scriptOperations;
      if (!Array.isArray(list)) return;
      if (list.length > 0 && index.scriptText === undefined) report({ message: 'scriptOperations is set but the connector has no script.csx', path: ['properties', 'scriptOperations'], file: 'apiProperties' });
      list.forEach((name, i) => {
        if (typeof name === 'string' && !index.operationsById.has(name)) {
          report({ message: `scriptOperations names operation "${name}", which does not exist`, path: ['properties', 'scriptOperations', i], file: 'apiProperties' });
        }
      });
    },
  }),
};
