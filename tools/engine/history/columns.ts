/**
 * Storage for the run history's columns. A long run writes one entry per action record, so the
 * columns must stay cheap for the garbage collector:
 * - numbers (times, loop indexes, status codes) go into typed arrays, which it never scans;
 * - values go into fixed-size chunks rather than one growing array: a huge array in old space that
 *   keeps receiving young values is re-copied on every growth and re-scanned on every minor
 *   collection, which made the history most of a long loop's time.
 */
/**
 * Entry `index` lives in chunk `chunkOf(index)` at `offsetIn(index)`. The first chunk is small, so a
 * short run (most runs of a simulation) allocates little; the later ones are large enough that V8
 * allocates them straight in old space (over 128 KB): a young chunk would be copied by two minor
 * collections and re-scanned by every one until promoted, which cost a long loop more than the
 * writes themselves.
 */
const FIRST_BITS = 12;
const FIRST_SIZE = 1 << FIRST_BITS;
const LARGE_BITS = 15;
const LARGE_SIZE = 1 << LARGE_BITS;
const LARGE_MASK = LARGE_SIZE - 1;

function chunkOf(index: number): number {
  return index < FIRST_SIZE ? 0 : 1 + ((index - FIRST_SIZE) >>> LARGE_BITS);
}

function offsetIn(index: number): number {
  return index < FIRST_SIZE ? index : (index - FIRST_SIZE) & LARGE_MASK;
}

function chunkSize(at: number): number {
  return at === 0 ? FIRST_SIZE : LARGE_SIZE;
}

/** A sparse-friendly array of values by index, kept in chunks allocated on first write. */
export class ChunkedColumn<T> {
  private readonly chunks: Array<Array<T | undefined> | undefined> = [];

  set(index: number, value: T | undefined): void {
    const at = chunkOf(index);
    const chunk = at < this.chunks.length ? this.chunks[at] : undefined;
    (chunk ?? this.grow(at))[offsetIn(index)] = value;
  }

  get(index: number): T | undefined {
    const at = chunkOf(index);
    const chunk = at < this.chunks.length ? this.chunks[at] : undefined;
    return chunk === undefined ? undefined : chunk[offsetIn(index)];
  }

  /** Chunks are allocated only where something is written (errors, extras: a few entries in a long run). */
  private grow(at: number): Array<T | undefined> {
    while (this.chunks.length <= at) this.chunks.push(undefined);
    // Holey, not filled: a hole reads as undefined, and filling 32k entries cost more than the writes.
    const chunk = new Array<T | undefined>(chunkSize(at));
    this.chunks[at] = chunk;
    return chunk;
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
    const at = chunkOf(index);
    const chunk = at < this.chunks.length ? this.chunks[at] : this.grow(at);
    (chunk as NumberArray)[offsetIn(index)] = value;
  }

  /** 0 where nothing was written. */
  get(index: number): number {
    const at = chunkOf(index);
    return at < this.chunks.length ? ((this.chunks[at] as NumberArray)[offsetIn(index)] as number) : 0;
  }

  private grow(at: number): NumberArray {
    while (this.chunks.length <= at) this.chunks.push(this.make(chunkSize(this.chunks.length)));
    return this.chunks[at] as NumberArray;
  }
}
