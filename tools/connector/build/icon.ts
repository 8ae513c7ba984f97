import { deflateSync } from 'node:zlib';
import type { IconGlyph } from './source-types.js';

/** Power Platform shows connector icons at up to 230 x 230 pixels; a square PNG of that size. */
export const ICON_SIZE = 230;

/**
 * Draws the connector icon: a white pictogram on the brand colour, as an RGB PNG. Pure pixel
 * arithmetic and zlib, so the same source gives the same bytes on every machine (no fonts, no
 * network, no timestamps: PNG has no date unless a tIME chunk is written, and none is).
 */
export function renderIcon(brandColor: string, glyph: IconGlyph, size = ICON_SIZE): Buffer {
  const background = parseColor(brandColor);
  const white: Rgb = [255, 255, 255];
  const inside = GLYPHS[glyph];
  const rowLength = 1 + size * 3;
  const raw = Buffer.alloc(rowLength * size);
  for (let y = 0; y < size; y++) {
    raw[y * rowLength] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const pixel = inside((x + 0.5) / size, (y + 0.5) / size);
      const color = pixel === 'glyph' ? white : background;
      raw.set(color, y * rowLength + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

type Rgb = [number, number, number];
/** Which part of the picture a point (0..1, 0..1) is in. */
type Glyph = (x: number, y: number) => 'glyph' | 'background';

const GLYPHS: Record<IconGlyph, Glyph> = {
  // A page with a folded corner and four lines of text: an audit log.
  document: (x, y) => {
    const onPage = x >= 0.27 && x <= 0.73 && y >= 0.18 && y <= 0.82 && !(x > 0.6 && y < 0.18 + (x - 0.6));
    if (!onPage) return 'background';
    const line = [0.38, 0.5, 0.62, 0.74].some((top) => y >= top && y <= top + 0.045) && x >= 0.35 && x <= (y > 0.7 ? 0.55 : 0.65);
    return line ? 'background' : 'glyph';
  },
  // A shield: straight top, sides that curve into a point.
  shield: (x, y) => {
    if (y < 0.18 || y > 0.84) return 'background';
    const t = (y - 0.18) / 0.66;
    const halfWidth = t < 0.45 ? 0.3 : 0.3 * Math.sqrt(Math.max(0, 1 - ((t - 0.45) / 0.55) ** 2));
    return Math.abs(x - 0.5) <= halfWidth ? 'glyph' : 'background';
  },
};

function parseColor(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as PNG chunks need it (ISO 3309). */
export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
