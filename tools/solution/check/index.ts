import { jsonLocator, locateDiagnostics, sortDiagnostics, type Diagnostic } from '../../diagnostics/index.js';
import type { PackageFiles } from '../package-files.js';
import { readSolutionPackage } from '../storage.js';
import { buildContext, type SolutionRule } from './context.js';
import { flowPackageRules, solutionRules } from './rules/index.js';
import { SOLUTION_XML } from '../package-files.js';

export { flowPackageRules, solutionRules };
export type { SolutionRule };

export interface SolutionCheckResult {
  diagnostics: Diagnostic[];
  kind: 'zip' | 'folder' | 'files';
  entries: number;
}

/** Runs every rule over package files; `label` prefixes file names in findings. */
export async function checkPackageFiles(files: PackageFiles, label: string, target?: string): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  let current: SolutionRule | undefined;
  const context = buildContext(files, label, diagnostics, () => current!, target);
  // A package with manifest.json and no solution.xml is a legacy flow package ("My flows > Import").
  const rules = !files.has(SOLUTION_XML) && files.has('manifest.json') ? flowPackageRules : solutionRules;
  for (const rule of rules.values()) {
    current = rule;
    await rule.check(context);
  }
  // JSON findings get line and column from the entry's text.
  const located = diagnostics.map((d) => {
    const entry = d.file?.startsWith(`${label}/`) ? d.file.slice(label.length + 1) : undefined;
    const bytes = entry && /\.json$/i.test(entry) ? files.get(entry) : undefined;
    return bytes && d.path ? locateDiagnostics([d], jsonLocator(bytes.toString('utf8').replace(/^\uFEFF/, '')))[0]! : d;
  });
  return sortDiagnostics(located);
}

/** `ppkit solution check <zip|folder>`: reads the package (hostile-zip checks first) and runs every rule. */
export async function checkSolution(path: string): Promise<SolutionCheckResult> {
  const { files, kind } = await readSolutionPackage(path);
  return { diagnostics: await checkPackageFiles(files, path, path), kind, entries: files.size };
}
