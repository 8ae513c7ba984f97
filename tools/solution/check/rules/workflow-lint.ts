import type { Diagnostic } from '../../../diagnostics/index.js';
import type { SolutionCheckContext, SolutionRule } from '../context.js';
import { packageFacts } from '../facts.js';

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
    // The linter sees one package; what the solution declares it takes from another solution
    // (MissingDependencies: Core's environment variables, a helper flow) is not missing.
    const declared = new Set(packageFacts(context).missing.map((m) => m.key));
    for (const diagnostic of summary.diagnostics) {
      // flow-references reports the same undefined variable (MissingDependencies included): one finding, not two.
      if (diagnostic.code === 'environment-variable-undefined' && context.files.has('solution.xml')) continue;
      if (!referencesDeclaredDependency(context, diagnostic, declared)) context.push(diagnostic);
    }
  },
};

/** True when the finding's JSON path holds (or names) something declared in MissingDependencies. */
function referencesDeclaredDependency(context: SolutionCheckContext, diagnostic: Diagnostic, declared: Set<string>): boolean {
  if (declared.size === 0 || !diagnostic.path || !diagnostic.file) return false;
  const entry = [...context.json.keys()].find((name) => diagnostic.file!.endsWith(`/${name}`));
  if (!entry) return false;
  let value: unknown = context.json.get(entry);
  for (const segment of diagnostic.path) {
    if (value === null || typeof value !== 'object') return false;
    value = (value as Record<string, unknown>)[String(segment)];
  }
  const named = typeof value === 'string' ? value : (value as { metadata?: { schemaName?: unknown } } | undefined)?.metadata?.schemaName;
  return typeof named === 'string' && declared.has(named.replace(/[{}]/g, '').toLowerCase());
}
