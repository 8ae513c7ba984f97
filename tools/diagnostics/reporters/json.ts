import { countBySeverity, sortDiagnostics, type Diagnostic } from '../diagnostic.js';

/** Machine output: `{"diagnostics": [...], "summary": {error, warning, info, hint}}`. */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const sorted = sortDiagnostics(diagnostics).map(({ path: _path, ...rest }) => rest);
  return `${JSON.stringify({ diagnostics: sorted, summary: countBySeverity(diagnostics) }, null, 2)}\n`;
}
