import { jsonLocator, locateDiagnostics, sortDiagnostics, type Diagnostic } from '../../diagnostics/index.js';
import type { PackageFiles } from '../package-files.js';
import { readSolutionPackage } from '../storage.js';
import { buildContext, type SolutionRule } from './context.js';
import { flowPackageRules, solutionRules } from './rules/index.js';
import { SOLUTION_XML } from '../package-files.js';
import { FOLDER_CUSTOMIZATIONS_XML, FOLDER_SOLUTION_XML } from '../layout.js';

export { flowPackageRules, solutionRules };
export type { SolutionRule };

export interface SolutionCheckResult {
  diagnostics: Diagnostic[];
  kind: 'zip' | 'folder' | 'files';
  entries: number;
}

/** Runs every rule over package files; `label` prefixes file names in findings. */
export async function checkPackageFiles(files: PackageFiles, label: string, target?: string, entryLabel?: (entry: string) => string): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  let current: SolutionRule | undefined;
  const labelOf = entryLabel ?? ((entry: string) => `${label}!/${entry}`);
  const context = buildContext(files, label, diagnostics, () => current!, target, labelOf);
  // A package with manifest.json and no solution.xml is a legacy flow package ("My flows > Import").
  const rules = !files.has(SOLUTION_XML) && files.has('manifest.json') ? flowPackageRules : solutionRules;
  for (const rule of rules.values()) {
    current = rule;
    await rule.check(context);
  }
  // JSON findings get line and column from the entry's text.
  const entries = new Map([...files.keys()].map((name) => [labelOf(name), name]));
  const located = diagnostics.map((d) => {
    const entry = d.file !== undefined ? entries.get(d.file) : undefined;
    const bytes = entry && /\.json$/i.test(entry) ? files.get(entry) : undefined;
    return bytes && d.path ? locateDiagnostics([d], jsonLocator(bytes.toString('utf8').replace(/^\uFEFF/, '')))[0]! : d;
  });
  return sortDiagnostics(located);
}

/** `ppkit solution check <zip|folder>`: reads the package (hostile-zip checks first) and runs every rule. */
export async function checkSolution(path: string): Promise<SolutionCheckResult> {
  const { files, kind, zipLayout } = await readSolutionPackage(path);
  // Findings on a folder name the folder's own files (Other/Solution.xml, Connectors/... when unpacked by SolutionPackager).
  const entryLabel = kind === 'folder' ? (entry: string) => `${path}/${zipLayout ? entry : folderPathOf(entry)}` : undefined;
  return { diagnostics: await checkPackageFiles(files, path, path, entryLabel), kind, entries: files.size };
}

/** Where a zip-layout entry lives in the SolutionPackager folder. */
export function folderPathOf(entry: string): string {
  if (entry === 'solution.xml') return FOLDER_SOLUTION_XML;
  if (entry === 'customizations.xml') return FOLDER_CUSTOMIZATIONS_XML;
  if (entry.startsWith('Connector/')) return `Connectors/${entry.slice('Connector/'.length)}`;
  return entry;
}
