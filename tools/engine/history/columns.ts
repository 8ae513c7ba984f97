/**
 * Storage for the run history's values (inputs, outputs, errors...; its numbers are in
 * record-rows.ts). A long run writes one entry per action record, so the values go into chunks
 * rather than one growing array: a huge array that keeps receiving young values is re-copied on
 * every growth and re-scanned on every minor collection, which made the history most of a long
 * loop's time. Entry `index` lives in chunk `index >>> CHUNK_BITS`. Chunk 0 starts small and
 * doubles (a short run, most runs of a simulation, allocates little); the others are allocated
 * whole, large enough that V8 puts them straight in old space (over 128 KB): a young chunk would be
 * copied by two minor collections and re-scanned by every one until promoted.
 */
const CHUNK_BITS = 15;
const CHUNK_SIZE = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_SIZE - 1;
const FIRST_SIZE = 64;

/** A sparse-friendly array of values by index, kept in chunks allocated on first write. */
export class ChunkedColumn<T> {
  private readonly chunks: Array<Array<T | undefined> | undefined> = [];

  set(index: number, value: T | undefined): void {
    const at = index >>> CHUNK_BITS;
    const offset = index & CHUNK_MASK;
    let chunk = at < this.chunks.length ? this.chunks[at] : undefined;
    if (chunk === undefined || offset >= chunk.length) chunk = this.grow(at, offset);
    chunk[offset] = value;
  }

  get(index: number): T | undefined {
    const at = index >>> CHUNK_BITS;
    const chunk = at < this.chunks.length ? this.chunks[at] : undefined;
    return chunk === undefined ? undefined : chunk[index & CHUNK_MASK];
  }

  /** Holey, not filled: a hole reads as undefined, and filling 32k entries cost more than the writes. */
  private grow(at: number, offset: number): Array<T | undefined> {
    while (this.chunks.length <= at) this.chunks.push(undefined);
    const old = this.chunks[at];
    let size = at === 0 ? FIRST_SIZE : CHUNK_SIZE;
    while (size <= offset) size *= 2;
    const chunk = new Array<T | undefined>(size);
    if (old !== undefined) for (let i = 0; i < old.length; i++) chunk[i] = old[i];
    this.chunks[at] = chunk;
    return chunk;
  }
}
