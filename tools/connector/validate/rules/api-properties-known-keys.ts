import { KNOWN_API_PROPERTIES_KEYS } from '../schemas/api-properties.schema.js';
import { DOCS, type Rule } from '../types.js';

/** Keys under `properties` that Microsoft does not document are ignored by the service: usually typos (`stackowner`). */
export const apiPropertiesKnownKeys: Rule = {
  id: 'api-properties-known-keys',
  severity: 'warning',
  description: 'apiProperties.json `properties` has only documented keys (catches typos such as "stackowner")',
  docsUrl: `${DOCS.paconn}#api-properties-file`,
  create: ({ report }) => ({
    apiProperties(properties) {
      for (const key of Object.keys(properties)) {
        if ((KNOWN_API_PROPERTIES_KEYS as readonly string[]).includes(key)) continue;
        const near = KNOWN_API_PROPERTIES_KEYS.find((known) => known.toLowerCase() === key.toLowerCase());
        report({ message: `unknown key "${key}" under "properties"${near ? `: did you mean "${near}"?` : ' is ignored'}`, path: ['properties', key], file: 'apiProperties' });
      }
    },
  }),
};
