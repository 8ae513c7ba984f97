import { writeFileAtomic } from '../../core/atomic-write.js';
import { stableStringify } from '../../core/stable-json.js';
import { deploymentSettings, readSettingsValues } from '../../solution/settings.js';
import { readSolutionPackage } from '../../solution/storage.js';
import { commandGroup, withExamples, type CommandModule } from '../context.js';

/** `ppkit solution settings <zip>`: the deployment settings file for `pac solution import --settings-file`. */
export const solutionSettingsCommand: CommandModule = {
  register(program, context) {
    const group = commandGroup(program, 'solution', 'pack, unpack, check and configure Power Platform solutions', 'ppkit solution pack', 'ppkit solution check dist/CenterofExcellenceAuditLogs_1_0_0_0_managed.zip');
    withExamples(
      group
        .command('settings')
        .description('write the deployment settings JSON (EnvironmentVariables, ConnectionReferences) that pac solution import --settings-file reads, with values from a file or empty to fill in')
        .argument('<solution>', 'solution zip or unpacked folder')
        .option('--values <file>', 'values: a YAML/JSON mapping {environmentVariables: {schema: value}, connectionReferences: {logicalName: connectionId}} or an existing settings file')
        .option('--output <file>', 'write to a file (atomically) instead of stdout'),
      'ppkit solution settings dist/CenterofExcellenceAuditLogs_1_0_0_0_managed.zip > deploymentSettings.json',
      'ppkit solution settings dist/CenterofExcellenceAuditLogs_1_0_0_0_managed.zip --values prod-values.yaml --output prod.settings.json',
    ).action(
      context.action(async (solution: string, options: { values?: string; output?: string }) => {
        const { files } = await readSolutionPackage(solution);
        const values = options.values ? readSettingsValues(options.values) : undefined;
        const text = stableStringify(deploymentSettings(files, values, options.values));
        if (options.output) writeFileAtomic(options.output, text);
        else context.io.stdout(text);
        return 0;
      }),
    );
  },
};
