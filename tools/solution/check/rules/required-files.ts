import { CONTENT_TYPES_XML, CUSTOMIZATIONS_XML, SOLUTION_XML } from '../../package-files.js';
import type { SolutionRule } from '../context.js';

/** A solution zip has solution.xml, customizations.xml and [Content_Types].xml at its root. */
export const requiredFiles: SolutionRule = {
  id: 'required-files',
  severity: 'error',
  description: 'solution.xml, customizations.xml and [Content_Types].xml are present',
  docsUrl: 'https://learn.microsoft.com/en-us/power-platform/alm/solution-packager-tool',
  check(context) {
    for (const name of [SOLUTION_XML, CUSTOMIZATIONS_XML, CONTENT_TYPES_XML]) {
      if (context.files.has(name)) continue;
      const otherCase = [...context.files.keys()].find((entry) => entry.toLowerCase() === name.toLowerCase());
      context.report({ entry: otherCase, message: otherCase ? `${otherCase} must be named ${name} (exact case)` : `${name} is missing` });
    }
  },
};
