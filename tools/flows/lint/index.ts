import { sortDiagnostics, type Diagnostic } from '../../diagnostics/index.js';
import { lintFlow, type LintOptions } from './engine.js';
import { loadLintTarget, type LoadOptions } from './input/load-target.js';

export { lintFlow, type FlowFile, type LintOptions } from './engine.js';
export { loadLintTarget, type LintTarget, type LoadOptions } from './input/load-target.js';
export { flowRules } from './rules/index.js';
export type { FlowRule, SolutionContext } from './types.js';

export interface LintSummary {
  diagnostics: Diagnostic[];
  /** Flows linted. */
  flows: number;
}

/** Lints every flow of a target (file, solution folder, zip, flow package). */
export async function lintTarget(target: string, options: LoadOptions & LintOptions = {}): Promise<LintSummary> {
  const loaded = await loadLintTarget(target, options);
  const diagnostics = [...loaded.diagnostics];
  for (const flow of loaded.flows) diagnostics.push(...lintFlow(flow, loaded.solution, options));
  return { diagnostics: sortDiagnostics(diagnostics), flows: loaded.flows.length };
}
