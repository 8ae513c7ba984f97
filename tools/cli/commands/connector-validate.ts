import { writeFileAtomic } from '../../core/atomic-write.js';
import { UsageError } from '../../core/errors.js';
import { exitCodeFor, formatDiagnostics, REPORT_FORMATS, SEVERITIES, type ReportFormat, type Severity } from '../../diagnostics/index.js';
import { rules, validatePaths } from '../../connector/validate/index.js';
import { commandGroup, withExamples, type CommandModule } from '../context.js';
import { parseChoice } from '../options.js';

interface ValidateOptions {
  listRules?: boolean;
  format: ReportFormat;
  ruleset?: string;
  failSeverity: Severity;
  output?: string;
}

/** `ppkit connector validate <paths...>`: checks connectors the way certification would, offline. */
export const connectorValidateCommand: CommandModule = {
  register(program, context) {
    const group = commandGroup(program, 'connector', 'build and check Power Platform custom connectors', 'ppkit connector build', 'ppkit connector validate dist/connector');
    withExamples(
      group
        .command('validate')
        .description('check custom connectors (apiDefinition.swagger.json, apiProperties.json, script.csx) against Swagger 2.0 and Power Platform certification rules')
        .argument('[paths...]', 'connector folders, swagger files, or folders holding many connectors')
        .option('--format <format>', `output format: ${REPORT_FORMATS.join(', ')}`, parseChoice(REPORT_FORMATS), 'text')
        .option('--ruleset <file>', 'YAML ruleset: extends a preset (recommended, custom-connector) and turns rules off or changes their severity')
        .option('--fail-severity <severity>', `lowest severity that makes the exit code 1: ${SEVERITIES.join(', ')}`, parseChoice(SEVERITIES), 'error')
        .option('--output <file>', 'write the report to a file instead of stdout (written atomically)')
        .option('--list-rules', 'list every rule with its id, default severity, description and Microsoft docs page'),
      'ppkit connector validate ./MyConnector',
      'ppkit connector validate PowerPlatformConnectors/certified-connectors --format sarif --output connectors.sarif',
      'ppkit connector validate apiDefinition.swagger.json --ruleset .ppkit-connector.yaml --fail-severity warning',
      'ppkit connector validate --list-rules',
    ).action(
      context.action(async (paths: string[], options: ValidateOptions) => {
        if (options.listRules) {
          const list = [...rules.values()].map((rule) => ({ id: rule.id, severity: rule.severity, description: rule.description, docsUrl: rule.docsUrl }));
          context.io.stdout(options.format === 'json' ? `${JSON.stringify({ rules: list }, null, 2)}\n` : list.map((r) => `${r.id.padEnd(32)} ${r.severity.padEnd(8)} ${r.description}\n${' '.repeat(42)}${r.docsUrl}\n`).join(''));
          return 0;
        }
        if (paths.length === 0) throw new UsageError("missing required argument 'paths': name connector folders or swagger files (or use --list-rules)");
        const result = validatePaths(paths, { rulesetFile: options.ruleset });
        const tool = {
          name: 'ppkit connector validate',
          version: context.version,
          rules: new Map([...rules.values()].map((rule) => [rule.id, { description: rule.description, docsUrl: rule.docsUrl }])),
        };
        let report = formatDiagnostics(result.diagnostics, options.format, { color: context.io.color && !options.output, tool, layout: 'lines' });
        if (options.format === 'text') report += `${result.connectors} connector${result.connectors === 1 ? '' : 's'} checked (${result.files} files)\n`;
        if (options.output) writeFileAtomic(options.output, report);
        else context.io.stdout(report);
        return exitCodeFor(result.diagnostics, options.failSeverity);
      }),
    );
  },
};
