/**
 * One lean pass over JSON text that JSON.parse has already accepted: finds duplicate keys (which
 * JSON.parse silently collapses), refuses hostile nesting, and records the offsets of just the
 * paths diagnostics point at. Far cheaper than building a full syntax tree for every file: the
 * tree (jsonc-parser) is only built for text JSON.parse refuses.
 */
import { computeLineStarts, positionAt, type Locator } from '../../diagnostics/index.js';

/** Paths wanted by diagnostics, as a trie keyed by segment; `offset` is filled by the scan. */
export class PathTrie {
  readonly children = new Map<string, PathTrie>();
  offset = -1;

  add(path: readonly (string | number)[]): void {
    let node: PathTrie = this;
    for (const segment of path) {
      const key = String(segment);
      let child = node.children.get(key);
      if (!child) node.children.set(key, (child = new PathTrie()));
      node = child;
    }
  }
}

export interface ScanResult {
  /** Offsets of keys that repeat within one object, with their paths. */
  duplicates: { offset: number; path: string[] }[];
  /** Offset where nesting went past the limit, if it did. */
  tooDeepAt?: number;
}

class TooDeep extends Error {
  constructor(readonly offset: number) {
    super('too deep');
  }
}

const QUOTE = 34;
const BACKSLASH = 92;

export function scanJson(text: string, options: { maxDepth: number; trie?: PathTrie; findDuplicates: boolean }): ScanResult {
  let i = 0;
  const duplicates: ScanResult['duplicates'] = [];
  const path: string[] = [];

  const skipWhitespace = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else return;
    }
  };
  const readString = (): string => {
    const start = ++i;
    let escaped = false;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        escaped = true;
        i += 2;
      } else i++;
    }
    const raw = text.slice(start, i);
    i++;
    return escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
  };
  const skipString = () => {
    i++;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) break;
      i += c === BACKSLASH ? 2 : 1;
    }
    i++;
  };

  /** Skips a whole value nobody asked about: a flat loop over brackets and strings, no recursion. */
  const skipValue = () => {
    let depth = 0;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        skipString();
        if (depth === 0) return;
        continue;
      }
      if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) {
        if (depth === 0) return; // the parent's closing bracket after a scalar
        depth--;
        if (depth === 0) {
          i++;
          return;
        }
      } else if (depth === 0 && (c === 44 || c === 32 || c === 10 || c === 13 || c === 9 || Number.isNaN(c))) return;
      i++;
    }
  };

  const value = (trie: PathTrie | undefined, depth: number): void => {
    if (depth > options.maxDepth) throw new TooDeep(i);
    if (!trie && !options.findDuplicates) {
      skipValue();
      return;
    }
    const c = text.charCodeAt(i);
    if (c === 123 /* { */) {
      i++;
      const keys = options.findDuplicates ? new Set<string>() : undefined;
      skipWhitespace();
      if (text.charCodeAt(i) === 125) {
        i++;
        return;
      }
      for (;;) {
        skipWhitespace();
        const keyOffset = i;
        const key = readString();
        if (keys) {
          if (keys.has(key)) duplicates.push({ offset: keyOffset, path: [...path, key] });
          keys.add(key);
        }
        skipWhitespace();
        i++; // :
        skipWhitespace();
        const child = trie?.children.get(key);
        if (child) child.offset = keyOffset;
        path.push(key);
        value(child, depth + 1);
        path.pop();
        skipWhitespace();
        if (text.charCodeAt(i++) === 125) return; // } (else ,)
      }
    } else if (c === 91 /* [ */) {
      i++;
      skipWhitespace();
      if (text.charCodeAt(i) === 93) {
        i++;
        return;
      }
      for (let index = 0; ; index++) {
        skipWhitespace();
        const child = trie?.children.get(String(index));
        if (child) child.offset = i;
        path.push(String(index));
        value(child, depth + 1);
        path.pop();
        skipWhitespace();
        if (text.charCodeAt(i++) === 93) return; // ] (else ,)
      }
    } else if (c === QUOTE) {
      skipString();
    } else {
      // number, true, false, null
      for (;;) {
        const d = text.charCodeAt(i);
        if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9 || Number.isNaN(d)) return;
        i++;
      }
    }
  };

  try {
    skipWhitespace();
    if (options.trie) options.trie.offset = i;
    value(options.trie, 0);
  } catch (error) {
    if (error instanceof TooDeep) return { duplicates, tooDeepAt: error.offset };
    throw error;
  }
  return { duplicates };
}

/**
 * The cheap first look at text JSON.parse accepted: nesting depth (refused past `maxDepth`) and the
 * number of object keys, in one flat loop with no allocation. When the key count matches the
 * parsed value's, no key was collapsed by JSON.parse, so the costlier duplicate scan is skipped.
 */
export function quickScan(text: string, maxDepth: number): { keys: number; tooDeepAt?: number } {
  let keys = 0;
  let depth = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i++;
      for (;;) {
        const d = text.charCodeAt(i);
        if (d === QUOTE) break;
        i += d === BACKSLASH ? 2 : 1;
      }
      // A string followed by ":" is a key.
      let j = i + 1;
      for (;;) {
        const d = text.charCodeAt(j);
        if (d === 32 || d === 10 || d === 13 || d === 9) j++;
        else break;
      }
      if (text.charCodeAt(j) === 58) keys++;
    } else if (c === 123 || c === 91) {
      if (++depth > maxDepth) return { keys, tooDeepAt: i };
    } else if (c === 125 || c === 93) depth--;
  }
  return { keys };
}

/** Number of own keys in a parsed JSON value (iterative: no recursion on deep values). */
export function countKeys(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== 'object' || item === null) continue;
    if (Array.isArray(item)) {
      for (const child of item) if (typeof child === 'object' && child !== null) stack.push(child);
    } else {
      for (const key in item) {
        count++;
        const child = (item as Record<string, unknown>)[key];
        if (typeof child === 'object' && child !== null) stack.push(child);
      }
    }
  }
  return count;
}

/** A Locator answering from one scan for a known set of paths (deepest existing node wins). */
export function scannedLocator(text: string, paths: readonly (readonly (string | number)[])[]): Locator {
  const trie = new PathTrie();
  for (const path of paths) trie.add(path);
  scanJson(text, { maxDepth: Number.MAX_SAFE_INTEGER, trie, findDuplicates: false });
  let lineStarts: number[] | undefined;
  return (path) => {
    let node = trie;
    let offset = trie.offset;
    for (const segment of path) {
      const child = node.children.get(String(segment));
      if (!child || child.offset < 0) break;
      node = child;
      offset = child.offset;
    }
    if (offset < 0) return undefined;
    lineStarts ??= computeLineStarts(text);
    return positionAt(lineStarts, offset);
  };
}

