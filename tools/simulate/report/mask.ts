/**
 * Masks secrets before anything reaches a report, a log or a history file: values of keys that
 * name a secret, and any occurrence of a known secret string anywhere. Also bounds the size of
 * what is shown so a large blob does not bloat the report.
 */
const SECRET_KEY = /(secret|password|passwd|pwd|authorization|access_?token|refresh_?token|id_?token|api_?key|client_?assertion|x-ms-apim-tokens|cookie)/i;
export const MASK = '***';

export interface MaskOptions {
  /** Exact secret values to hide wherever they appear (client secret, basic-auth password...). */
  secrets?: readonly string[];
  /** Longest string kept; longer ones are cut with a note. */
  maxStringLength?: number;
  /** Most array items / object keys kept per level. */
  maxItems?: number;
  maxDepth?: number;
}

export function maskSecrets(value: unknown, options: MaskOptions = {}): unknown {
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 4);
  const maxString = options.maxStringLength ?? 2000;
  const maxItems = options.maxItems ?? 50;
  const maxDepth = options.maxDepth ?? 8;

  const maskString = (text: string): string => {
    let out = text;
    for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(MASK);
    // Bearer and Basic credentials inside header-like strings.
    out = out.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${MASK}`);
    return out.length > maxString ? `${out.slice(0, maxString)}… (${out.length - maxString} more characters)` : out;
  };

  const walk = (node: unknown, depth: number): unknown => {
    if (typeof node === 'string') return maskString(node);
    if (node === null || typeof node !== 'object') return node;
    if (depth >= maxDepth) return Array.isArray(node) ? `[array of ${node.length}]` : '{…}';
    if (Array.isArray(node)) {
      const kept = node.slice(0, maxItems).map((item) => walk(item, depth + 1));
      if (node.length > maxItems) kept.push(`… ${node.length - maxItems} more items`);
      return kept;
    }
    const out: Record<string, unknown> = {};
    const keys = Object.keys(node);
    for (const key of keys.slice(0, maxItems)) {
      const child = (node as Record<string, unknown>)[key];
      out[key] = SECRET_KEY.test(key) && child !== null && child !== undefined && child !== '' ? MASK : walk(child, depth + 1);
    }
    if (keys.length > maxItems) out['…'] = `${keys.length - maxItems} more keys`;
    return out;
  };
  return walk(value, 0);
}
