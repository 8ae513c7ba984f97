/**
 * The numbers of every stored record, a row each, in typed arrays that double when full (their
 * memory is outside the collected heap, and a copy on growth is a memcpy): which action (a key of
 * the history's action table), status, value shape, loop index, start and end. One record costs
 * two integer and two float writes here instead of a write per field into separate columns.
 */
export class RecordRows {
  private ints = new Int32Array(2 * 64);
  private times = new Float64Array(2 * 64);

  write(index: number, key: number, status: number, shape: number, loopIndex: number, start: number, end: number): void {
    const at = 2 * index;
    if (at >= this.ints.length) this.grow(at);
    this.ints[at] = (key << 8) | (status << 4) | shape;
    this.ints[at + 1] = loopIndex;
    this.times[at] = start;
    this.times[at + 1] = end;
  }

  key(index: number): number {
    return (this.ints[2 * index] as number) >>> 8;
  }
  status(index: number): number {
    return ((this.ints[2 * index] as number) >>> 4) & 15;
  }
  shape(index: number): number {
    return (this.ints[2 * index] as number) & 15;
  }
  loopIndex(index: number): number {
    return this.ints[2 * index + 1] as number;
  }
  start(index: number): number {
    return this.times[2 * index] as number;
  }
  end(index: number): number {
    return this.times[2 * index + 1] as number;
  }

  private grow(at: number): void {
    let length = this.ints.length;
    while (length <= at + 1) length *= 2;
    const ints = new Int32Array(length);
    ints.set(this.ints);
    const times = new Float64Array(length);
    times.set(this.times);
    this.ints = ints;
    this.times = times;
  }
}
