// The public API around the kernels: argument checks (one-line errors with a code), dense helpers,
// the convolver's reuse, dtype rules, and what `auto` reports.
import { SparsePixelsError } from '@sparsepixels/core';
import { describe, expect, it } from 'vitest';
import { convolve2d, createConvolver, fromDense, toDense, type SparseImages } from './index';

const img = (indices: number[], data: number[], h = 3, w = 3): SparseImages => ({
  nImages: 1,
  height: h,
  width: w,
  indptr: Int32Array.of(0, indices.length),
  indices: Int32Array.from(indices),
  data: Float64Array.from(data),
});

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(SparsePixelsError);
    expect((e as Error).message).not.toContain('\n');
    return `${(e as SparsePixelsError).code}: ${(e as Error).message}`;
  }
  throw new Error('no error');
}

describe('argument checks', () => {
  it('refuses bad images, kernels, modes, methods, threads and unknown options', () => {
    const k = [[1]];
    expect(code(() => convolve2d(img([4, 2], [1, 1]), k))).toBe(
      'SC_INPUT: images.indices of image 0 are not strictly ascending at position 1 (4 then 2)',
    );
    expect(code(() => convolve2d(img([9], [1]), k))).toBe(
      'SC_INPUT: images.indices[0] = 9 (image 0) is outside 0..8',
    );
    expect(code(() => convolve2d({ ...img([1], [1]), indptr: Int32Array.of(0, 2) }, k))).toBe(
      'SC_INPUT: images.indptr[1] = 2 is past the end of indices (1) or data (1)',
    );
    expect(code(() => convolve2d(img([1], [1]), [[1, 2], [3]]))).toBe(
      'SC_KERNEL: kernel row 1 has 1 entries, row 0 has 2',
    );
    expect(code(() => convolve2d(img([1], [1]), [[NaN]]))).toBe(
      'SC_KERNEL: kernel value at row 0, column 0 is NaN',
    );
    expect(code(() => convolve2d(img([1], [1]), [[1, 1, 1, 1]], { mode: 'valid' }))).toBe(
      'SC_VALID_KERNEL: mode "valid" needs the kernel (1x4) to fit in the image (3x3)',
    );
    expect(code(() => convolve2d(img([1], [1]), k, { mode: 'wide' as never }))).toBe(
      'SC_MODE: mode must be one of full, same, valid, got "wide"',
    );
    expect(code(() => convolve2d(img([1], [1]), k, { method: 'fft' as never }))).toBe(
      'SC_METHOD: method must be auto or one of direct, precomputed, lazy, gather-scatter, got "fft"',
    );
    expect(code(() => convolve2d(img([1], [1]), k, { threads: 0 }))).toBe(
      'SC_THREADS: threads must be "auto" or an integer 1..256, got 0',
    );
    expect(code(() => convolve2d(img([1], [1]), k, { batching: false } as never))).toBe(
      'SC_OPTION: unknown option "batching"; known: mode, method, dtype, threads, maxBufferBytes',
    );
    const conv = createConvolver({ height: 3, width: 3 }, k);
    expect(code(() => conv.convolve(img([1], [1], 4, 4)))).toBe(
      'SC_INPUT: images are 4x4, this convolution was set up for 3x3',
    );
  });

  it('refuses a precomputed table beyond its size limit', () => {
    const big = createConvolver(
      { height: 4000, width: 4000 },
      { height: 5, width: 5, data: new Array(25).fill(1) },
    );
    expect(code(() => big.prepare())).toMatch(
      /^SC_TOEPLITZ_SIZE: method "precomputed" would build a 16000000 x 25-tap table/,
    );
  });
});

describe('dense helpers and dtype', () => {
  it('fromDense / toDense round trip, dense convolution through them', () => {
    const dense = Float64Array.of(0, 1, 0, 0, 0, 2, 0, 0, 0, /* image 2 */ 0, 0, 0, 0, 0, 0, 0, 0, 3);
    const x = fromDense(dense, { height: 3, width: 3 });
    expect(x.nImages).toBe(2);
    expect(Array.from(x.indptr)).toEqual([0, 2, 3]);
    expect(toDense(x)).toEqual(dense);
    const out = toDense(
      convolve2d(x, [
        [0, 1, 0],
        [1, 1, 1],
        [0, 1, 0],
      ]),
    );
    expect(Array.from(out.subarray(0, 9))).toEqual([1, 1, 3, 0, 3, 2, 0, 0, 2]);
    expect(Array.from(out.subarray(9))).toEqual([0, 0, 0, 0, 0, 3, 0, 3, 3]);
  });

  it('float32 input gives float32 arithmetic and output; float64 input with dtype float32 is rounded once', () => {
    const x32 = fromDense(Float32Array.of(0.1, 0, 0, 0.2), { height: 2, width: 2 });
    const out32 = convolve2d(x32, [[0.3]]);
    expect(out32.data).toBeInstanceOf(Float32Array);
    expect(out32.data[0]).toBe(Math.fround(Math.fround(0.1) * Math.fround(0.3)));
    const x64 = fromDense(Float64Array.of(0.1, 0, 0, 0.2), { height: 2, width: 2 });
    expect(Array.from(convolve2d(x64, [[0.3]], { dtype: 'float32' }).data)).toEqual(Array.from(out32.data));
    expect(convolve2d(x64, [[0.3]]).data[0]).toBe(0.1 * 0.3);
  });

  it('a zero kernel or an empty batch gives empty outputs of the right shape', () => {
    const out = convolve2d(img([0, 4], [1, 2]), [[0, 0]], { mode: 'full' });
    expect([out.nImages, out.height, out.width, out.indptr[1]]).toEqual([1, 3, 4, 0]);
    const none = convolve2d({ ...img([], []), nImages: 0, indptr: Int32Array.of(0) }, [[1]]);
    expect([none.nImages, none.indptr.length, none.indices.length]).toEqual([0, 1, 0]);
  });
});

describe('convolver', () => {
  it('builds the precomputed table once per mode and reuses it', () => {
    const conv = createConvolver({ height: 20, width: 20 }, [
      [1, 2],
      [3, 4],
    ]);
    expect(conv.prepare('same')).toBeGreaterThanOrEqual(0);
    expect(conv.prepare('same')).toBe(0);
    const x = img([0, 399], [1, 1], 20, 20);
    const a = conv.convolve(x, { method: 'precomputed' });
    const b = conv.convolve(x, { method: 'direct' });
    expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
  });

  it('choose() names the method and threads auto would use, with every prediction', () => {
    const conv = createConvolver({ height: 20, width: 20 }, [[1]]);
    const c = conv.choose(img([0], [1], 20, 20));
    expect(['direct', 'precomputed', 'lazy', 'gather-scatter']).toContain(c.method);
    expect(c.threads).toBe(1);
    expect(Object.keys(c.predictedMs).sort()).toEqual(['direct', 'gather-scatter', 'lazy', 'precomputed']);
    expect(conv.choose(img([0], [1], 20, 20), { method: 'lazy', threads: 2 })).toMatchObject({
      method: 'lazy',
      threads: 2,
    });
  });
});
