import type { RunStatus } from '../../expressions/context.js';

/**
 * Run statuses as small numbers, by index: the history's status column stores these, and the
 * first four after Running (the statuses a runAfter may name) are also one bit each of a runAfter
 * edge's mask (see statusBit).
 */
export const RUN_STATUSES: readonly RunStatus[] = ['Running', 'Succeeded', 'Failed', 'Skipped', 'TimedOut', 'Cancelled', 'Aborted', 'Waiting'];

/** The status's index in RUN_STATUSES; 0 (Running) for anything else. */
export function statusNumber(status: string): number {
  switch (status) {
    case 'Succeeded':
      return 1;
    case 'Failed':
      return 2;
    case 'Skipped':
      return 3;
    case 'TimedOut':
      return 4;
    case 'Cancelled':
      return 5;
    case 'Aborted':
      return 6;
    case 'Waiting':
      return 7;
    default:
      return 0;
  }
}

/**
 * A status as one bit of a runAfter edge's `mask`: Succeeded 1, Failed 2, Skipped 4, TimedOut 8;
 * 0 for the others (Cancelled, Aborted, Running...), which no runAfter accepts.
 */
export function statusBit(status: string): number {
  const number = statusNumber(status);
  return number >= 1 && number <= 4 ? 1 << (number - 1) : 0;
}
