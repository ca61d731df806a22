import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../fixed/error-of.test-util';
import type { SparseTensor } from '../sparse/sparse-tensor';
import { inputReduceFloat } from './input-reduce';
import { imageArb, scatterActive } from './sparse-fixtures.test-util';
import { sparseFlattenFloat } from './sparse-flatten';
import { poolReciprocalRaw, sparsePool2dFloat } from './sparse-pool2d';

function tensor(h: number, w: number, c: number, feat: number[], hash: number[]): SparseTensor {
  return {
    shape: { nMax: hash.length / 2, c, h, w },
    feat: Float64Array.from(feat),
    hash: Int32Array.from(hash),
  };
}

// 4x4 grid, P = 2 -> 2x2. Pooled hash ((h-1) div 2) + 1:
//   s0 (1,1)=4 -> (1,1); s1 (2,2)=8 -> (1,1); s2 (1,3)=2 -> (1,2); s3 (4,4)=6 -> (2,2);
//   s4 (2,1)=-4 -> (1,1); s5 unused (1,1)=0 -> (1,1).
const x = tensor(4, 4, 1, [4, 8, 2, 6, -4, 0], [1, 1, 2, 2, 1, 3, 4, 4, 2, 1, 1, 1]);

describe('sparsePool2dFloat', () => {
  it('avg: the first slot of each cell gets (sum of the cell) * r * r, the others 0, all get the pooled hash', () => {
    // r = 512/1024 = 0.5. s0: (4 + 8 - 4 + 0) * 0.25 = 2; s2: 2 * 0.25 = 0.5; s3: 6 * 0.25 = 1.5.
    const y = sparsePool2dFloat(x, { p: 2, mode: 'avg' });
    expect(Array.from(y.feat)).toEqual([2, 0, 0.5, 1.5, 0, 0]);
    expect(Array.from(y.hash)).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1]);
    expect(y.shape).toEqual({ nMax: 6, c: 1, h: 2, w: 2 });
  });

  it('max: the largest gathered value (unused slots gathered as zeros)', () => {
    // s0 gathers 4, 8, -4, 0 -> 8; s2 -> 2; s3 -> 6.
    expect(Array.from(sparsePool2dFloat(x, { p: 2, mode: 'max' }).feat)).toEqual([8, 0, 2, 6, 0, 0]);
  });

  it('drops slots outside floor(H/P) x floor(W/P), keeping their pooled hash', () => {
    // 5x5 grid, P = 2 -> 2x2; (5,3) pools to (3,2), outside: feature 0.
    const y = sparsePool2dFloat(tensor(5, 5, 1, [3, 1], [5, 3, 3, 4]), { p: 2, mode: 'avg' });
    expect(Array.from(y.feat)).toEqual([0, 0.25]);
    expect(Array.from(y.hash)).toEqual([3, 2, 2, 2]);
    expect(y.shape).toEqual({ nMax: 2, c: 1, h: 2, w: 2 });
  });

  it('uses the 10-bit reciprocal r = floor(1024/P)/1024', () => {
    expect([1, 2, 3, 4, 7].map(poolReciprocalRaw)).toEqual([1024, 512, 341, 256, 146]);
    // P = 3: a single 9 gives 9 * (341/1024)^2 = 1046529/1048576, not 1.
    const y = sparsePool2dFloat(tensor(3, 3, 1, [9], [2, 2]), { p: 3, mode: 'avg' });
    expect(y.feat[0]).toBe(1046529 / 1048576);
  });

  it('equals dense pooling of the scattered image (avg; max on non-negative values)', () => {
    const arb = fc.record({
      img: imageArb({ maxSide: 10, maxC: 2, minSide: 2 }),
      p: fc.integer({ min: 1, max: 4 }),
      nMax: fc.integer({ min: 1, max: 20 }),
    });
    fc.assert(
      fc.property(arb, ({ img: { h, w, c, image }, p, nMax }) => {
        if (p > h || p > w) return;
        const nonNeg = image.map(Math.abs);
        for (const mode of ['avg', 'max'] as const) {
          const src = mode === 'max' ? nonNeg : image;
          const xs = inputReduceFloat(src, { h, w, c, nMax, threshold: 0 }).tensor;
          const got = sparseFlattenFloat(sparsePool2dFloat(xs, { p, mode }));
          expect(got).toEqual(densePool(scatterActive(xs), h, w, c, p, mode));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a pool larger than the grid and an unknown mode', () => {
    expect(errorOf(() => sparsePool2dFloat(x, { p: 5, mode: 'avg', name: 'pool' }))).toMatchInlineSnapshot(
      `"SP_KERNEL_ARG: layer "pool": SparsePooling2D pool size P = 5 is larger than the 4x4 grid; allowed P <= 4"`,
    );
    expect(errorOf(() => sparsePool2dFloat(x, { p: 0, mode: 'avg' }))).toMatchInlineSnapshot(
      `"SP_KERNEL_ARG: SparsePooling2D pool size P = 0 is not allowed; expected an integer >= 1"`,
    );
    expect(errorOf(() => sparsePool2dFloat(x, { p: 2, mode: 'sum' as 'avg' }))).toMatchInlineSnapshot(
      `"SP_KERNEL_ARG: SparsePooling2D mode "sum" is unknown; allowed avg, max"`,
    );
    expect(
      errorOf(() => sparsePool2dFloat(x, { p: 2, mode: 'avg' }, new Float64Array(2))),
    ).toMatchInlineSnapshot(`"SP_ARRAY_LENGTH: SparsePooling2D output has 2 elements; expected 6"`);
  });
});

/** Dense 'valid' pooling with stride P of an (h, w, c) image: avg = sum * r * r, max over the cell. */
function densePool(
  img: Float64Array,
  h: number,
  w: number,
  c: number,
  p: number,
  mode: 'avg' | 'max',
): Float64Array {
  const [ho, wo] = [Math.floor(h / p), Math.floor(w / p)];
  const r = Math.floor(1024 / p) / 1024;
  const out = new Float64Array(ho * wo * c);
  for (let y = 0; y < ho; y++)
    for (let z = 0; z < wo; z++)
      for (let k = 0; k < c; k++) {
        let acc = mode === 'avg' ? 0 : -Infinity;
        for (let a = 0; a < p; a++)
          for (let b = 0; b < p; b++) {
            const v = img[((y * p + a) * w + (z * p + b)) * c + k] as number;
            acc = mode === 'avg' ? acc + v : Math.max(acc, v);
          }
        out[(y * wo + z) * c + k] = mode === 'avg' ? acc * r * r : acc;
      }
  return out;
}
