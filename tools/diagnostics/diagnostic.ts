/**
 * The one diagnostic type shared by every checker (connector validator, flow linter, solution
 * checker). Checkers build diagnostics with a `path` (JSON path segments); `locateDiagnostics`
 * turns paths into JSON pointers and line/column at the edge, and reporters only format.
 */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface Diagnostic {
  /** Rule or error id, kebab-case: `operation-id-unique`, `run-after-cycle`. */
  code: string;
  severity: Severity;
  message: string;
  /** File the finding is in, as the user named it. */
  file?: string;
  /** JSON path segments inside the file; kept as an array internally. */
  path?: readonly (string | number)[];
  /** RFC 6901 JSON pointer, derived from `path` when not given. */
  pointer?: string;
  /** 1-based position, when the file's text is known. */
  line?: number;
  column?: number;
  /** Where the rule is documented (Microsoft's page the rule is taken from). */
  docsUrl?: string;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** True when `severity` is at least as serious as `threshold`. */
export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] <= RANK[threshold];
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/** Exit code for a checker: 1 when any finding is at or above `failSeverity` (default error), else 0. */
export function exitCodeFor(diagnostics: readonly Diagnostic[], failSeverity: Severity = 'error'): number {
  return diagnostics.some((d) => isAtLeast(d.severity, failSeverity)) ? 1 : 0;
}

/** Stable order: file, then line, column, then code; diagnostics without position keep relative order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        (a.d.file ?? '').localeCompare(b.d.file ?? '') ||
        (a.d.line ?? 0) - (b.d.line ?? 0) ||
        (a.d.column ?? 0) - (b.d.column ?? 0) ||
        a.d.code.localeCompare(b.d.code) ||
        a.i - b.i,
    )
    .map(({ d }) => d);
}
