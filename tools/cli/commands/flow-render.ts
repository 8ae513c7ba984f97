import { join } from 'node:path';
import { defaultDistDir, projectRoot } from '../../core/paths.js';
import { collectKeyValue } from '../options.js';
import { commandGroup, withExamples, type CommandModule } from '../context.js';
import { renderAll, writeRenderedFlows } from '../../flows/render/index.js';

export const FLOW_GROUP_DESCRIPTION = 'cloud flows: render the flow templates, lint any flow definition';
export const FLOW_GROUP_EXAMPLES = ['ppkit flow render', 'ppkit flow lint dist/flows'];

/** `ppkit flow render`: flows/*.yaml into Workflows/<Name>-<GUID>.json as a solution export holds them. */
export const flowRenderCommand: CommandModule = {
  register(program, context) {
    const group = commandGroup(program, 'flow', FLOW_GROUP_DESCRIPTION, ...FLOW_GROUP_EXAMPLES);
    withExamples(
      group
        .command('render')
        .description('render the flow templates of flows/ into Workflow Definition Language JSON')
        .option('--out <folder>', 'output folder', join(defaultDistDir(), 'flows'))
        .option('--project <folder>', 'project folder holding flows/ and solution/solution.yaml', projectRoot())
        .option('--param <name=value>', 'set a template parameter (repeatable)', collectKeyValue, {})
        .option('--json', 'print a JSON summary instead of text'),
      'ppkit flow render',
      'ppkit flow render --out /tmp/flows --param recurrenceFrequency=Hour --param recurrenceInterval=6',
    ).action(
      context.action((options: { out: string; project: string; param: Record<string, string>; json?: boolean }) => {
        const result = renderAll({ root: options.project, params: options.param });
        const written = writeRenderedFlows(result, options.out);
        if (options.json) {
          const flows = result.flows.map((f) => ({ name: f.name, format: f.format, workflowId: f.workflowId, file: join(options.out, f.relativePath) }));
          context.io.stdout(`${JSON.stringify({ outDir: options.out, flows, files: written }, null, 2)}\n`);
        } else {
          for (const flow of result.flows) context.io.stdout(`rendered ${flow.name}${flow.format === 'legacy' ? ' (legacy package)' : ''} -> ${join(options.out, flow.relativePath)}\n`);
          context.io.stdout(`${result.flows.length} flows rendered into ${options.out}\n`);
        }
        return 0;
      }),
    );
  },
};
