import { crc32, deflateRawSync } from 'node:zlib';

/** One entry of a hand-made zip; every field a hostile zip could lie about can be set. */
export interface CraftEntry {
  name: string;
  data?: Buffer;
  deflate?: boolean;
  flags?: number;
  /** Unix mode in the high 16 bits of the external attributes (made-by host Unix). */
  unixMode?: number;
  /** Override the uncompressed size written in the headers (a lie). */
  declaredSize?: number;
  /** Point the central directory at the local header of an earlier entry (overlap). */
  reuseOffsetOf?: number;
  method?: number;
}

/**
 * Writes a zip byte by byte (no library: archiver and yazl refuse to write the hostile names and
 * headers these tests need). Local headers, data, central directory, end record.
 */
export function craftZip(entries: readonly CraftEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((entry) => {
    const name = Buffer.from(entry.name, 'utf8');
    const raw = entry.data ?? Buffer.alloc(0);
    const body = entry.deflate ? deflateRawSync(raw) : raw;
    const method = entry.method ?? (entry.deflate ? 8 : 0);
    const flags = (entry.flags ?? 0) | 0x800;
    const size = entry.declaredSize ?? raw.length;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x5821, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const localOffset = entry.reuseOffsetOf !== undefined ? offsets[entry.reuseOffsetOf]! : offset;
    offsets.push(offset);
    if (entry.reuseOffsetOf === undefined) {
      locals.push(local, name, body);
      offset += local.length + name.length + body.length;
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.unixMode !== undefined ? (3 << 8) | 20 : 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x5821, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(entry.unixMode !== undefined ? (entry.unixMode << 16) >>> 0 : 0, 38);
    central.writeUInt32LE(localOffset, 42);
    centrals.push(central, name);
  });
  const centralStart = offset;
  const centralBytes = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(centralStart, 16);
  return Buffer.concat([...locals, centralBytes, end]);
}
