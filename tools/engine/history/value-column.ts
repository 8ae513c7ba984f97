import { ChunkedColumn } from './columns.js';

/** Strings up to this many UTF-16 code units are copied into the text arena; longer ones are kept as they are. */
export const SHORT_STRING = 64;

const CHUNK_BITS = 16;
const CHUNK_ROWS = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_ROWS - 1;
const FIRST_ROWS = 64;
const TEXT_CHUNK = 1 << 16;
const FIRST_TEXT = 256;

/** What a row of the typed columns holds: nothing there (the value, if any, is in `others`), a 32-bit integer, or a short string's place in the arena. */
const OTHER = 0;
const INTEGER = 1;
const SHORT_TEXT = 2;

/**
 * The history's values by record index (inputs, outputs). The common values of long loops stay
 * out of the collected heap: 32-bit integers in a typed column, short strings copied into a
 * UTF-16 text arena; everything else in a ChunkedColumn. A loop that sets a string variable makes
 * one new string per iteration; held by the history, each one would be copied twice by the
 * young-generation collector (to survivor space, then to old space), and a column of 100k numbers
 * as JS arrays is memory the collector scans: together they cost about as much as the loop's own
 * work. A value read back equals the one stored (numbers and strings have no identity; -0 and
 * lone surrogates included).
 */
export class ValueColumn {
  private readonly others = new ChunkedColumn<unknown>();
  /** Per row, two bits: OTHER, INTEGER or SHORT_TEXT (16 rows to an integer). */
  private readonly kinds = new IntChunks();
  /** Per row: the integer, or the string's place in the arena. */
  private readonly numbers = new IntChunks();
  /** The arena: chunks of code units, each string as its length then its code units. */
  private readonly text: Uint16Array[] = [];
  private current = new Uint16Array(0);
  private used = 0;

  set(index: number, value: unknown): void {
    if (typeof value === 'number' && (value | 0) === value && (value !== 0 || 1 / value > 0)) {
      this.setKind(index, INTEGER);
      this.numbers.set(index, value);
    } else if (typeof value === 'string' && value.length <= SHORT_STRING) {
      this.setKind(index, SHORT_TEXT);
      this.numbers.set(index, this.copy(value));
    } else {
      if (this.kindOf(index) !== OTHER) this.setKind(index, OTHER);
      this.others.set(index, value);
    }
  }

  private kindOf(index: number): number {
    return (this.kinds.get(index >>> 4) >>> ((index & 15) << 1)) & 3;
  }

  private setKind(index: number, kind: number): void {
    const shift = (index & 15) << 1;
    this.kinds.set(index >>> 4, (this.kinds.get(index >>> 4) & ~(3 << shift)) | (kind << shift));
  }

  get(index: number): unknown {
    const kind = this.kindOf(index);
    if (kind === INTEGER) return this.numbers.get(index);
    if (kind === SHORT_TEXT) return this.read(this.numbers.get(index));
    return this.others.get(index);
  }

  /** Copies a short string into the arena: its place. */
  private copy(value: string): number {
    const length = value.length;
    let at = this.used;
    if (at + 1 + length > this.current.length) at = this.growText(1 + length);
    const text = this.current;
    text[at] = length;
    for (let i = 0; i < length; i++) text[at + 1 + i] = value.charCodeAt(i);
    this.used = at + 1 + length;
    return (this.text.length - 1) * TEXT_CHUNK + at;
  }

  private read(place: number): string {
    const text = this.text[Math.floor(place / TEXT_CHUNK)] as Uint16Array;
    const at = place % TEXT_CHUNK;
    return String.fromCharCode.apply(null, text.subarray(at + 1, at + 1 + (text[at] as number)) as unknown as number[]);
  }

  /**
   * Room for `units` more code units; where they go. The first chunk doubles (a short run
   * allocates little) up to TEXT_CHUNK; then new whole chunks (places already given stay valid).
   */
  private growText(units: number): number {
    if (this.text.length === 1 && this.current.length < TEXT_CHUNK) {
      let size = this.current.length;
      while (size < this.used + units && size < TEXT_CHUNK) size *= 2;
      if (size >= this.used + units) {
        const grown = new Uint16Array(size);
        grown.set(this.current.subarray(0, this.used));
        this.text[0] = this.current = grown;
        return this.used;
      }
    }
    this.current = new Uint16Array(this.text.length === 0 ? FIRST_TEXT : TEXT_CHUNK);
    this.text.push(this.current);
    this.used = 0;
    return 0;
  }
}

/**
 * A column of 32-bit integers by row index in chunks of CHUNK_ROWS, allocated on first write; the
 * first one starts small and doubles, so a short run allocates little. Unwritten rows read 0.
 */
class IntChunks {
  private readonly chunks: Array<Int32Array | undefined> = [];

  get(index: number): number {
    const chunk = this.chunks[index >>> CHUNK_BITS];
    const at = index & CHUNK_MASK;
    return chunk !== undefined && at < chunk.length ? (chunk[at] as number) : 0;
  }

  set(index: number, value: number): void {
    const chunk = this.chunks[index >>> CHUNK_BITS];
    const at = index & CHUNK_MASK;
    if (chunk !== undefined && at < chunk.length) chunk[at] = value;
    else this.grow(index)[at] = value;
  }

  private grow(index: number): Int32Array {
    const number = index >>> CHUNK_BITS;
    const at = index & CHUNK_MASK;
    while (this.chunks.length <= number) this.chunks.push(undefined);
    const old = this.chunks[number];
    let size = old?.length ?? (number === 0 ? FIRST_ROWS : CHUNK_ROWS);
    while (size <= at) size *= 2;
    const chunk = new Int32Array(Math.min(size, CHUNK_ROWS));
    if (old !== undefined) chunk.set(old);
    this.chunks[number] = chunk;
    return chunk;
  }
}
