import { inflateRawSync } from 'node:zlib';
import { SparsePixelsError } from '@sparsepixels/core';
import { crc32 } from './crc32';
import type { ByteSource } from './byte-source';

/** One member as listed in the central directory. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

function fail(source: string, what: string): never {
  throw new SparsePixelsError('SP_NPZ_FORMAT', what, source);
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Finds the central directory: [offset, size, entries], from the end record (or its ZIP64 form). */
function locateCentral(src: ByteSource, source: string, kind: string): [number, number, number] {
  const tailLength = Math.min(src.size, 22 + 0xffff);
  const tail = src.read(src.size - tailLength, tailLength);
  const tv = view(tail);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tv.getUint32(i, true) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0)
    fail(source, `not a ZIP archive (${kind}): no end-of-central-directory record in its ${src.size} bytes`);
  let entries = tv.getUint16(at + 10, true);
  let size = tv.getUint32(at + 12, true);
  let offset = tv.getUint32(at + 16, true);
  if (
    (entries === 0xffff || size === MAX32 || offset === MAX32) &&
    at >= 20 &&
    tv.getUint32(at - 20, true) === ZIP64_LOCATOR
  ) {
    const recordAt = Number(tv.getBigUint64(at - 20 + 8, true));
    const rec = view(src.read(recordAt, 56));
    if (rec.byteLength < 56 || rec.getUint32(0, true) !== ZIP64_EOCD)
      fail(source, 'the ZIP64 end record is missing or damaged');
    entries = Number(rec.getBigUint64(32, true));
    size = Number(rec.getBigUint64(40, true));
    offset = Number(rec.getBigUint64(48, true));
  }
  if (offset + size > src.size)
    fail(
      source,
      `the central directory (${size} bytes at ${offset}) lies past the end of the ${src.size}-byte file`,
    );
  return [offset, size, entries];
}

/** Values in a ZIP64 extra field (id 0x0001) replace the 32-bit fields that hold 0xFFFFFFFF. */
function applyZip64(
  extra: DataView,
  fields: { size: number; compressedSize: number; localOffset: number },
): void {
  for (let o = 0; o + 4 <= extra.byteLength; ) {
    const id = extra.getUint16(o, true);
    const len = extra.getUint16(o + 2, true);
    if (id === 0x0001) {
      let p = o + 4;
      const next = (): number => {
        const v = p + 8 <= o + 4 + len ? Number(extra.getBigUint64(p, true)) : MAX32;
        p += 8;
        return v;
      };
      if (fields.size === MAX32) fields.size = next();
      if (fields.compressedSize === MAX32) fields.compressedSize = next();
      if (fields.localOffset === MAX32) fields.localOffset = next();
      return;
    }
    o += 4 + len;
  }
}

/** Lists the members of a ZIP archive from its central directory. */
export function listZipEntries(src: ByteSource, source: string, kind = '.npz'): ZipEntry[] {
  const [offset, size, count] = locateCentral(src, source, kind);
  const cd = src.read(offset, size);
  const v = view(cd);
  const out: ZipEntry[] = [];
  let o = 0;
  for (let i = 0; i < count; i++) {
    if (o + 46 > cd.length || v.getUint32(o, true) !== CENTRAL)
      fail(source, `central directory entry ${i} is damaged`);
    const nameLength = v.getUint16(o + 28, true);
    const extraLength = v.getUint16(o + 30, true);
    const commentLength = v.getUint16(o + 32, true);
    const name = Buffer.from(cd.subarray(o + 46, o + 46 + nameLength)).toString('utf8');
    const fields = {
      size: v.getUint32(o + 24, true),
      compressedSize: v.getUint32(o + 20, true),
      localOffset: v.getUint32(o + 42, true),
    };
    applyZip64(view(cd.subarray(o + 46 + nameLength, o + 46 + nameLength + extraLength)), fields);
    out.push({
      name,
      method: v.getUint16(o + 10, true),
      flags: v.getUint16(o + 8, true),
      crc: v.getUint32(o + 16, true),
      ...fields,
    });
    o += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/** Offset of a member's first data byte: after its local header, name and extra field. */
export function memberDataOffset(src: ByteSource, e: ZipEntry, source: string): number {
  const local = view(src.read(e.localOffset, 30));
  if (local.byteLength < 30 || local.getUint32(0, true) !== LOCAL)
    fail(`${source}:${e.name}`, `no local header at offset ${e.localOffset}`);
  return e.localOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
}

/** The uncompressed bytes of one member (stored or DEFLATE), with its CRC-32 checked. */
export function readZipEntry(src: ByteSource, e: ZipEntry, source: string): Uint8Array {
  const where = `${source}:${e.name}`;
  if (e.flags & 1) fail(where, 'the member is encrypted; encrypted archives are not supported');
  const start = memberDataOffset(src, e, source);
  const raw = src.read(start, e.compressedSize);
  if (raw.length !== e.compressedSize)
    fail(where, `the member is truncated: ${raw.length} of ${e.compressedSize} bytes present`);
  let data: Uint8Array;
  if (e.method === 0) data = raw;
  else if (e.method === 8) {
    try {
      data = inflateRawSync(raw);
    } catch (err) {
      return fail(where, `DEFLATE data is corrupt (${(err as Error).message})`);
    }
  } else
    return fail(where, `compression method ${e.method} is not supported; stored (0) and DEFLATE (8) are`);
  if (data.length !== e.size)
    fail(where, `the member unpacks to ${data.length} bytes, the directory says ${e.size}`);
  if (crc32(data) !== e.crc) fail(where, 'the member is corrupt: its CRC-32 does not match');
  return data;
}
