/**
 * The numbers of every stored record, a row each: which action (a key of the history's action
 * table), status, value shape, loop index, start and end. One record costs two integer and two
 * float writes here instead of a write per field into separate columns. Rows live in typed arrays
 * (outside the collected heap) of ROWS_PER_CHUNK rows each; the first one starts small and doubles,
 * so a short run allocates little and a long one never copies what it already wrote.
 */
const CHUNK_BITS = 16;
const ROWS_PER_CHUNK = 1 << CHUNK_BITS;
const ROW_MASK = ROWS_PER_CHUNK - 1;
const FIRST_ROWS = 64;

export class RecordRows {
  private readonly ints: Int32Array[] = [new Int32Array(2 * FIRST_ROWS)];
  private readonly times: Float64Array[] = [new Float64Array(2 * FIRST_ROWS)];

  write(index: number, key: number, status: number, shape: number, loopIndex: number, start: number, end: number): void {
    const chunk = index >>> CHUNK_BITS;
    const at = 2 * (index & ROW_MASK);
    if (chunk >= this.ints.length || at >= (this.ints[chunk] as Int32Array).length) this.grow(chunk, at);
    const ints = this.ints[chunk] as Int32Array;
    const times = this.times[chunk] as Float64Array;
    ints[at] = (key << 8) | (status << 4) | shape;
    ints[at + 1] = loopIndex;
    times[at] = start;
    times[at + 1] = end;
  }

  key(index: number): number {
    return this.int(index, 0) >>> 8;
  }
  status(index: number): number {
    return (this.int(index, 0) >>> 4) & 15;
  }
  shape(index: number): number {
    return this.int(index, 0) & 15;
  }
  loopIndex(index: number): number {
    return this.int(index, 1);
  }
  start(index: number): number {
    return (this.times[index >>> CHUNK_BITS] as Float64Array)[2 * (index & ROW_MASK)] as number;
  }
  end(index: number): number {
    return (this.times[index >>> CHUNK_BITS] as Float64Array)[2 * (index & ROW_MASK) + 1] as number;
  }

  private int(index: number, field: number): number {
    return (this.ints[index >>> CHUNK_BITS] as Int32Array)[2 * (index & ROW_MASK) + field] as number;
  }

  /** Rows are written in order: either the first chunk doubles, or the next chunk starts. */
  private grow(chunk: number, at: number): void {
    if (chunk === 0) {
      let length = (this.ints[0] as Int32Array).length;
      while (length <= at + 1) length *= 2;
      const ints = new Int32Array(length);
      ints.set(this.ints[0] as Int32Array);
      const times = new Float64Array(length);
      times.set(this.times[0] as Float64Array);
      this.ints[0] = ints;
      this.times[0] = times;
      return;
    }
    while (this.ints.length <= chunk) {
      this.ints.push(new Int32Array(2 * ROWS_PER_CHUNK));
      this.times.push(new Float64Array(2 * ROWS_PER_CHUNK));
    }
  }
}
