import { findSecrets } from '../../secrets.js';
import type { SolutionRule } from '../context.js';

/** No client secret or password travels in a package. */
export const noSecrets: SolutionRule = {
  id: 'no-secrets',
  severity: 'error',
  description: 'no client secret or password is stored in the package',
  docsUrl: 'https://learn.microsoft.com/en-us/connectors/custom-connectors/connection-parameters',
  check(context) {
    for (const finding of findSecrets(context.files)) context.report({ entry: finding.entry, message: `holds a secret value (${finding.where}); remove it, Power Platform asks for it after import` });
  },
};
