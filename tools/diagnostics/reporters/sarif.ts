import { sortDiagnostics, type Diagnostic, type Severity } from '../diagnostic.js';

export interface SarifToolInfo {
  name: string;
  version: string;
  informationUri?: string;
  /** Descriptions of rule ids, so viewers can show them; ids absent here still appear. */
  rules?: ReadonlyMap<string, { description: string; docsUrl?: string }>;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0 log with one run, for GitHub code scanning and other SARIF viewers. */
export function formatSarif(diagnostics: readonly Diagnostic[], tool: SarifToolInfo): string {
  const sorted = sortDiagnostics(diagnostics);
  const ruleIds = [...new Set(sorted.map((d) => d.code))].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => {
    const known = tool.rules?.get(id);
    const docsUrl = known?.docsUrl ?? sorted.find((d) => d.code === id && d.docsUrl)?.docsUrl;
    return {
      id,
      shortDescription: { text: known?.description ?? id },
      ...(docsUrl ? { helpUri: docsUrl } : {}),
    };
  });
  const results = sorted.map((d) => {
    const region = d.line !== undefined ? { region: { startLine: d.line, startColumn: d.column ?? 1 } } : {};
    const location = d.file
      ? [
          {
            physicalLocation: { artifactLocation: { uri: toUri(d.file) }, ...region },
            ...(d.pointer ? { logicalLocations: [{ fullyQualifiedName: d.pointer, kind: 'member' }] } : {}),
          },
        ]
      : undefined;
    return {
      ruleId: d.code,
      ruleIndex: ruleIndex.get(d.code),
      level: LEVEL[d.severity],
      message: { text: d.message },
      ...(location ? { locations: location } : {}),
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            ...(tool.informationUri ? { informationUri: tool.informationUri } : {}),
            rules,
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}
