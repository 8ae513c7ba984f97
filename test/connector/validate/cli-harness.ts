/**
 * The CLI run in this process (the real argument parsing, error handling and exit codes of
 * runCli), for the many cases where spawning a process per case would make the suite slow.
 * A few tests per command still spawn the real executable (runPpkit).
 */
import { runCli } from '../../../tools/cli/program.js';
import type { CliRun } from '../../helpers/cli.js';

export async function runInProcess(args: readonly string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    color: false,
    isTTY: false,
  });
  return { status, stdout, stderr };
}
