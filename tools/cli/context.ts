import type { Command } from 'commander';

/** Where a command writes. Tests pass their own; the real CLI writes to the process streams. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Colour only on a TTY and when NO_COLOR is not set. */
  color: boolean;
  /** True when stdout is a terminal (progress bars, tables). */
  isTTY: boolean;
}

export interface CliContext {
  io: CliIo;
  version: string;
  /** Runs a command body and records its exit code; errors go to the CLI's one error handler. */
  action<A extends unknown[]>(body: (...args: A) => Promise<number | void> | number | void): (...args: A) => Promise<void>;
}

/** A command group: `ppkit connector ...`, `ppkit flow ...`. Registered in commands/index.ts. */
export interface CommandModule {
  register(program: Command, context: CliContext): void;
}

/**
 * Returns the command group `name` (`ppkit connector`, `ppkit mock`), creating it on first use, so
 * several command modules can add sub-commands to one group without editing each other's files.
 */
export function commandGroup(program: Command, name: string, description: string, ...examples: string[]): Command {
  const existing = program.commands.find((c) => c.name() === name);
  if (existing) return existing;
  const group = program.command(name).description(description);
  if (examples.length > 0) withExamples(group, ...examples);
  return group;
}

/** Adds an "Examples:" block to a command's --help. Every command has at least one. */
export function withExamples(command: Command, ...examples: string[]): Command {
  return command.addHelpText('after', `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
}

export function processIo(): CliIo {
  const isTTY = Boolean(process.stdout.isTTY);
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    color: isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb',
    isTTY,
  };
}
