import { FakeClock } from '../engine/index.js';

/**
 * The simulation's fake clock, published to shared memory at every change, so that the Office 365
 * mock running in a worker thread reads the same simulated time as the engine that calls it.
 */
export class SharedClock extends FakeClock {
  readonly buffer = new SharedArrayBuffer(BigInt64Array.BYTES_PER_ELEMENT);
  private readonly cell = new BigInt64Array(this.buffer);

  constructor(start: number) {
    super(start);
    this.publish();
  }

  override setTime(ms: number): void {
    super.setTime(ms);
    this.publish();
  }

  override sleep(ms: number): Promise<void> {
    const slept = super.sleep(ms);
    this.publish();
    return slept;
  }

  override advance(ms: number): void {
    super.advance(ms);
    this.publish();
  }

  private publish(): void {
    // Whole milliseconds: what every reader of the mock's clock uses.
    Atomics.store(this.cell, 0, BigInt(Math.round(this.now())));
  }
}

/** The time a SharedClock published, for another thread: `now()` as the mock's options take it. */
export function sharedClockReader(buffer: SharedArrayBuffer): () => Date {
  const cell = new BigInt64Array(buffer);
  return () => new Date(Number(Atomics.load(cell, 0)));
}
