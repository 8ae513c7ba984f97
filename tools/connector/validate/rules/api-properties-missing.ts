import { DOCS, type Rule } from '../types.js';

/** paconn and pac connector create or update a connector from the swagger and apiProperties.json together. */
export const apiPropertiesMissing: Rule = {
  id: 'api-properties-missing',
  severity: 'error',
  description: 'The connector folder has an apiProperties.json beside the swagger',
  docsUrl: `${DOCS.paconn}#api-properties-file`,
  create: ({ index, report }) => ({
    document() {
      if (!index.apiPropertiesFound) report({ message: 'no apiProperties.json beside the swagger: paconn and pac connector need it (connection parameters, icon colour)', path: [], file: 'apiProperties' });
    },
  }),
};
