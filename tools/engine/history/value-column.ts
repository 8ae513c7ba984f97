import { ChunkedColumn } from './columns.js';

/** Strings up to this many UTF-16 code units are copied into the text arena; longer ones are kept as they are. */
export const SHORT_STRING = 64;

const TEXT_CHUNK = 1 << 16;
const FIRST_TEXT = 256;
const FIRST_FLAGS = 64;

/**
 * The history's values by record index (inputs, outputs): a ChunkedColumn, except that short
 * strings are copied into a UTF-16 text arena (typed arrays, outside the collected heap). A long
 * loop that sets a string variable makes one new string per iteration; held by the history, each
 * one would be copied twice by the young-generation collector (to survivor space, then to old
 * space), which cost about as much as the loop's own work. A string read back is equal to the one
 * stored (strings have no identity), code unit for code unit, lone surrogates included.
 *
 * An arena string's entry in the value chunks is its place in the arena (a small integer), and a
 * bit per index tells such places from numbers stored as values.
 */
export class ValueColumn {
  private readonly values = new ChunkedColumn<unknown>();
  /** One bit per record index: its value is a place in the arena. */
  private flags = new Uint32Array(FIRST_FLAGS);
  /** The arena: chunks of code units, each string as its length then its code units. */
  private readonly text: Uint16Array[] = [];
  private current = new Uint16Array(0);
  private used = 0;

  set(index: number, value: unknown): void {
    const word = index >>> 5;
    const bit = 1 << (index & 31);
    if (typeof value === 'string' && value.length <= SHORT_STRING) {
      if (word >= this.flags.length) this.growFlags(word);
      this.flags[word] = (this.flags[word] as number) | bit;
      this.values.set(index, this.copy(value));
      return;
    }
    if (word < this.flags.length) this.flags[word] = (this.flags[word] as number) & ~bit;
    this.values.set(index, value);
  }

  get(index: number): unknown {
    const value = this.values.get(index);
    const word = index >>> 5;
    if (typeof value === 'number' && word < this.flags.length && ((this.flags[word] as number) & (1 << (index & 31))) !== 0) return this.read(value);
    return value;
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

  private growFlags(word: number): void {
    let size = this.flags.length;
    while (size <= word) size *= 2;
    const grown = new Uint32Array(size);
    grown.set(this.flags);
    this.flags = grown;
  }
}
