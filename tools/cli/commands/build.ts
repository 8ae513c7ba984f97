import { dirname, relative, resolve } from 'node:path';
import { defaultDistDir } from '../../core/paths.js';
import { withExamples, type CommandModule } from '../context.js';
import { buildSteps, type BuildStepResult } from '../../build/steps.js';

/** `ppkit build`: the main job (`npm start`). Builds and checks every artefact into dist/. */
export const buildCommand: CommandModule = {
  register(program, context) {
    withExamples(
      program
        .command('build')
        .description('build and check every artefact (connector, flows, solution) into dist/')
        .option('--out <folder>', 'output folder', defaultDistDir())
        .option('--json', 'print a JSON summary instead of text'),
      'ppkit build',
      'ppkit build --out /tmp/ppkit-dist --json',
    ).action(
      context.action(async (options: { out: string; json?: boolean }) => {
        const results: BuildStepResult[] = [];
        for (const step of buildSteps) {
          const result = await step.run({ outDir: options.out, log: (line) => !options.json && context.io.stdout(`${line}\n`) });
          results.push(result);
          if (!result.ok) break;
        }
        const ok = results.every((r) => r.ok);
        if (options.json) {
          context.io.stdout(`${JSON.stringify({ ok, outDir: options.out, steps: results }, null, 2)}\n`);
        } else {
          context.io.stdout(formatBuildSummary(results, options.out, ok));
        }
        return ok ? 0 : 1;
      }),
    );
  },
};

/** Where everything is: the figure users look for after `npm start`. */
function formatBuildSummary(results: readonly BuildStepResult[], outDir: string, ok: boolean): string {
  const lines = ['', ok ? 'build succeeded' : 'build FAILED'];
  for (const result of results) {
    const shown = result.outputs.map((file) => relative(outDir, resolve(outDir, file)) || file);
    const folders = [...new Set(shown.map((file) => (result.step === 'connector' ? dirname(file) : file)))];
    lines.push(`  ${result.ok ? 'ok    ' : 'FAILED'} ${result.step.padEnd(10)} ${folders.slice(0, 8).join(', ')}${folders.length > 8 ? `, … (${folders.length} in all)` : ''}`);
    if (!result.ok && typeof result.details?.error === 'string') lines.push(`         ${result.details.error}`);
  }
  lines.push(`  outputs in ${resolve(outDir)}`, '');
  return lines.join('\n');
}
