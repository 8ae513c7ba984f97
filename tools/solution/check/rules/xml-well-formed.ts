import type { SolutionRule } from '../context.js';

/** Every .xml entry parses, with no DTD or entity declarations. */
export const xmlWellFormed: SolutionRule = {
  id: 'xml-well-formed',
  severity: 'error',
  description: 'every XML file is well-formed and has no DTD',
  docsUrl: 'https://www.w3.org/TR/xml/#sec-well-formed',
  check(context) {
    for (const [entry, error] of context.xmlErrors) context.report({ entry, message: error.message, line: error.location.line, column: error.location.column });
    for (const [entry, error] of context.jsonErrors) context.report({ entry, message: error.message });
  },
};
