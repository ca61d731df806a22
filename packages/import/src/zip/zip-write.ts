import { SparsePixelsError } from '@sparsepixels/core';
import { memorySink, type ByteSink } from './byte-sink';
import { crc32 } from './crc32';

/** One member to store: its name and its bytes given as consecutive parts (no copy is made). */
export interface ZipMemberInput {
  readonly name: string;
  readonly parts: readonly Uint8Array[];
}

export interface ZipWriterOptions {
  /**
   * Sizes and offsets from this value on are written in ZIP64 form (APPNOTE 4.5.3). The format's
   * limit, 0xFFFFFFFF, is the default; tests pass a small value to exercise the ZIP64 records.
   */
  readonly zip64From?: number;
}

const DOS_DATE_1980_01_01 = (1 << 5) | 1; // a fixed timestamp, so the same input gives the same bytes
const VERSION = 20; // 2.0: stored members as written here
const VERSION_ZIP64 = 45; // 4.5: ZIP64 extensions
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;

interface Placed {
  readonly name: Uint8Array;
  readonly size: number;
  readonly offset: number;
  crc: number;
}

function le(
  size: number,
  fill: (put: { u16(x: number): void; u32(x: number): void; u64(x: number): void }) => void,
): Uint8Array {
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  let o = 0;
  fill({
    u16: (x) => {
      v.setUint16(o, x, true);
      o += 2;
    },
    u32: (x) => {
      v.setUint32(o, x, true);
      o += 4;
    },
    u64: (x) => {
      v.setBigUint64(o, BigInt(x), true);
      o += 8;
    },
  });
  return out;
}

/**
 * Writes a ZIP archive of stored (uncompressed) members to a ByteSink, one member at a time, with
 * memory bounded by the chunk the caller hands over: each member's size is declared up front, its
 * bytes are streamed, and its CRC-32 is patched into the local header afterwards (no data
 * descriptors, which some readers handle poorly). A member of 4 GiB or more, an offset past 4 GiB
 * or more than 65,535 members switch to the ZIP64 records numpy and Python's zipfile read.
 */
export class ZipWriter {
  private readonly placed: Placed[] = [];
  private open = false;
  private readonly zip64From: number;

  constructor(
    private readonly sink: ByteSink,
    private readonly where: string,
    options: ZipWriterOptions = {},
  ) {
    this.zip64From = options.zip64From ?? MAX32;
  }

  /** Starts a member of exactly `size` bytes; write them with the returned function, then call `end`. */
  member(name: string, size: number): { write(chunk: Uint8Array): void; end(): void } {
    if (this.open) throw new Error('ZipWriter: the previous member is not finished');
    this.open = true;
    const m: Placed = { name: Buffer.from(name, 'utf8'), size, offset: this.sink.position, crc: 0 };
    const zip64 = size >= this.zip64From;
    this.sink.write(this.localHeader(m, zip64));
    let written = 0;
    return {
      write: (chunk) => {
        m.crc = crc32(chunk, m.crc);
        written += chunk.length;
        this.sink.write(chunk);
      },
      end: () => {
        if (written !== size)
          throw new SparsePixelsError(
            'SP_NPZ_WRITE',
            `member '${name}' declared ${size} bytes but ${written} were written`,
            this.where,
          );
        this.sink.patch(
          m.offset + 14,
          le(4, (p) => p.u32(m.crc)),
        );
        this.placed.push(m);
        this.open = false;
      },
    };
  }

  /** Writes the central directory and the end records. */
  finish(): void {
    if (this.open) throw new Error('ZipWriter: a member is not finished');
    const cdOffset = this.sink.position;
    for (const m of this.placed) this.sink.write(this.centralEntry(m));
    const cdSize = this.sink.position - cdOffset;
    const count = this.placed.length;
    const zip64 = count > MAX16 || cdOffset >= this.zip64From || cdSize >= this.zip64From;
    if (zip64) {
      const recordAt = this.sink.position;
      this.sink.write(
        le(56, (p) => {
          p.u32(0x06064b50); // ZIP64 end of central directory record
          p.u64(44); // size of the rest of this record
          p.u16(VERSION_ZIP64); // version made by
          p.u16(VERSION_ZIP64); // version needed
          p.u32(0); // this disk
          p.u32(0); // disk of the central directory
          p.u64(count); // entries on this disk
          p.u64(count); // entries in total
          p.u64(cdSize);
          p.u64(cdOffset);
        }),
      );
      this.sink.write(
        le(20, (p) => {
          p.u32(0x07064b50); // ZIP64 end of central directory locator
          p.u32(0); // disk of the ZIP64 record
          p.u64(recordAt);
          p.u32(1); // total disks
        }),
      );
    }
    this.sink.write(
      le(22, (p) => {
        p.u32(0x06054b50);
        p.u16(0); // this disk
        p.u16(0); // disk of the central directory
        p.u16(zip64 ? MAX16 : count);
        p.u16(zip64 ? MAX16 : count);
        p.u32(zip64 ? MAX32 : cdSize);
        p.u32(zip64 ? MAX32 : cdOffset);
        p.u16(0); // comment length
      }),
    );
  }

  /** The 30-byte local header; ZIP64 members carry both sizes in a 20-byte extra field. */
  private localHeader(m: Placed, zip64: boolean): Uint8Array {
    const extra = zip64 ? 20 : 0;
    const out = le(30 + m.name.length + extra, (p) => {
      p.u32(0x04034b50);
      p.u16(zip64 ? VERSION_ZIP64 : VERSION); // version needed
      p.u16(0x0800); // flags: bit 11 = names are UTF-8
      p.u16(0); // method: stored
      p.u16(0); // time 00:00:00
      p.u16(DOS_DATE_1980_01_01);
      p.u32(0); // CRC-32, patched when the data is written
      p.u32(zip64 ? MAX32 : m.size); // compressed size
      p.u32(zip64 ? MAX32 : m.size); // uncompressed size
      p.u16(m.name.length);
      p.u16(extra);
    });
    out.set(m.name, 30);
    if (zip64)
      out.set(
        le(20, (p) => {
          p.u16(0x0001); // ZIP64 extended information
          p.u16(16);
          p.u64(m.size); // uncompressed
          p.u64(m.size); // compressed
        }),
        30 + m.name.length,
      );
    return out;
  }

  /** The 46-byte central entry; fields that do not fit 32 bits move to a ZIP64 extra field. */
  private centralEntry(m: Placed): Uint8Array {
    const bigSize = m.size >= this.zip64From;
    const bigOffset = m.offset >= this.zip64From;
    const extra = (bigSize ? 16 : 0) + (bigOffset ? 8 : 0);
    const extraLength = extra > 0 ? 4 + extra : 0;
    const version = extra > 0 ? VERSION_ZIP64 : VERSION;
    const out = le(46 + m.name.length + extraLength, (p) => {
      p.u32(0x02014b50);
      p.u16(version); // version made by (MS-DOS attributes)
      p.u16(version); // version needed
      p.u16(0x0800);
      p.u16(0);
      p.u16(0);
      p.u16(DOS_DATE_1980_01_01);
      p.u32(m.crc);
      p.u32(bigSize ? MAX32 : m.size);
      p.u32(bigSize ? MAX32 : m.size);
      p.u16(m.name.length);
      p.u16(extraLength);
      p.u16(0); // comment length
      p.u16(0); // disk number start
      p.u16(0); // internal attributes
      p.u32(0); // external attributes
      p.u32(bigOffset ? MAX32 : m.offset);
    });
    out.set(m.name, 46);
    if (extraLength > 0)
      out.set(
        le(extraLength, (p) => {
          p.u16(0x0001);
          p.u16(extra);
          if (bigSize) {
            p.u64(m.size); // uncompressed
            p.u64(m.size); // compressed
          }
          if (bigOffset) p.u64(m.offset);
        }),
        46 + m.name.length,
      );
    return out;
  }
}

/** Writes whole members (parts already in memory) to a sink. */
export function writeZip(
  sink: ByteSink,
  members: readonly ZipMemberInput[],
  where: string,
  options: ZipWriterOptions = {},
): void {
  const zip = new ZipWriter(sink, where, options);
  for (const m of members) {
    const w = zip.member(
      m.name,
      m.parts.reduce((s, p) => s + p.length, 0),
    );
    for (const p of m.parts) w.write(p);
    w.end();
  }
  zip.finish();
}

/** The whole archive in memory. */
export function encodeZip(
  members: readonly ZipMemberInput[],
  where = '<zip>',
  options: ZipWriterOptions = {},
): Uint8Array {
  const sink = memorySink();
  writeZip(sink, members, where, options);
  return sink.bytes();
}
