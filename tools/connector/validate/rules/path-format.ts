import { DOCS, type Rule } from '../types.js';

/**
 * Paths start with "/", have no query, fragment or "*", balanced template braces, and no two
 * paths equal ignoring case (PathRedefined) or ignoring parameter names (DuplicateOperationPath).
 */
export const pathFormat: Rule = {
  id: 'path-format',
  severity: 'error',
  description: 'Paths start with "/", have no "?", "#" or "*", balanced {}, and are unique ignoring case and parameter names (PathRedefined, DuplicateOperationPath)',
  docsUrl: DOCS.validator,
  create: ({ index, report }) => ({
    document() {
      const paths = index.root.paths;
      if (!paths || typeof paths !== 'object') return;
      const byCase = new Map<string, string>();
      const byTemplate = new Map<string, string>();
      for (const key of Object.keys(paths)) {
        const path = ['paths', key];
        if (!key.startsWith('/')) report({ message: `path "${key}" must start with "/"`, path });
        const bad = /[?#*]/.exec(key);
        if (bad) report({ message: `path "${key}" must not contain "${bad[0]}": declare query parameters as parameters`, path });
        if (!balanced(key)) report({ message: `path "${key}" has unbalanced or nested "{" "}"`, path });
        const lower = key.toLowerCase();
        if (byCase.has(lower)) report({ message: `path "${key}" redefines "${byCase.get(lower)}" (paths are compared ignoring case)`, path });
        else byCase.set(lower, key);
        const template = lower.replace(/\{[^}]*\}/g, '{}');
        if (byTemplate.has(template) && byTemplate.get(template)!.toLowerCase() !== lower) {
          report({ message: `path "${key}" is the same template as "${byTemplate.get(template)}" with other parameter names`, path });
        } else if (!byTemplate.has(template)) byTemplate.set(template, key);
      }
    },
  }),
};

function balanced(path: string): boolean {
  let open = false;
  for (const char of path) {
    if (char === '{') {
      if (open) return false;
      open = true;
    } else if (char === '}') {
      if (!open) return false;
      open = false;
    }
  }
  return !open;
}
