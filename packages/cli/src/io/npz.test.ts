import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 as zlibCrc32, deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeNpy } from './npy';
import { decodeNpz, encodeNpz, readNpz, writeNpz } from './npz';

const fixture = (name: string) => join(__dirname, '__fixtures__', name);

/**
 * A ZIP built by hand from the APPNOTE field list: per member a 30-byte local header + name + data,
 * then 46-byte central entries, then the 22-byte end record. All numbers little-endian.
 */
function handZip(
  members: { name: string; data: Uint8Array; method?: number; stored?: Uint8Array }[],
): Uint8Array {
  const out: number[] = [];
  const u16 = (a: number[], v: number) => a.push(v & 0xff, (v >> 8) & 0xff);
  const u32 = (a: number[], v: number) => a.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24);
  const central: number[] = [];
  for (const m of members) {
    const body = m.stored ?? m.data;
    const name = [...Buffer.from(m.name)];
    const crc = zlibCrc32(m.data);
    const offset = out.length;
    const common = (a: number[]) => {
      u16(a, 20); // version needed
      u16(a, 0x0800); // UTF-8 names
      u16(a, m.method ?? 0);
      u16(a, 0); // 00:00
      u16(a, 0x21); // 1980-01-01
      u32(a, crc);
      u32(a, body.length);
      u32(a, m.data.length);
      u16(a, name.length);
      u16(a, 0); // extra length
    };
    u32(out, 0x04034b50);
    common(out);
    out.push(...name, ...body);
    u32(central, 0x02014b50);
    u16(central, 20); // version made by
    common(central);
    u16(central, 0); // comment length
    u16(central, 0); // disk
    u16(central, 0); // internal attributes
    u32(central, 0); // external attributes
    u32(central, offset);
    central.push(...name);
  }
  const cdOffset = out.length;
  out.push(...central);
  u32(out, 0x06054b50);
  u16(out, 0);
  u16(out, 0);
  u16(out, members.length);
  u16(out, members.length);
  u32(out, central.length);
  u32(out, cdOffset);
  u16(out, 0); // comment length
  return new Uint8Array(out);
}

const X = { dtype: 'float32', shape: [2, 3], data: new Float32Array([0, 1, 2, 3, 4, 5]) } as const;
const Y = { dtype: 'int32', shape: [2], data: new Int32Array([1, 0]) } as const;

describe('encodeNpz', () => {
  it('writes exactly the stored ZIP built by hand from the format description', () => {
    const expected = handZip([
      { name: 'x.npy', data: encodeNpy(X) },
      { name: 'y.npy', data: encodeNpy(Y) },
    ]);
    expect(Buffer.from(encodeNpz({ x: X, y: Y }))).toEqual(Buffer.from(expected));
  });

  it('is deterministic (fixed timestamps)', () => {
    expect(Buffer.from(encodeNpz({ x: X }))).toEqual(Buffer.from(encodeNpz({ x: X })));
  });
});

describe('decodeNpz', () => {
  it('reads hand-made stored and DEFLATE archives', () => {
    const nx = encodeNpy(X);
    const stored = handZip([{ name: 'x.npy', data: nx }]);
    expect(decodeNpz(stored, 'a.npz')).toEqual({ x: X });
    const deflated = handZip([
      { name: 'x.npy', data: nx, method: 8, stored: deflateRawSync(nx) },
      { name: 'y.npy', data: encodeNpy(Y) },
    ]);
    expect(decodeNpz(deflated, 'b.npz')).toEqual({ x: X, y: Y });
  });

  it('reads np.savez (ZIP64 local headers) and np.savez_compressed files', () => {
    expect(readNpz(fixture('numpy-savez.npz'))).toEqual({ x: X, y: Y });
    expect(readNpz(fixture('numpy-savez-compressed.npz'))).toEqual({ x: X, y: Y });
    const large = readNpz(fixture('numpy-compressed-large.npz'));
    expect(large.flag).toEqual({ dtype: 'bool', shape: [1], data: new Uint8Array([1]) });
    expect(large.x?.shape).toEqual([5000]);
    expect(Array.from(large.x!.data as Int32Array).every((v, i) => v === i % 7)).toBe(true);
  });

  it('names the file, the member and the problem for malformed archives', () => {
    expect(() => decodeNpz(encodeNpy(X), 'x.npz')).toThrow(
      /^x\.npz: not a ZIP archive \(\.npz\): no end-of-central-directory record in its \d+ bytes$/,
    );
    const good = handZip([{ name: 'x.npy', data: encodeNpy(X) }]);
    const corrupt = Uint8Array.from(good);
    corrupt[30 + 5 + 130] = corrupt[30 + 5 + 130]! ^ 0xff; // a byte inside the array data
    expect(() => decodeNpz(corrupt, 'x.npz')).toThrow(
      'x.npz:x.npy: the member is corrupt: its CRC-32 does not match',
    );
    const cut = Uint8Array.from(good.subarray(0, 100));
    expect(() => decodeNpz(cut, 'x.npz')).toThrow(/^x\.npz: not a ZIP archive/);
    const bzip = handZip([{ name: 'x.npy', data: encodeNpy(X), method: 12 }]);
    expect(() => decodeNpz(bzip, 'x.npz')).toThrow(
      'x.npz:x.npy: compression method 12 is not supported; stored (0) and DEFLATE (8) are',
    );
    const text = handZip([{ name: 'notes.txt', data: Buffer.from('hi') }]);
    expect(() => decodeNpz(text, 'x.npz')).toThrow(
      "x.npz: member 'notes.txt' is not an .npy array (an .npz holds <name>.npy members only)",
    );
    const badNpy = handZip([{ name: 'x.npy', data: Buffer.from('not numpy') }]);
    expect(() => decodeNpz(badNpy, 'x.npz')).toThrow(
      'x.npz:x.npy: not an .npy file: it does not start with the \\x93NUMPY magic (9 bytes)',
    );
  });
});

describe('readNpz / writeNpz', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sp-npz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips through a file, byte-identical to encodeNpz, with no temporary file left', () => {
    const p = join(dir, 'd.npz');
    const arrays = {
      x: X,
      y: Y,
      flags: { dtype: 'bool', shape: [2], data: new Uint8Array([1, 0]) },
    } as const;
    writeNpz(p, arrays);
    expect(readNpz(p)).toEqual(arrays);
    expect(readFileSync(p)).toEqual(Buffer.from(encodeNpz(arrays)));
    expect(readdirSync(dir)).toEqual(['d.npz']);
  });

  it('reports a missing file and an empty array name', () => {
    const p = join(dir, 'missing.npz');
    expect(() => readNpz(p)).toThrow(`${p}: cannot read the file: no such file or directory`);
    expect(() => writeNpz(join(dir, 'e.npz'), { '': X })).toThrow(
      'an array name is empty; give every array a name',
    );
    expect(readdirSync(dir)).toEqual(['d.npz']);
  });
});
