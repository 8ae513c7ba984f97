import { writeFileAtomic } from '../../core/atomic-write.js';
import { exitCodeFor, formatDiagnostics, REPORT_FORMATS, SEVERITIES, type Diagnostic, type ReportFormat, type Severity } from '../../diagnostics/index.js';
import { checkSolution, flowPackageRules, solutionRules } from '../../solution/check/index.js';
import { commandGroup, withExamples, type CommandModule } from '../context.js';
import { parseChoice } from '../options.js';

interface CheckOptions {
  format: ReportFormat;
  failSeverity: Severity;
  output?: string;
}

/** `ppkit solution check <zip|folder...>`: the checks an import would fail on, before importing. */
export const solutionCheckCommand: CommandModule = {
  register(program, context) {
    const group = commandGroup(program, 'solution', 'pack, unpack, check and configure Power Platform solutions', 'ppkit solution pack', 'ppkit solution check dist/CenterofExcellenceAuditLogs_1_0_0_0_managed.zip');
    withExamples(
      group
        .command('check')
        .description('check solution zips, unpacked solution folders or flow packages: required files, content types, XML shape, root components, flow references, environment variables, version, secrets, flow lint')
        .argument('<targets...>', 'solution zips, SolutionPackager folders, or flow package zips')
        .option('--format <format>', `output format: ${REPORT_FORMATS.join(', ')}`, parseChoice(REPORT_FORMATS), 'text')
        .option('--fail-severity <severity>', `lowest severity that makes the exit code 1: ${SEVERITIES.join(', ')}`, parseChoice(SEVERITIES), 'error')
        .option('--output <file>', 'write the report to a file instead of stdout (written atomically)'),
      'ppkit solution check dist/CenterofExcellenceAuditLogs_1_0_0_0_managed.zip',
      'ppkit solution check src/MySolution --format sarif --output solution.sarif',
      'ppkit solution check dist/Flow-SyncAuditLogs.zip --fail-severity warning',
    ).action(
      context.action(async (targets: string[], options: CheckOptions) => {
        const diagnostics: Diagnostic[] = [];
        let entries = 0;
        for (const target of targets) {
          const result = await checkSolution(target);
          diagnostics.push(...result.diagnostics);
          entries += result.entries;
        }
        const rules = new Map([...solutionRules.values(), ...flowPackageRules.values()].map((rule) => [rule.id, { description: rule.description, docsUrl: rule.docsUrl }]));
        let report = formatDiagnostics(diagnostics, options.format, { color: context.io.color && !options.output, tool: { name: 'ppkit solution check', version: context.version, rules } });
        if (options.format === 'text') report += `${targets.length} package${targets.length === 1 ? '' : 's'} checked (${entries} files)\n`;
        if (options.output) writeFileAtomic(options.output, report);
        else context.io.stdout(report);
        return exitCodeFor(diagnostics, options.failSeverity);
      }),
    );
  },
};
