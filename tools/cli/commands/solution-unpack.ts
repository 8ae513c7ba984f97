import { unpackSolution } from '../../solution/unpack.js';
import { commandGroup, withExamples, type CommandModule } from '../context.js';

/** `ppkit solution unpack <zip> <folder>`: the SolutionPackager layout, for keeping a solution in git. */
export const solutionUnpackCommand: CommandModule = {
  register(program, context) {
    const group = commandGroup(program, 'solution', 'pack, unpack, check and configure Power Platform solutions', 'ppkit solution pack', 'ppkit solution check dist/CenterofExcellenceAuditLogs_1_0_0_0_managed.zip');
    withExamples(
      group
        .command('unpack')
        .description('unpack a solution zip into the folder layout of pac solution unpack (Other/Solution.xml, Other/Customizations.xml, Workflows/, Connectors/, environmentvariabledefinitions/)')
        .argument('<zip>', 'solution zip')
        .argument('<folder>', 'target folder (written whole through a temp folder, or not at all)')
        .option('--force', 'replace the folder if it is not empty')
        .option('--json', 'print what was written as JSON'),
      'ppkit solution unpack dist/CenterofExcellenceAuditLogs_1_0_0_0_unmanaged.zip src/CenterofExcellenceAuditLogs',
      'ppkit solution unpack Export.zip ./solution-src --force',
    ).action(
      context.action(async (zip: string, folder: string, options: { force?: boolean; json?: boolean }) => {
        const result = await unpackSolution(zip, folder, { force: options.force });
        context.io.stdout(options.json ? `${JSON.stringify(result, null, 2)}\n` : `unpacked ${result.files} files into ${result.folder}\n`);
        return 0;
      }),
    );
  },
};
