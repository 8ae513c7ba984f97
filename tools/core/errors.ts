/**
 * Errors a user can act on. The CLI prints them as one line (`file:line:col: message`) and exits
 * with `exitCode`; only `--debug` shows a stack. Library code throws these and never calls process.exit.
 */
export interface ErrorLocation {
  /** File the problem is in, as the user named it. */
  file?: string;
  /** JSON pointer inside that file (`/paths/~1x/get`), when the file is JSON or YAML. */
  pointer?: string;
  /** 1-based line and column, when known. */
  line?: number;
  column?: number;
}

export class PpkitError extends Error {
  readonly location: ErrorLocation;
  readonly exitCode: number;

  constructor(message: string, location: ErrorLocation = {}, exitCode = 1) {
    super(message);
    this.name = new.target.name;
    this.location = location;
    this.exitCode = exitCode;
  }

  /** `file:line:col: message (at /json/pointer)`: the one line the CLI prints. */
  format(): string {
    return formatLocated(this.message, this.location);
  }
}

/** Wrong command-line usage: unknown option, missing argument, bad value. Exit code 2. */
export class UsageError extends PpkitError {
  constructor(message: string) {
    super(message, {}, 2);
  }
}

/** Bad input file (syntax, schema, hostile content). Exit code 1. */
export class InputError extends PpkitError {}

export function formatLocated(message: string, location: ErrorLocation): string {
  let where = location.file ?? '';
  if (where && location.line !== undefined) {
    where += `:${location.line}`;
    if (location.column !== undefined) where += `:${location.column}`;
  }
  const pointer = location.pointer !== undefined && location.pointer !== '' ? ` (at ${location.pointer})` : '';
  return where ? `${where}: ${message}${pointer}` : `${message}${pointer}`;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
