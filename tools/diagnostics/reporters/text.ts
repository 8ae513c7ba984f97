import pc from 'picocolors';
import { countBySeverity, sortDiagnostics, type Diagnostic, type Severity } from '../diagnostic.js';

export interface TextReporterOptions {
  color?: boolean;
  /**
   * `stylish` (default) groups findings under a file heading; `lines` prints one self-contained
   * line per finding, `file:line:col  severity  rule-id  message`, for editors and CI logs.
   */
  layout?: 'stylish' | 'lines';
}

/**
 * Human output, grouped per file like ESLint's "stylish":
 *   connector/apiDefinition.swagger.json
 *     12:5  error    operation-id-unique  operationId "X" is used twice  (/paths/~1a/get/operationId)
 */
export function formatText(diagnostics: readonly Diagnostic[], options: TextReporterOptions = {}): string {
  const colors = pc.createColors(options.color ?? false);
  const paint: Record<Severity, (s: string) => string> = {
    error: colors.red,
    warning: colors.yellow,
    info: colors.cyan,
    hint: colors.gray,
  };
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of sortDiagnostics(diagnostics)) {
    const key = d.file ?? '(no file)';
    const list = byFile.get(key) ?? [];
    list.push(d);
    byFile.set(key, list);
  }
  const lines: string[] = [];
  if (options.layout === 'lines') {
    for (const d of sortDiagnostics(diagnostics)) {
      const where = `${d.file ?? '(no file)'}${d.line !== undefined ? `:${d.line}:${d.column ?? 1}` : ''}`;
      lines.push(`${where}  ${paint[d.severity](d.severity)}  ${colors.dim(d.code)}  ${d.message}${d.pointer ? colors.gray(`  (${d.pointer})`) : ''}`);
    }
    if (diagnostics.length > 0) lines.push('');
  }
  for (const [file, list] of options.layout === 'lines' ? [] : byFile) {
    lines.push(colors.underline(file));
    for (const d of list) {
      const position = d.line !== undefined ? `${d.line}:${d.column ?? 1}` : '-';
      const pointer = d.pointer ? colors.gray(`  (${d.pointer})`) : '';
      lines.push(`  ${position.padEnd(8)} ${paint[d.severity](d.severity.padEnd(7))}  ${colors.dim(d.code)}  ${d.message}${pointer}`);
    }
    lines.push('');
  }
  const counts = countBySeverity(diagnostics);
  const total = diagnostics.length;
  if (total === 0) {
    lines.push(colors.green('no problems found'));
  } else {
    const summary = `${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}${counts.info ? `, ${counts.info} info` : ''})`;
    lines.push(counts.error ? colors.red(summary) : colors.yellow(summary));
  }
  return `${lines.join('\n')}\n`;
}
