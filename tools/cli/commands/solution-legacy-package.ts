import { join } from 'node:path';
import { defaultDistDir } from '../../core/paths.js';
import { findLegacyFlow, writeLegacyPackage } from '../../solution/legacy-package.js';
import { commandGroup, withExamples, type CommandModule } from '../context.js';

/** `ppkit solution legacy-package`: Option 2's flow package (Flow-SyncAuditLogs.zip) for "My flows > Import". */
export const solutionLegacyPackageCommand: CommandModule = {
  register(program, context) {
    const group = commandGroup(program, 'solution', 'pack, unpack, check and configure Power Platform solutions', 'ppkit solution pack', 'ppkit solution check dist/CenterofExcellenceAuditLogs_1_0_0_0_managed.zip');
    withExamples(
      group
        .command('legacy-package')
        .description('package the rendered legacy flow (dist/flows/legacy/) as a Power Automate flow package for My flows > Import')
        .option('--flow <file>', 'the legacy flow JSON (default: the one file in <flows-dir>/legacy/)')
        .option('--flows-dir <folder>', 'where ppkit flow render wrote the flows', join(defaultDistDir(), 'flows'))
        .option('--out <zip>', 'package file', join(defaultDistDir(), 'Flow-SyncAuditLogs.zip')),
      'ppkit solution legacy-package',
      'ppkit solution legacy-package --flow dist/flows/legacy/AdminSyncAuditLogs-<GUID>.json --out /tmp/Flow-SyncAuditLogs.zip',
    ).action(
      context.action(async (options: { flow?: string; flowsDir: string; out: string }) => {
        const flow = options.flow ?? findLegacyFlow(options.flowsDir);
        const bytes = await writeLegacyPackage(flow, options.out);
        context.io.stdout(`wrote ${options.out} (${bytes} bytes)\n`);
        return 0;
      }),
    );
  },
};
