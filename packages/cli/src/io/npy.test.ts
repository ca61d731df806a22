import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeNpy, encodeNpy, readNpy, writeNpy, type NpyArray } from './npy';

const fixture = (name: string) => join(__dirname, '__fixtures__', name);

/** An .npy file built by hand from the format description (NEP 1): magic, version, length, dict, data. */
function handMade(dict: string, data: number[], version: 1 | 2 | 3 = 1, align = 64): Uint8Array {
  const prefix = version === 1 ? 10 : 12;
  const pad = (align - ((prefix + dict.length + 1) % align)) % align;
  const text = Buffer.from(dict + ' '.repeat(pad) + '\n', version === 3 ? 'utf8' : 'latin1');
  const lengthField =
    version === 1
      ? [text.length & 0xff, text.length >> 8]
      : [text.length & 0xff, (text.length >> 8) & 0xff, 0, 0];
  return new Uint8Array([0x93, ...Buffer.from('NUMPY'), version, 0, ...lengthField, ...text, ...data]);
}

const F32 = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }";
// 1.5f = 0x3FC00000, -2.0f = 0xC0000000, little-endian
const F32_DATA = [0x00, 0x00, 0xc0, 0x3f, 0x00, 0x00, 0x00, 0xc0];

describe('encodeNpy', () => {
  it('writes the exact bytes numpy writes for a float32 vector', () => {
    const bytes = encodeNpy({ dtype: 'float32', shape: [2], data: new Float32Array([1.5, -2]) });
    expect(bytes.length % 64).toBe(F32_DATA.length);
    expect(Buffer.from(bytes)).toEqual(Buffer.from(handMade(F32, F32_DATA)));
  });

  it('writes int32 matrices, int64, uint8, bool and 0-d arrays with numpy-style headers', () => {
    const i32 = encodeNpy({ dtype: 'int32', shape: [2, 1], data: new Int32Array([-1, 258]) });
    expect(Buffer.from(i32)).toEqual(
      Buffer.from(
        handMade(
          "{'descr': '<i4', 'fortran_order': False, 'shape': (2, 1), }",
          [0xff, 0xff, 0xff, 0xff, 0x02, 0x01, 0, 0],
        ),
      ),
    );
    const i64 = encodeNpy({ dtype: 'int64', shape: [1], data: new BigInt64Array([-2n]) });
    expect(Buffer.from(i64)).toEqual(
      Buffer.from(
        handMade(
          "{'descr': '<i8', 'fortran_order': False, 'shape': (1,), }",
          [0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
        ),
      ),
    );
    const u8 = encodeNpy({ dtype: 'uint8', shape: [], data: new Uint8Array([200]) });
    expect(Buffer.from(u8)).toEqual(
      Buffer.from(handMade("{'descr': '|u1', 'fortran_order': False, 'shape': (), }", [200])),
    );
    const b = encodeNpy({ dtype: 'bool', shape: [3], data: new Uint8Array([1, 0, 1]) });
    expect(Buffer.from(b)).toEqual(
      Buffer.from(handMade("{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }", [1, 0, 1])),
    );
  });

  it('byte-matches files written by numpy itself', () => {
    const fromNumpy = readFileSync(fixture('numpy-bool.npy'));
    expect(Buffer.from(encodeNpy({ dtype: 'bool', shape: [1, 3], data: new Uint8Array([1, 0, 1]) }))).toEqual(
      fromNumpy,
    );
    const scalar = readFileSync(fixture('numpy-u1-scalar.npy'));
    expect(Buffer.from(encodeNpy({ dtype: 'uint8', shape: [], data: new Uint8Array([200]) }))).toEqual(
      scalar,
    );
  });

  it('refuses data that does not fit the shape or dtype', () => {
    expect(() => encodeNpy({ dtype: 'float32', shape: [3], data: new Float32Array(2) }, 'a.npy')).toThrow(
      'a.npy: data has 2 elements but shape (3,) needs 3',
    );
    expect(() => encodeNpy({ dtype: 'int32', shape: [2], data: new Float32Array(2) }, 'a.npy')).toThrow(
      'a.npy: data is a Float32Array, which cannot hold dtype int32',
    );
  });
});

describe('decodeNpy', () => {
  it('reads hand-made v1.0, v2.0 and v3.0 files, with 16-byte (old numpy) alignment too', () => {
    const expected = { dtype: 'float32', shape: [2], data: new Float32Array([1.5, -2]) };
    expect(decodeNpy(handMade(F32, F32_DATA), 'v1')).toEqual(expected);
    expect(decodeNpy(handMade(F32, F32_DATA, 2), 'v2')).toEqual(expected);
    expect(decodeNpy(handMade(F32, F32_DATA, 3), 'v3')).toEqual(expected);
    expect(decodeNpy(handMade(F32, F32_DATA, 1, 16), 'old')).toEqual(expected);
    const spaced = "{ 'shape' : ( 2 , ) , 'fortran_order':False,'descr':\"<f4\" }";
    expect(decodeNpy(handMade(spaced, F32_DATA), 'spaced')).toEqual(expected);
  });

  it('reads the files numpy wrote (v2.0 float64, v3.0 int64, bool, 0-d uint8)', () => {
    expect(readNpy(fixture('numpy-f8-v2.npy'))).toEqual({
      dtype: 'float64',
      shape: [2, 2],
      data: new Float64Array([1.5, -2.25, 3e300, -0]),
    });
    expect(readNpy(fixture('numpy-i8-v3.npy'))).toEqual({
      dtype: 'int64',
      shape: [3],
      data: new BigInt64Array([-(2n ** 62n), 7n, 2n ** 40n]),
    });
    expect(readNpy(fixture('numpy-bool.npy'))).toEqual({
      dtype: 'bool',
      shape: [1, 3],
      data: new Uint8Array([1, 0, 1]),
    });
    expect(readNpy(fixture('numpy-u1-scalar.npy'))).toEqual({
      dtype: 'uint8',
      shape: [],
      data: new Uint8Array([200]),
    });
  });

  it('rejects Fortran order, big-endian and unsupported dtypes with one-line errors', () => {
    const f = fixture('numpy-fortran.npy');
    expect(() => readNpy(f)).toThrow(
      `${f}: Fortran-order array of shape (2, 3) is not supported; save a C-order array (np.ascontiguousarray)`,
    );
    const b = fixture('numpy-big-endian.npy');
    expect(() => readNpy(b)).toThrow(
      `${b}: dtype '>f4' is not supported (big-endian data is not supported; save it little-endian); supported: float32 '<f4', float64 '<f8', int32 '<i4', int64 '<i8', uint8 '|u1', bool '|b1'`,
    );
    const f2 = handMade("{'descr': '<f2', 'fortran_order': False, 'shape': (1,), }", [0, 0]);
    expect(() => decodeNpy(f2, 'h.npy')).toThrow(/^h\.npy: dtype '<f2' is not supported; supported: float32/);
  });

  it('names the file and the problem for malformed input', () => {
    expect(() => decodeNpy(Buffer.from('PK\x03\x04 not npy'), 'x.npy')).toThrow(
      'x.npy: not an .npy file: it does not start with the \\x93NUMPY magic (12 bytes)',
    );
    const good = handMade(F32, F32_DATA);
    expect(() => decodeNpy(good.subarray(0, good.length - 1), 'x.npy')).toThrow(
      'x.npy: data is truncated: shape (2,) of <f4 needs 8 bytes, the file has 7',
    );
    expect(() => decodeNpy(new Uint8Array([...good, 0]), 'x.npy')).toThrow(
      'x.npy: data has trailing bytes: shape (2,) of <f4 needs 8 bytes, the file has 9',
    );
    expect(() => decodeNpy(good.subarray(0, 40), 'x.npy')).toThrow(
      /^x\.npy: the header is cut off: it declares 118 bytes/,
    );
    const v4 = Uint8Array.from(good);
    v4[6] = 4;
    expect(() => decodeNpy(v4, 'x.npy')).toThrow(
      'x.npy: .npy format version 4.0 is not supported; supported: 1.0, 2.0, 3.0',
    );
    const noShape = handMade("{'descr': '<f4', 'fortran_order': False}", []);
    expect(() => decodeNpy(noShape, 'x.npy')).toThrow(
      /^x\.npy: bad \.npy header .*: 'shape' must be a tuple of non-negative integers$/,
    );
    const junk = handMade("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), } extra", F32_DATA);
    expect(() => decodeNpy(junk, 'x.npy')).toThrow(/: unexpected 'e' at offset 58$/);
  });
});

describe('readNpy / writeNpy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sp-npy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips every dtype through a file and leaves no temporary files', () => {
    const arrays: NpyArray[] = [
      { dtype: 'float32', shape: [2, 2, 1], data: new Float32Array([0.1, -3, Infinity, 1e-30]) },
      { dtype: 'float64', shape: [3], data: new Float64Array([Math.PI, -0, NaN]) },
      { dtype: 'int32', shape: [2], data: new Int32Array([-(2 ** 31), 2 ** 31 - 1]) },
      { dtype: 'int64', shape: [1, 1], data: new BigInt64Array([-(2n ** 63n)]) },
      { dtype: 'uint8', shape: [0], data: new Uint8Array(0) },
      { dtype: 'bool', shape: [2], data: new Uint8Array([0, 1]) },
    ];
    arrays.forEach((arr, i) => {
      const p = join(dir, `a${i}.npy`);
      writeNpy(p, arr);
      expect(readNpy(p)).toEqual(arr);
    });
    expect(readdirSync(dir).sort()).toEqual(['a0.npy', 'a1.npy', 'a2.npy', 'a3.npy', 'a4.npy', 'a5.npy']);
  });

  it('reports a missing file and a missing directory in one line', () => {
    const missing = join(dir, 'nope.npy');
    expect(() => readNpy(missing)).toThrow(`${missing}: cannot read the file: no such file or directory`);
    const noDir = join(dir, 'no-such-dir', 'a.npy');
    expect(() => writeNpy(noDir, { dtype: 'uint8', shape: [1], data: new Uint8Array(1) })).toThrow(
      `${noDir}: cannot write the file: no such file or directory`,
    );
    expect(() => readNpy(dir)).toThrow(
      `${dir}: cannot read the file: it is not a regular file (expected an .npy file)`,
    );
  });

  it('leaves an existing file untouched when a write fails', () => {
    const p = join(dir, 'keep.npy');
    writeFileSync(p, 'old');
    expect(() => writeNpy(p, { dtype: 'int32', shape: [2], data: new Int32Array(1) })).toThrow(/needs 2/);
    expect(readFileSync(p, 'utf8')).toBe('old');
  });
});
