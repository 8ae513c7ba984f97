import { join, relative } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { defaultDistDir, projectRoot } from '../../core/paths.js';
import { loadSolutionInputs } from '../../solution/inputs.js';
import type { PackageType } from '../../solution/layout.js';
import { packSolution } from '../../solution/pack.js';
import { packFolder } from '../../solution/unpack.js';
import { commandGroup, withExamples, type CommandModule } from '../context.js';
import { parseChoice } from '../options.js';

interface PackOptions {
  from?: string;
  out?: string;
  packageType?: PackageType;
  source: string;
  connectorDir?: string;
  flowsDir?: string;
  json?: boolean;
}

/** `ppkit solution pack`: sources -> managed and unmanaged zips, or `--from <folder>` (SolutionPackager layout) -> one zip. */
export const solutionPackCommand: CommandModule = {
  register(program, context) {
    const group = commandGroup(program, 'solution', 'pack, unpack, check and configure Power Platform solutions', 'ppkit solution pack', 'ppkit solution check dist/CenterofExcellenceAuditLogs_1_0_0_0_managed.zip');
    withExamples(
      group
        .command('pack')
        .description('pack solution/solution.yaml with the built connector and flows into <Name>_<version>_managed.zip and _unmanaged.zip, or pack an unpacked solution folder into one zip')
        .option('--from <folder>', 'pack this SolutionPackager folder (Other/Solution.xml, Workflows/, ...) instead of the sources')
        .option('--out <path>', 'output folder for the two zips (default dist/), or the zip file with --from')
        .option('--package-type <type>', 'with --from: managed or unmanaged (default: the folder\'s own Managed flag)', parseChoice(['managed', 'unmanaged'] as const))
        .option('--source <file>', 'solution description', join(projectRoot(), 'solution', 'solution.yaml'))
        .option('--connector-dir <folder>', 'where `ppkit connector build` wrote the connector (default <out>/connector)')
        .option('--flows-dir <folder>', 'where `ppkit flow render` wrote the flows (default <out>/flows)')
        .option('--json', 'print what was written as JSON'),
      'ppkit solution pack',
      'ppkit solution pack --out /tmp/dist',
      'ppkit solution pack --from src/MySolution --out MySolution_managed.zip --package-type managed',
    ).action(
      context.action(async (options: PackOptions) => {
        if (options.from) {
          if (!options.out) throw new UsageError('--from needs --out <zip file>');
          const result = await packFolder(options.from, options.out, options.packageType);
          context.io.stdout(options.json ? `${JSON.stringify(result, null, 2)}\n` : `packed ${result.entries} files into ${result.zip} (${result.bytes} bytes)\n`);
          return 0;
        }
        if (options.packageType) throw new UsageError('--package-type applies to --from; sources always pack both managed and unmanaged');
        const out = options.out ?? defaultDistDir();
        const inputs = loadSolutionInputs({
          sourceFile: options.source,
          connectorDir: options.connectorDir ?? join(out, 'connector'),
          flowsDir: options.flowsDir ?? join(out, 'flows'),
        });
        const result = await packSolution(inputs, out);
        if (options.json) context.io.stdout(`${JSON.stringify(result, null, 2)}\n`);
        else context.io.stdout(`wrote ${relative(process.cwd(), result.managed) || result.managed}\nwrote ${relative(process.cwd(), result.unmanaged) || result.unmanaged}\n`);
        return 0;
      }),
    );
  },
};
