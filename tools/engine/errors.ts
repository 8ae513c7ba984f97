import { InputError } from '../core/errors.js';

/**
 * An action failed in a way the run history shows: code + message (and outputs when a response
 * came back). Action types throw it; the runner turns it into a Failed record.
 */
export class ActionFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly outputs?: unknown,
    readonly status: 'Failed' | 'TimedOut' = 'Failed',
  ) {
    super(message);
    this.name = 'ActionFailure';
  }
}

/** A definition the engine refuses before running anything: names the action and its JSON path. */
export class DefinitionError extends InputError {}
