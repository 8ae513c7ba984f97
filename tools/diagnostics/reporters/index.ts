import { UsageError } from '../../core/errors.js';
import type { Diagnostic } from '../diagnostic.js';
import { formatJson } from './json.js';
import { formatSarif, type SarifToolInfo } from './sarif.js';
import { formatText } from './text.js';

export const REPORT_FORMATS = ['text', 'json', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function parseReportFormat(value: string): ReportFormat {
  if ((REPORT_FORMATS as readonly string[]).includes(value)) return value as ReportFormat;
  throw new UsageError(`unknown format "${value}": expected one of ${REPORT_FORMATS.join(', ')}`);
}

export interface ReportOptions {
  color?: boolean;
  /** Text layout: see TextReporterOptions. */
  layout?: 'stylish' | 'lines';
  tool: SarifToolInfo;
}

/** Formats diagnostics in the chosen format: the only place a checker's output is shaped. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: ReportFormat, options: ReportOptions): string {
  switch (format) {
    case 'text':
      return formatText(diagnostics, { color: options.color, layout: options.layout });
    case 'json':
      return formatJson(diagnostics);
    case 'sarif':
      return formatSarif(diagnostics, options.tool);
  }
}

export { formatJson, formatSarif, formatText };
export type { SarifToolInfo };
