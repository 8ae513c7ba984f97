import { join } from 'node:path';
import { defaultDistDir } from '../../core/paths.js';
import { commandGroup, withExamples, type CommandModule } from '../context.js';
import { buildConnectors, plural } from '../../connector/build/build-connector.js';
import { CLOUD_NAMES, parseCloudName } from '../../connector/build/clouds.js';
import type { CloudName } from '../../connector/build/source-types.js';

interface BuildOptions {
  source?: string[];
  cloud?: CloudName[];
  out: string;
  clientId?: string;
  json?: boolean;
}

/** `ppkit connector build`: connector/*.yaml -> dist/connector/<source>/<cloud>/ (swagger, apiProperties, settings, icon). */
export const connectorBuildCommand: CommandModule = {
  register(program, context) {
    const group = commandGroup(program, 'connector', 'build and check Power Platform custom connectors', 'ppkit connector build', 'ppkit connector app-registration');
    withExamples(
      group
        .command('build')
        .description('generate apiDefinition.swagger.json, apiProperties.json, settings.json and icon.png from connector sources, for every cloud')
        .option('--source <name-or-file>', 'a source name from connector/ or a .yaml path (repeatable; default: every connector/*.yaml)', collect)
        .option('--cloud <cloud>', `cloud to build (repeatable; ${CLOUD_NAMES.join(', ')}; default: every cloud a source declares)`, collectCloud)
        .option('--out <folder>', 'output root; files go to <out>/connector/<source>/<cloud>/', defaultDistDir())
        .option('--client-id <id>', 'client id of your Azure AD app registration, written into apiProperties.json')
        .option('--json', 'print a JSON summary instead of text'),
      'ppkit connector build',
      'ppkit connector build --source office365-management-api --cloud gcch --out /tmp/connectors',
      'ppkit connector build --client-id 11111111-2222-3333-4444-555555555555 --json',
    ).action(
      context.action(async (options: BuildOptions) => {
        const result = await buildConnectors({ outDir: options.out, sources: options.source, clouds: options.cloud, clientId: options.clientId });
        if (options.json) {
          context.io.stdout(`${JSON.stringify({ ok: true, outDir: options.out, ...result }, null, 2)}\n`);
          return 0;
        }
        for (const built of result.built) {
          context.io.stdout(`wrote ${join(options.out, built.folder)} (${built.cloud}: ${built.host}, ${plural(built.operations, 'operation')}, ${built.files.length} files)\n`);
        }
        for (const skip of result.skipped) context.io.stdout(`skipped ${skip.source} for ${skip.cloud}: the source does not declare that cloud\n`);
        return 0;
      }),
    );
  },
};

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function collectCloud(value: string, previous: CloudName[] = []): CloudName[] {
  const cloud = parseCloudName(value);
  return previous.includes(cloud) ? previous : [...previous, cloud];
}
