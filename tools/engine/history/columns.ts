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

/** Doubles a typed array's capacity, keeping its contents. */
export function grown<A extends Float64Array | Int32Array | Uint8Array>(array: A, capacity: number): A {
  const next = new (array.constructor as new (length: number) => A)(capacity);
  next.set(array);
  return next;
}
