import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { PpkitError } from '../core/errors.js';
import { commandModules } from './commands/index.js';
import { processIo, type CliContext, type CliIo } from './context.js';

/** Exit codes: 0 ok, 1 findings or failure, 2 usage or internal error. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Runs the CLI with `args` (without node and script) and returns the exit code; never throws. */
export async function runCli(args: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = EXIT_OK;
  const debug = args.includes('--debug');
  const context: CliContext = {
    io,
    version: packageVersion(),
    action:
      (body) =>
      async (...actionArgs) => {
        exitCode = (await body(...actionArgs)) ?? EXIT_OK;
      },
  };
  const program = createProgram(context);
  try {
    await program.parseAsync([...args], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof PpkitError) {
      io.stderr(`ppkit: ${error.format()}\n`);
      if (debug && error.stack) io.stderr(`${error.stack}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`ppkit: internal error: ${message}${debug ? '' : ' (run again with --debug for details)'}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT_USAGE;
  }
}

export function createProgram(context: CliContext): Command {
  const program = new Command('ppkit')
    .description('Power Platform toolkit: custom connectors, flows, solutions, and a local flow emulator')
    .version(context.version, '-V, --version')
    .addOption(new Option('--debug', 'show stack traces of errors'))
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => context.io.stdout(text),
      writeErr: (text) => context.io.stderr(text),
    })
    .exitOverride();
  for (const module of commandModules) module.register(program, context);
  // Sub-commands inherit output routing and exit behaviour.
  const configure = (command: Command) => {
    command.exitOverride().configureOutput({
      writeOut: (text) => context.io.stdout(text),
      writeErr: (text) => context.io.stderr(text),
    });
    command.showHelpAfterError('(run with --help for usage)');
    command.commands.forEach(configure);
  };
  program.commands.forEach(configure);
  return program;
}

function packageVersion(): string {
  // build/tools/cli/program.js and tools/cli/program.ts both sit below the package root.
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'ppkit' && pkg.version) return pkg.version;
    } catch {
      // not here: look one folder up
    }
    folder = dirname(folder);
  }
  return '0.0.0';
}
