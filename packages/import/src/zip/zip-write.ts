import { SparsePixelsError } from '@sparsepixels/core';
import { crc32 } from './crc32';

/** One member to store: its name and its bytes given as consecutive parts (no copy is made). */
export interface ZipMemberInput {
  readonly name: string;
  readonly parts: readonly Uint8Array[];
}

const DOS_DATE_1980_01_01 = (1 << 5) | 1; // a fixed timestamp, so the same input gives the same bytes
const VERSION = 20; // 2.0: the version that introduced stored/deflate as written here
const LIMIT = 0xffffffff;

function le(size: number, fill: (v: DataView) => void): Uint8Array {
  const out = new Uint8Array(size);
  fill(new DataView(out.buffer));
  return out;
}

interface Placed {
  readonly name: Uint8Array;
  readonly crc: number;
  readonly size: number;
  readonly offset: number;
}

/** The 30-byte local header (sig 0x04034b50) or 46-byte central entry (sig 0x02014b50) fields. */
function header(central: boolean, m: Placed): Uint8Array {
  const base = central ? 46 : 30;
  const out = le(base + m.name.length, (v) => {
    let o = 0;
    const u16 = (x: number) => {
      v.setUint16(o, x, true);
      o += 2;
    };
    const u32 = (x: number) => {
      v.setUint32(o, x, true);
      o += 4;
    };
    u32(central ? 0x02014b50 : 0x04034b50);
    if (central) u16(VERSION); // version made by (MS-DOS attributes)
    u16(VERSION); // version needed
    u16(0x0800); // flags: bit 11 = names are UTF-8
    u16(0); // method: stored
    u16(0); // time 00:00:00
    u16(DOS_DATE_1980_01_01);
    u32(m.crc);
    u32(m.size); // compressed size
    u32(m.size); // uncompressed size
    u16(m.name.length);
    u16(0); // extra field length
    if (central) {
      u16(0); // comment length
      u16(0); // disk number start
      u16(0); // internal attributes
      u32(0); // external attributes
      u32(m.offset);
    }
  });
  out.set(m.name, base);
  return out;
}

/**
 * Writes a ZIP archive of stored (uncompressed) members to `write`, in order: local header and
 * data of each member, then the central directory and the end record. Plain ZIP32: the archive
 * must stay under 4 GiB, which is checked before anything is written.
 */
export function writeZip(
  write: (chunk: Uint8Array) => void,
  members: readonly ZipMemberInput[],
  where: string,
): void {
  const placed: Placed[] = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name, 'utf8');
    let crc = 0;
    let size = 0;
    for (const p of m.parts) {
      crc = crc32(p, crc);
      size += p.length;
    }
    placed.push({ name, crc, size, offset });
    offset += 30 + name.length + size;
  }
  const centralSize = placed.reduce((s, m) => s + 46 + m.name.length, 0);
  if (offset + centralSize + 22 > LIMIT || members.length > 0xffff) {
    throw new SparsePixelsError(
      'SP_NPZ_TOO_LARGE',
      `archive would be ${offset + centralSize + 22} bytes; ZIP archives written here must stay under 4 GiB`,
      where,
    );
  }
  members.forEach((m, i) => {
    write(header(false, placed[i]!));
    for (const p of m.parts) write(p);
  });
  for (const m of placed) write(header(true, m));
  write(
    le(22, (v) => {
      v.setUint32(0, 0x06054b50, true);
      v.setUint16(8, placed.length, true); // entries on this disk
      v.setUint16(10, placed.length, true); // entries in total
      v.setUint32(12, centralSize, true);
      v.setUint32(16, offset, true); // central directory offset
    }),
  );
}

/** The whole archive in memory. */
export function encodeZip(members: readonly ZipMemberInput[], where = '<zip>'): Uint8Array {
  const chunks: Uint8Array[] = [];
  writeZip((c) => chunks.push(c), members, where);
  return Buffer.concat(chunks);
}
