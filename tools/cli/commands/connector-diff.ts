import { exitCodeFor, formatDiagnostics, REPORT_FORMATS, SEVERITIES, type ReportFormat, type Severity } from '../../diagnostics/index.js';
import { changeChecks, diffConnectors } from '../../connector/diff/index.js';
import { commandGroup, withExamples, type CommandModule } from '../context.js';
import { parseChoice } from '../options.js';

interface DiffOptions {
  format: ReportFormat;
  failSeverity: Severity;
}

/** `ppkit connector diff <old> <new>`: breaking changes between two versions of a connector. */
export const connectorDiffCommand: CommandModule = {
  register(program, context) {
    const group = commandGroup(program, 'connector', 'build and check Power Platform custom connectors', 'ppkit connector build', 'ppkit connector diff old/ new/');
    withExamples(
      group
        .command('diff')
        .description('report changes between two versions of a connector that break existing flows (exit 1) or that users notice (warnings)')
        .argument('<old>', 'the previous version: a connector folder or its apiDefinition.swagger.json')
        .argument('<new>', 'the new version: a connector folder or its apiDefinition.swagger.json')
        .option('--format <format>', `output format: ${REPORT_FORMATS.join(', ')}`, parseChoice(REPORT_FORMATS), 'text')
        .option('--fail-severity <severity>', `lowest severity that makes the exit code 1: ${SEVERITIES.join(', ')}`, parseChoice(SEVERITIES), 'error'),
      'ppkit connector diff main/MyConnector ./MyConnector',
      'ppkit connector diff old/apiDefinition.swagger.json new/apiDefinition.swagger.json --format json',
    ).action(
      context.action(async (oldPath: string, newPath: string, options: DiffOptions) => {
        const result = diffConnectors(oldPath, newPath);
        const tool = {
          name: 'ppkit connector diff',
          version: context.version,
          rules: new Map([...changeChecks.values()].map((check) => [check.id, { description: check.description, docsUrl: check.docsUrl }])),
        };
        let report = formatDiagnostics(result.diagnostics, options.format, { color: context.io.color, tool, layout: 'lines' });
        if (options.format === 'text') {
          report = report.replace('no problems found', 'no breaking or visible changes');
          report += `${result.operations.matched} of ${result.operations.old} operations matched in the new version (${result.operations.new} there)\n`;
        }
        context.io.stdout(report);
        return exitCodeFor(result.diagnostics, options.failSeverity);
      }),
    );
  },
};
