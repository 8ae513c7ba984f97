import { DOCS, type Rule } from '../types.js';

/** ConnectionIdParameterNotAllowed: `connectionId` is reserved by the platform. */
export const connectionIdParameter: Rule = {
  id: 'connection-id-parameter',
  severity: 'error',
  description: 'No parameter is named "connectionId" (ConnectionIdParameterNotAllowed)',
  docsUrl: DOCS.validator,
  create: ({ report }) => ({
    parameter(p) {
      if (p.name.toLowerCase() === 'connectionid') report({ message: `parameter name "${p.name}" is reserved by the platform`, path: [...p.path, 'name'] });
    },
  }),
};
