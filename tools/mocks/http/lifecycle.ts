import { PpkitError } from '../../core/errors.js';

/** Resolves on the first SIGINT or SIGTERM (then stops listening for them): how a served mock ends. */
export function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Turns a listen failure into one line the user can act on (port in use, port not allowed). */
export function listenError(error: unknown, port: number): unknown {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'EADDRINUSE') return new PpkitError(`port ${port} is already in use; choose another with --port (0 picks a free one)`);
  if (code === 'EACCES') return new PpkitError(`not allowed to listen on port ${port}; choose a port above 1023 with --port`);
  return error;
}
