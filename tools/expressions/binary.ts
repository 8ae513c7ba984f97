import { isObject, toText } from './values.js';

/**
 * Binary content as the service carries it in JSON: `{"$content-type": "...", "$content": "<base64>"}`
 * (what `binary()`, `base64ToBinary()`, `dataUriToBinary()` and `xml()` return).
 */
export interface BinaryContent {
  '$content-type': string;
  '$content': string;
}

export const OCTET_STREAM = 'application/octet-stream';

export function binaryContent(bytes: Uint8Array, contentType = OCTET_STREAM): BinaryContent {
  return { '$content-type': contentType, '$content': Buffer.from(bytes).toString('base64') };
}

export function isBinaryContent(value: unknown): value is BinaryContent {
  return isObject(value) && typeof value['$content'] === 'string' && typeof value['$content-type'] === 'string';
}

/** The bytes a value stands for: binary content decoded, anything else as UTF-8 of its text. */
export function bytesOf(value: unknown): Buffer {
  if (isBinaryContent(value)) return Buffer.from(value.$content, 'base64');
  return Buffer.from(toText(value), 'utf8');
}

/** Strict base64 check (padding optional, whitespace tolerated) so a typo is an error, not garbage. */
export function decodeBase64Strict(text: string): Buffer | undefined {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.replace(/=+$/, '').length % 4 === 1) return undefined;
  return Buffer.from(compact, 'base64');
}

/** RFC 3986 escaping as .NET's Uri.EscapeDataString: everything but A-Z a-z 0-9 - _ . ~ */
export function escapeDataString(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A parsed `data:` URI. */
export interface DataUri {
  mediaType: string;
  bytes: Buffer;
}

export function parseDataUri(uri: string): DataUri | undefined {
  const match = /^data:([^,]*?)(;base64)?,(.*)$/s.exec(uri);
  if (!match) return undefined;
  const mediaType = match[1] === '' ? 'text/plain;charset=US-ASCII' : match[1]!;
  if (match[2]) {
    const bytes = decodeBase64Strict(match[3]!);
    return bytes ? { mediaType, bytes } : undefined;
  }
  try {
    return { mediaType, bytes: Buffer.from(decodeURIComponent(match[3]!), 'utf8') };
  } catch {
    return undefined;
  }
}
