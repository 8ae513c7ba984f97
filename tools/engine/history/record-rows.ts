/**
 * The numbers of every stored record, a row each: which action (a key of the history's action
 * table), status, value shape, loop index, start and end. A row is three 32-bit integers: the
 * first packs key, status and shape; then the loop index; then the start as milliseconds after the
 * first row's start. Most records take no time (end = start) and start within 24 days of the run's
 * first record, so 12 bytes hold them; the others (WIDE) keep their exact start and end on the
 * side. Fresh memory is costly to touch (a page fault per 4 KB): half the bytes of two float
 * columns made a 100k-iteration loop measurably faster.
 *
 * Rows live in typed arrays (outside the collected heap) of ROWS_PER_CHUNK rows each; the first
 * one starts small and doubles, so a short run allocates little and a long one never copies what
 * it already wrote.
 */
const CHUNK_BITS = 16;
const ROWS_PER_CHUNK = 1 << CHUNK_BITS;
const ROW_MASK = ROWS_PER_CHUNK - 1;
const FIRST_ROWS = 64;
const INTS_PER_ROW = 3;
/** Bit of the first integer: the row's times are in `wide`, not in its third integer. */
const WIDE = 1 << 7;

/** When a record started and ended (ms since 1970): an ActionRun. */
export interface RecordTimes {
  readonly start: number;
  readonly end: number;
}

export class RecordRows {
  private readonly chunks: Int32Array[] = [new Int32Array(INTS_PER_ROW * FIRST_ROWS)];
  /** The chunk written last and the index of its first row: rows come nearly in order, so most writes land there. */
  private current: Int32Array = this.chunks[0] as Int32Array;
  private currentFirst = 0;
  /** Start of the first row written: the others' starts are kept relative to it. */
  private base = Number.NaN;
  /** Start and end of the rows whose times do not fit a row, by index. */
  private readonly wide = new Map<number, { start: number; end: number }>();
  /** The time of the compiled loop running (see atLoopTime), and its offset as rows keep it; -1: it does not fit a row. */
  private loopTime = Number.NaN;
  private loopOffset = -1;

  /**
   * Writes row `index`. The times come in an object (the record): a time (ms since 1970) is not a
   * small integer, and V8 would allocate a box for each one passed to a call it does not inline.
   */
  write(index: number, key: number, status: number, shape: number, loopIndex: number, times: RecordTimes): void {
    const start = times.start;
    const end = times.end;
    let ints = this.current;
    let at = INTS_PER_ROW * (index - this.currentFirst);
    if (at < 0 || at >= ints.length) {
      ints = this.chunkOf(index);
      at = INTS_PER_ROW * (index & ROW_MASK);
    }
    if (this.base !== this.base) this.base = start;
    const offset = start - this.base;
    const head = (key << 8) | (status << 4) | shape;
    // offset === (offset | 0): a 32-bit integer, not negative below.
    if (end === start && offset >= 0 && offset === (offset | 0)) {
      ints[at] = head;
      ints[at + 2] = offset;
    } else ints[at] = this.wideRow(index, head, start, end);
    ints[at + 1] = loopIndex;
  }

  /**
   * A compiled loop starts at `time`: its records all start and end then (compiled/compiled-loop.ts),
   * so writeAtLoopTime keeps the offset worked out here rather than working it out for every row.
   */
  atLoopTime(time: number): void {
    if (this.base !== this.base) this.base = time;
    const offset = time - this.base;
    this.loopTime = time;
    this.loopOffset = offset >= 0 && offset === (offset | 0) ? offset : -1;
  }

  /** write() for a record of the compiled loop running, which starts and ends at its time. */
  writeAtLoopTime(index: number, key: number, status: number, shape: number, loopIndex: number): void {
    let ints = this.current;
    let at = INTS_PER_ROW * (index - this.currentFirst);
    if (at < 0 || at >= ints.length) {
      ints = this.chunkOf(index);
      at = INTS_PER_ROW * (index & ROW_MASK);
    }
    const head = (key << 8) | (status << 4) | shape;
    const offset = this.loopOffset;
    if (offset >= 0) {
      ints[at] = head;
      ints[at + 2] = offset;
    } else ints[at] = this.wideRow(index, head, this.loopTime, this.loopTime);
    ints[at + 1] = loopIndex;
  }

  /** A row whose times stay on the side: its head with the WIDE bit. Out of line: rare. */
  private wideRow(index: number, head: number, start: number, end: number): number {
    this.wide.set(index, { start, end });
    return head | WIDE;
  }

  key(index: number): number {
    return this.int(index, 0) >>> 8;
  }
  status(index: number): number {
    return (this.int(index, 0) >>> 4) & 7;
  }
  shape(index: number): number {
    return this.int(index, 0) & 15;
  }
  loopIndex(index: number): number {
    return this.int(index, 1);
  }
  start(index: number): number {
    return this.int(index, 0) & WIDE ? (this.wide.get(index) as { start: number }).start : this.base + this.int(index, 2);
  }
  end(index: number): number {
    return this.int(index, 0) & WIDE ? (this.wide.get(index) as { end: number }).end : this.base + this.int(index, 2);
  }

  private int(index: number, field: number): number {
    return (this.chunks[index >>> CHUNK_BITS] as Int32Array)[INTS_PER_ROW * (index & ROW_MASK) + field] as number;
  }

  /** The chunk row `index` goes in, made current: the first chunk doubles until full, the others are allocated whole. */
  private chunkOf(index: number): Int32Array {
    const chunk = index >>> CHUNK_BITS;
    const at = INTS_PER_ROW * (index & ROW_MASK);
    if (chunk === 0 && at >= (this.chunks[0] as Int32Array).length) {
      let length = (this.chunks[0] as Int32Array).length;
      while (length <= at + INTS_PER_ROW - 1) length *= 2;
      const ints = new Int32Array(length);
      ints.set(this.chunks[0] as Int32Array);
      this.chunks[0] = ints;
    }
    while (this.chunks.length <= chunk) this.chunks.push(new Int32Array(INTS_PER_ROW * ROWS_PER_CHUNK));
    this.current = this.chunks[chunk] as Int32Array;
    this.currentFirst = chunk << CHUNK_BITS;
    return this.current;
  }
}
