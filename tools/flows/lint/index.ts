import { sortDiagnostics, type Diagnostic } from '../../diagnostics/index.js';
import { lintFlow, type LintOptions } from './engine.js';
import { statSync } from 'node:fs';
import { InputError } from '../../core/errors.js';
import { loadLintTarget, type LintTarget, type LoadOptions } from './input/load-target.js';
import { nestedFlowTargets } from './input/nested-targets.js';

export { lintFlow, type FlowFile, type LintOptions } from './engine.js';
export { loadLintTarget, type LintTarget, type LoadOptions } from './input/load-target.js';
export { flowRules } from './rules/index.js';
export type { FlowRule, SolutionContext } from './types.js';

export interface LintSummary {
  diagnostics: Diagnostic[];
  /** Flows linted. */
  flows: number;
}

/**
 * Lints every flow of a target (file, solution folder, zip, flow package). A folder that is none of
 * these but holds some (a repository of exports) has each of them linted on its own.
 */
export async function lintTarget(target: string, options: LoadOptions & LintOptions = {}): Promise<LintSummary> {
  let loaded: LintTarget;
  try {
    loaded = await loadLintTarget(target, options);
  } catch (error) {
    const nested = error instanceof InputError && statSync(target, { throwIfNoEntry: false })?.isDirectory() ? nestedFlowTargets(target) : [];
    if (nested.length === 0) throw error;
    const summaries = [];
    for (const inner of nested) summaries.push(await lintTarget(inner, options));
    return { diagnostics: sortDiagnostics(summaries.flatMap((s) => s.diagnostics)), flows: summaries.reduce((n, s) => n + s.flows, 0) };
  }
  const diagnostics = [...loaded.diagnostics];
  for (const flow of loaded.flows) diagnostics.push(...lintFlow(flow, loaded.solution, options));
  return { diagnostics: sortDiagnostics(diagnostics), flows: loaded.flows.length };
}
