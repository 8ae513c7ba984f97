import { formatDiagnostics, parseReportFormat, exitCodeFor, isSeverity, loadRulesetFile, resolveRuleset, type ReportFormat, type Severity } from '../../diagnostics/index.js';
import { UsageError } from '../../core/errors.js';
import { commandGroup, withExamples, type CommandModule } from '../context.js';
import { flowRules, lintTarget } from '../../flows/lint/index.js';
import { FLOW_GROUP_DESCRIPTION, FLOW_GROUP_EXAMPLES } from './flow-render.js';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `ppkit flow lint`: checks any flow definition, ours or exported from a tenant. */
export const flowLintCommand: CommandModule = {
  register(program, context) {
    const group = commandGroup(program, 'flow', FLOW_GROUP_DESCRIPTION, ...FLOW_GROUP_EXAMPLES);
    withExamples(
      group
        .command('lint')
        .description('lint cloud flows: a workflow .json, a solution folder or zip, or a legacy flow package')
        .argument('<target>', 'workflow JSON file, solution folder, solution zip or flow package zip')
        .option('--format <format>', 'text, json or sarif', 'text')
        .option('--connector <swagger>', "a custom connector's apiDefinition.swagger.json, or apiName=path (repeatable)", collect, [])
        .option('--fail-severity <severity>', 'lowest severity that fails the run (error, warning, info, hint)', 'warning')
        .option('--disable <rule>', 'skip a rule by id (repeatable), e.g. hardcoded-value', collect, [])
        .option('--ruleset <file>', 'YAML ruleset (extends: recommended; rules: {id: off|error|warning|info})'),
      'ppkit flow lint dist/flows',
      'ppkit flow lint MySolution_1_0_0_1.zip --format sarif > flows.sarif',
      'ppkit flow lint Workflows/MyFlow-0E5A....json --connector apiDefinition.swagger.json',
      'ppkit flow lint exported.zip --disable hardcoded-value --format json',
      'ppkit flow lint exported.zip --ruleset .ppkit-flows.yaml',
    ).action(
      context.action(async (target: string, options: { format: string; connector: string[]; failSeverity: string; disable: string[]; ruleset?: string }) => {
        const format: ReportFormat = parseReportFormat(options.format);
        if (!isSeverity(options.failSeverity)) throw new UsageError(`--fail-severity: expected error, warning, info or hint, got "${options.failSeverity}"`);
        for (const id of options.disable) if (!flowRules.has(id)) throw new UsageError(`--disable ${id}: no such rule (rules: ${[...flowRules.keys()].sort().join(', ')})`);
        const ruleset = options.ruleset ? loadRulesetFile(options.ruleset, flowRules) : resolveRuleset(flowRules);
        const enabled = ruleset.rules.filter(({ rule }) => !options.disable.includes(rule.id));
        const summary = await lintTarget(target, {
          connectors: options.connector,
          rules: enabled.map(({ rule }) => rule),
          severities: new Map(enabled.map(({ rule, severity }) => [rule.id, severity])),
        });
        const output = formatDiagnostics(summary.diagnostics, format, { color: context.io.color, tool: { name: 'ppkit flow lint', version: context.version, informationUri: 'https://learn.microsoft.com/en-us/power-automate/', rules: new Map([...flowRules.values()].map((r) => [r.id, { description: r.description, docsUrl: r.docsUrl }])) } });
        context.io.stdout(output.endsWith('\n') || output === '' ? output : `${output}\n`);
        return exitCodeFor(summary.diagnostics, options.failSeverity as Severity);
      }),
    );
  },
};
