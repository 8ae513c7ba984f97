/**
 * Time as the engine sees it. Runs never read the system clock directly: a clock is passed in, so
 * tests and simulations run days of recurrences, Delay actions and retry waits in milliseconds.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Waits `ms`; a fake clock just moves its time forward. */
  sleep(ms: number): Promise<void>;
  /**
   * Moves the time to `ms` (possibly backwards). Only a virtual clock can: the engine uses it to
   * give parallel branches and concurrent loop iterations overlapping time spans.
   */
  setTime?(ms: number): void;
}

/** A virtual clock: stands still until an action waits, then jumps. Deterministic. */
export class FakeClock implements Clock {
  private time: number;

  constructor(start: Date | string | number) {
    const ms = typeof start === 'number' ? start : new Date(start).getTime();
    if (!Number.isFinite(ms)) throw new RangeError(`not a valid time: ${String(start)}`);
    this.time = ms;
  }

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    this.time += Math.max(0, ms);
    return Promise.resolve();
  }

  setTime(ms: number): void {
    this.time = ms;
  }

  advance(ms: number): void {
    this.time += ms;
  }
}

/** The real clock: real waits. Parallel branches then wait one after the other. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/** ISO 8601 duration (`PT1H`, `P1DT2H30M`, `PT0.5S`, `P1W`) in milliseconds; undefined if malformed. */
export function parseIsoDuration(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(text.trim());
  if (!match || text.trim() === 'P' || /T$/i.test(text.trim())) return undefined;
  const [, y, mo, w, d, h, mi, s] = match.map((part) => (part === undefined ? 0 : Number(part)));
  const days = (y as number) * 365 + (mo as number) * 30 + (w as number) * 7 + (d as number);
  return Math.round((((days * 24 + (h as number)) * 60 + (mi as number)) * 60 + (s as number)) * 1000);
}
