/**
 * Deterministic JSON: two-space indent, newline at the end. With `sortKeys`, object keys are
 * sorted (for files whose key order carries no meaning); otherwise insertion order is kept,
 * which is deterministic as long as the producer builds objects in a fixed order.
 */
export function stableStringify(value: unknown, options: { sortKeys?: boolean } = {}): string {
  const prepared = options.sortKeys ? sortKeysDeep(value) : value;
  return `${JSON.stringify(prepared, null, 2)}\n`;
}

export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      Object.defineProperty(sorted, key, {
        value: sortKeysDeep((value as Record<string, unknown>)[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return sorted;
  }
  return value;
}
