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
  /** Per row: its kind (OTHER, INTEGER, SHORT_TEXT) and number (the integer, or the string's place in the arena). */
  private readonly rows = new KindRows();
  /** The arena: chunks of code units, each string as its length then its code units. */
  private readonly text: Uint16Array[] = [];
  private current = new Uint16Array(0);
  private used = 0;

  set(index: number, value: unknown): void {
    if (typeof value === 'number' && (value | 0) === value && (value !== 0 || 1 / value > 0)) this.rows.set(index, INTEGER, value);
    else if (typeof value === 'string' && value.length <= SHORT_STRING) this.rows.set(index, SHORT_TEXT, this.copy(value));
    else {
      if (this.rows.kind(index) !== OTHER) this.rows.set(index, OTHER, 0);
      this.others.set(index, value);
    }
  }

  get(index: number): unknown {
    const kind = this.rows.kind(index);
    if (kind === INTEGER) return this.rows.number(index);
    if (kind === SHORT_TEXT) return this.read(this.rows.number(index));
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
 * The kind (a byte) and number (32 bits) of each row, in chunks of CHUNK_ROWS allocated on first
 * write; the first one starts small and doubles, so a short run allocates little. Unwritten rows
 * read OTHER and 0.
 */
class KindRows {
  private readonly kinds: Array<Uint8Array | undefined> = [];
  private readonly numbers: Array<Int32Array | undefined> = [];

  kind(index: number): number {
    const chunk = this.kinds[index >>> CHUNK_BITS];
    const at = index & CHUNK_MASK;
    return chunk !== undefined && at < chunk.length ? (chunk[at] as number) : OTHER;
  }

  number(index: number): number {
    const chunk = this.numbers[index >>> CHUNK_BITS];
    const at = index & CHUNK_MASK;
    return chunk !== undefined && at < chunk.length ? (chunk[at] as number) : 0;
  }

  set(index: number, kind: number, value: number): void {
    const c = index >>> CHUNK_BITS;
    const at = index & CHUNK_MASK;
    let kinds = this.kinds[c];
    if (kinds === undefined || at >= kinds.length) kinds = this.grow(c, at);
    kinds[at] = kind;
    (this.numbers[c] as Int32Array)[at] = value;
  }

  /** Chunk `c` made long enough for row `at` (both arrays alike); its kinds. */
  private grow(c: number, at: number): Uint8Array {
    while (this.kinds.length <= c) {
      this.kinds.push(undefined);
      this.numbers.push(undefined);
    }
    const oldKinds = this.kinds[c];
    const oldNumbers = this.numbers[c];
    let size = oldKinds?.length ?? (c === 0 ? FIRST_ROWS : CHUNK_ROWS);
    while (size <= at) size *= 2;
    size = Math.min(size, CHUNK_ROWS);
    const kinds = new Uint8Array(size);
    const numbers = new Int32Array(size);
    if (oldKinds !== undefined) kinds.set(oldKinds);
    if (oldNumbers !== undefined) numbers.set(oldNumbers);
    this.kinds[c] = kinds;
    this.numbers[c] = numbers;
    return kinds;
  }
}
