import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_INFLATED, openNpySlices, openNpzSlices } from './array-slices';
import { encodeNpy, readNpy } from './npy';
import { writeNpyStreaming, writeNpzStreaming } from './npy-stream';
import { encodeNpz, readNpz } from './npz';

const dir = mkdtempSync(join(tmpdir(), 'sp-npy-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;

const X = Float32Array.from({ length: 6 * 5 }, (_, i) => i * 0.5 - 3);
const Y = Int32Array.from([1, 0, 1, 1, 0, 0]);

/** Appends `data` in pieces of `n` elements. */
const inPieces =
  (data: Float32Array | Int32Array, n: number) => (append: (d: Float32Array | Int32Array) => void) => {
    for (let i = 0; i < data.length; i += n) append(data.subarray(i, i + n));
  };

// Members of 4 GiB and more, offsets past 4 GiB and more than 65,535 members need the ZIP64
// records; a small threshold writes them for a small archive, which readers must accept alike.
const zip64 = join(dir, 'zip64.npz');
writeNpzStreaming(
  zip64,
  [
    { name: 'x', dtype: 'float32', shape: [6, 5], fill: inPieces(X, 6) },
    { name: 'y', dtype: 'int32', shape: [6], fill: inPieces(Y, 6) },
  ],
  { zip64From: 100 },
);

describe('streamed .npy / .npz writers', () => {
  it('write, piece by piece, the same bytes as the in-memory encoders', () => {
    const p = join(dir, 'x.npy');
    writeNpyStreaming(p, { dtype: 'float32', shape: [6, 5] }, inPieces(X, 7));
    expect(readFileSync(p).equals(Buffer.from(encodeNpy({ dtype: 'float32', shape: [6, 5], data: X })))).toBe(
      true,
    );
    const z = join(dir, 'xy.npz');
    writeNpzStreaming(z, [
      { name: 'x', dtype: 'float32', shape: [6, 5], fill: inPieces(X, 4) },
      { name: 'y', dtype: 'int32', shape: [6], fill: inPieces(Y, 5) },
    ]);
    const expected = encodeNpz({
      x: { dtype: 'float32', shape: [6, 5], data: X },
      y: { dtype: 'int32', shape: [6], data: Y },
    });
    expect(readFileSync(z).equals(Buffer.from(expected))).toBe(true);
  });

  it('refuses a wrong element count or dtype and leaves no file behind', () => {
    const p = join(dir, 'bad.npy');
    expect(() =>
      writeNpyStreaming(p, { dtype: 'float32', shape: [6, 5] }, inPieces(X.subarray(0, 29), 10)),
    ).toThrow(`${p}: 29 elements written; shape (6, 5) needs 30`);
    expect(() => writeNpyStreaming(p, { dtype: 'float32', shape: [2] }, (a) => a(Y.subarray(0, 2)))).toThrow(
      'data is a Int32Array, which cannot hold dtype float32',
    );
    expect(readdirSync(dir).filter((f) => f.startsWith('.') || f.startsWith('bad'))).toEqual([]);
  });

  it('writes ZIP64 records (sizes, offsets, end record) that this reader reads', () => {
    const bytes = readFileSync(zip64);
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true); // ZIP64 end record
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x07]))).toBe(true); // its locator
    expect(readNpz(zip64)).toEqual({
      x: { dtype: 'float32', shape: [6, 5], data: X },
      y: { dtype: 'int32', shape: [6], data: Y },
    });
  });

  it.runIf(hasNumpy)('writes ZIP64 records that numpy reads (python3 with numpy installed)', () => {
    const r = spawnSync(
      'python3',
      [
        '-c',
        'import sys, numpy as np; d = np.load(sys.argv[1]); print(d["x"].sum(), d["y"].tolist(), d["x"].shape)',
        zip64,
      ],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(`${X.reduce((a, b) => a + b, 0)} [1, 0, 1, 1, 0, 0] (6, 5)`);
  });
});

describe('arrays read in slices', () => {
  it('reads element ranges of an .npy and of stored and DEFLATE .npz members', () => {
    const p = join(dir, 's.npy');
    writeNpyStreaming(p, { dtype: 'float32', shape: [6, 5] }, inPieces(X, 30));
    const a = openNpySlices(p);
    expect([a.dtype, a.shape]).toEqual(['float32', [6, 5]]);
    expect(Array.from(a.read(7, 4) as Float32Array)).toEqual(Array.from(X.subarray(7, 11)));
    const z = openNpzSlices(zip64);
    expect(z.names).toEqual(['x', 'y']);
    expect(Array.from(z.open('y').read(2, 3) as Int32Array)).toEqual([1, 1, 0]);
    const deflated = join(dir, 'd.npz');
    writeFileSync(deflated, deflatedNpz(encodeNpy({ dtype: 'float32', shape: [6, 5], data: X })));
    expect(Array.from(openNpzSlices(deflated).open('x').read(28, 2) as Float32Array)).toEqual([X[28], X[29]]);
    expect(readNpy(p).data).toEqual(X);
  });

  it('checks the CRC of a stored member when it is read through in order', () => {
    const p = join(dir, 'crc.npz');
    writeNpzStreaming(p, [{ name: 'x', dtype: 'float32', shape: [6, 5], fill: inPieces(X, 30) }]);
    const bytes = readFileSync(p);
    const at = 30 + 5 + 128 + 4 * 20; // one bit of element 20
    bytes[at] = bytes[at]! ^ 0x01;
    writeFileSync(p, bytes);
    const x = openNpzSlices(p).open('x');
    expect(() => {
      for (let i = 0; i < 30; i += 8) x.read(i, Math.min(8, 30 - i));
    }).toThrow(`${p}:x.npy: the member is corrupt: its CRC-32 does not match`);
  });

  it(`refuses a compressed member that unpacks to more than ${MAX_INFLATED} bytes, before unpacking it`, () => {
    const p = join(dir, 'huge.npz');
    const small = deflatedNpz(encodeNpy({ dtype: 'float32', shape: [6, 5], data: X }));
    // the central directory's uncompressed size says 2 GiB (the reader trusts it to refuse early)
    const central = small.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    small.writeUInt32LE(2 ** 31, central + 24);
    writeFileSync(p, small);
    expect(() => openNpzSlices(p).open('x')).toThrow(
      `${p}:x.npy: the member is compressed and unpacks to 2147483648 bytes; compressed members are read whole, up to 1073741824 bytes: save it uncompressed (np.savez, not savez_compressed) to read it in slices`,
    );
  });
});

/** A one-member DEFLATE .npz (x.npy), from the stored archive with the member swapped. */
function deflatedNpz(npy: Uint8Array): Buffer {
  const body = deflateRawSync(npy);
  const stored = Buffer.from(encodeNpz({ x: readNpyBytes(npy) }));
  const name = Buffer.from('x.npy');
  const local = Buffer.from(stored.subarray(0, 30));
  local.writeUInt16LE(8, 8); // method
  local.writeUInt32LE(body.length, 18);
  const centralAt = 30 + name.length + npy.length;
  const central = Buffer.from(stored.subarray(centralAt, centralAt + 46 + name.length));
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(body.length, 20);
  const end = Buffer.from(stored.subarray(centralAt + 46 + name.length));
  end.writeUInt32LE(30 + name.length + body.length, 16);
  return Buffer.concat([local, name, body, central, end]);
}

function readNpyBytes(npy: Uint8Array) {
  const p = join(dir, `tmp-${Math.random().toString(36).slice(2)}.npy`);
  writeFileSync(p, npy);
  return readNpy(p);
}
