import type { Diagnostic } from '../../../diagnostics/index.js';
import type { SolutionRule } from '../context.js';

interface FlowLinter {
  lintTarget(target: string): Promise<{ diagnostics: Diagnostic[]; flows: number }>;
}

/** The flow linter (tools/flows/lint) when it is part of this build; loaded lazily so check works without it. */
async function loadFlowLinter(): Promise<FlowLinter | undefined> {
  const specifier = '../../../flows/lint/index.js';
  try {
    const module = (await import(specifier)) as Partial<FlowLinter>;
    return typeof module.lintTarget === 'function' ? (module as FlowLinter) : undefined;
  } catch {
    return undefined;
  }
}

/** Every flow of the package lints clean with ppkit's flow linter (references, runAfter, expressions). */
export const workflowLint: SolutionRule = {
  id: 'workflow-lint',
  severity: 'error',
  description: 'the flows lint clean (ppkit flow lint)',
  docsUrl: 'https://learn.microsoft.com/en-us/azure/logic-apps/logic-apps-workflow-definition-language',
  async check(context) {
    if (!context.target) return;
    if (![...context.files.keys()].some((name) => /^Workflows\/[^/]+\.json$|^Microsoft\.Flow\/flows\/[^/]+\/definition\.json$/i.test(name))) return;
    const linter = await loadFlowLinter();
    if (!linter) {
      context.report({ severity: 'info', message: 'flow linter not available in this build: flows were checked for shape and references only' });
      return;
    }
    const summary = await linter.lintTarget(context.target);
    for (const diagnostic of summary.diagnostics) context.push(diagnostic);
  },
};
