/**
 * Storage for the run history's columns. A long run writes one entry per action record, so the
 * columns must stay cheap for the garbage collector:
 * - numbers (times, loop indexes, status codes) go into typed arrays, which it never scans;
 * - values go into fixed-size chunks rather than one growing array: a huge array in old space that
 *   keeps receiving young values is re-copied on every growth and re-scanned on every minor
 *   collection, which made the history most of a long loop's time.
 */
const CHUNK_BITS = 12;
const CHUNK_SIZE = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_SIZE - 1;

/** A sparse-friendly array of values by index, kept in 4096-entry chunks allocated on first write. */
export class ChunkedColumn<T> {
  private readonly chunks: Array<Array<T | undefined>> = [];

  set(index: number, value: T | undefined): void {
    const at = index >>> CHUNK_BITS;
    const chunk = at < this.chunks.length ? this.chunks[at] : this.grow(at);
    (chunk as Array<T | undefined>)[index & CHUNK_MASK] = value;
  }

  get(index: number): T | undefined {
    const at = index >>> CHUNK_BITS;
    return at < this.chunks.length ? (this.chunks[at] as Array<T | undefined>)[index & CHUNK_MASK] : undefined;
  }

  private grow(at: number): Array<T | undefined> {
    while (this.chunks.length <= at) this.chunks.push(new Array<T | undefined>(CHUNK_SIZE).fill(undefined));
    return this.chunks[at] as Array<T | undefined>;
  }
}

type NumberArray = Float64Array | Int32Array | Uint8Array;

/**
 * Numbers by index in typed chunks (their memory is outside the collected heap), allocated on first
 * write: no copy of the whole column when it grows.
 */
export class NumberColumn {
  private readonly chunks: NumberArray[] = [];

  constructor(private readonly make: (length: number) => NumberArray) {}

  set(index: number, value: number): void {
    const at = index >>> CHUNK_BITS;
    const chunk = at < this.chunks.length ? this.chunks[at] : this.grow(at);
    (chunk as NumberArray)[index & CHUNK_MASK] = value;
  }

  /** 0 where nothing was written. */
  get(index: number): number {
    const at = index >>> CHUNK_BITS;
    return at < this.chunks.length ? ((this.chunks[at] as NumberArray)[index & CHUNK_MASK] as number) : 0;
  }

  private grow(at: number): NumberArray {
    while (this.chunks.length <= at) this.chunks.push(this.make(CHUNK_SIZE));
    return this.chunks[at] as NumberArray;
  }
}
