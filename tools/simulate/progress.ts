import type { CliIo } from '../cli/context.js';

/**
 * Progress of a simulation: a one-line bar redrawn in place on a TTY, plain lines otherwise
 * (CI logs, pipes).
 */
export function createProgress(io: CliIo) {
  let drawn = false;
  const clear = () => {
    if (drawn) io.stdout('\r\u001b[2K');
    drawn = false;
  };
  return {
    log(line: string) {
      if (io.isTTY) {
        if (/^run \d+\//.test(line)) return; // the bar shows it
        clear();
      }
      io.stdout(`${line}\n`);
    },
    update(state: { done: number; total: number; records: number; rows: number; elapsedMs: number }) {
      if (!io.isTTY) return;
      const width = 24;
      const filled = state.total === 0 ? width : Math.round((state.done / state.total) * width);
      const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
      clear();
      io.stdout(`${bar} runs ${state.done}/${state.total}  records ${state.records}  rows ${state.rows}  ${(state.elapsedMs / 1000).toFixed(1)} s`);
      drawn = true;
    },
    done() {
      clear();
    },
  };
}
