import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../fixed/error-of.test-util';
import type { SparseTensor } from '../sparse/sparse-tensor';
import { inputReduceFloat } from './input-reduce';
import { sparseConv2dFloat } from './sparse-conv2d';
import { denseConvSame, imageArb, intArrayArb, scatterActive } from './sparse-fixtures.test-util';

function tensor(h: number, w: number, c: number, feat: number[], hash: number[]): SparseTensor {
  return {
    shape: { nMax: hash.length / 2, c, h, w },
    feat: Float64Array.from(feat),
    hash: Int32Array.from(hash),
  };
}

describe('sparseConv2dFloat', () => {
  // 4x4 grid, K = 3 (R = 1), one channel. Weights w[a][b] = 3a + b + 1:
  //   1 2 3 / 4 5 6 / 7 8 9, and the tap for neighbour j of slot i is a = 1 + h_j - h_i, b = 1 + w_j - w_i.
  const weights = [1, 2, 3, 4, 5, 6, 7, 8, 9];
  // slot 0 (2,2)=1, slot 1 (2,3)=10, slot 2 (3,2)=100, slot 3 (4,4)=1000, slot 4 unused (1,1).
  const x = tensor(4, 4, 1, [1, 10, 100, 1000, 0], [2, 2, 2, 3, 3, 2, 4, 4, 1, 1]);

  it('sums the K x K neighbourhood by hash, Keras tap order, bias where the sum is non-zero', () => {
    // slot 0: self 5*1 + (2,3) w[1][2]=6 *10 + (3,2) w[2][1]=8 *100 + unused (1,1) w[0][0]*0 = 865
    // slot 1: (2,2) w[1][0]=4 *1 + self 5*10 + (3,2) w[2][0]=7 *100 = 754
    // slot 2: (2,2) w[0][1]=2 *1 + (2,3) w[0][2]=3 *10 + self 5*100 = 532
    // slot 3: only itself (others are 2 rows or columns away): 5*1000 = 5000
    const y = sparseConv2dFloat(x, { k: 3, cin: 1, cout: 1, weights, bias: [0.5] });
    expect(Array.from(y.feat)).toEqual([865.5, 754.5, 532.5, 5000.5, 0]);
    expect(y.hash).toBe(x.hash);
    expect(y.shape).toEqual({ nMax: 5, c: 1, h: 4, w: 4 });
  });

  it('adds no bias to an active slot whose sum is exactly zero', () => {
    // K = 3, centre weight 1, right neighbour weight w[1][2] = -1. Slots (1,1)=1 and (1,2)=1.
    // slot 0: 1*1 + (-1)*1 = 0 -> stays 0; slot 1: w[1][0]=0 *1 + 1*1 = 1 -> 1 + bias 3 = 4.
    const w = [0, 0, 0, 0, 1, -1, 0, 0, 0];
    const y = sparseConv2dFloat(tensor(3, 3, 1, [1, 1], [1, 1, 1, 2]), {
      k: 3,
      cin: 1,
      cout: 1,
      weights: w,
      bias: [3],
    });
    expect(Array.from(y.feat)).toEqual([0, 4]);
  });

  it('reads weights as (kh, kw, cin, cout)', () => {
    // K = 1, w[c][f] = [[1, 2], [3, 4]] flattened as [1, 2, 3, 4]; x = (10, 100).
    // f0 = 1*10 + 3*100 = 310, f1 = 2*10 + 4*100 = 420.
    const y = sparseConv2dFloat(tensor(2, 2, 2, [10, 100], [2, 1]), {
      k: 1,
      cin: 2,
      cout: 2,
      weights: [1, 2, 3, 4],
    });
    expect(Array.from(y.feat)).toEqual([310, 420]);
  });

  it('at active pixels equals a dense same convolution of the masked image (exact integer sums)', () => {
    const arb = imageArb({ maxSide: 8, maxC: 2, minSide: 3 }).chain((img) =>
      fc
        .record({
          img: fc.constant(img),
          k: fc.constantFrom(1, 3),
          cout: fc.integer({ min: 1, max: 2 }),
          nMax: fc.integer({ min: 1, max: 12 }),
        })
        .chain((r) => intArrayArb(r.k * r.k * img.c * r.cout, -5, 5).map((weights) => ({ ...r, weights }))),
    );
    fc.assert(
      fc.property(arb, ({ img: { h, w, c, image }, k, cout, nMax, weights }) => {
        const x = inputReduceFloat(image, { h, w, c, nMax, threshold: 0 }).tensor;
        const y = sparseConv2dFloat(x, { k, cin: c, cout, weights });
        const dense = denseConvSame(scatterActive(x), h, w, c, k, cout, weights);
        for (let i = 0; i < nMax; i++) {
          const active = Array.from(x.feat.subarray(i * c, i * c + c)).some((v) => v !== 0);
          const p = ((x.hash[2 * i] as number) - 1) * w + ((x.hash[2 * i + 1] as number) - 1);
          for (let f = 0; f < cout; f++) expect(y.feat[i * cout + f]).toBe(active ? dense[p * cout + f] : 0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('rejects bad geometry and hashes with one-line messages', () => {
    const p = { k: 3, cin: 1, cout: 1, weights: new Array(9).fill(1), name: 'conv1' };
    expect(errorOf(() => sparseConv2dFloat(x, { ...p, k: 2, weights: [1, 1, 1, 1] }))).toMatchInlineSnapshot(
      `"SP_KERNEL_ARG: layer "conv1": SparseConv2D kernel size K = 2 is even; K must be odd"`,
    );
    expect(
      errorOf(() => sparseConv2dFloat(x, { ...p, k: 5, weights: new Array(25).fill(1) })),
    ).toMatchInlineSnapshot(
      `"SP_KERNEL_ARG: layer "conv1": SparseConv2D kernel size K = 5 is larger than the 4x4 grid; allowed K <= 4"`,
    );
    expect(errorOf(() => sparseConv2dFloat(x, { ...p, weights: [1, 2] }))).toMatchInlineSnapshot(
      `"SP_ARRAY_LENGTH: layer "conv1": SparseConv2D weights (3x3x1x1) has 2 elements; expected 9"`,
    );
    expect(errorOf(() => sparseConv2dFloat(x, { ...p, bias: [1, 2] }))).toMatchInlineSnapshot(
      `"SP_ARRAY_LENGTH: layer "conv1": SparseConv2D bias has 2 elements; expected 1"`,
    );
    expect(
      errorOf(() => sparseConv2dFloat(x, { ...p, cin: 2, weights: new Array(18).fill(1) })),
    ).toMatchInlineSnapshot(
      `"SP_KERNEL_ARG: layer "conv1": SparseConv2D input has 1 channels; the weights expect 2"`,
    );
    expect(errorOf(() => sparseConv2dFloat(x, p, new Float64Array(4)))).toMatchInlineSnapshot(
      `"SP_ARRAY_LENGTH: layer "conv1": SparseConv2D output has 4 elements; expected 5"`,
    );
    const outside = tensor(4, 4, 1, [1, 2], [1, 1, 5, 2]);
    expect(errorOf(() => sparseConv2dFloat(outside, p))).toMatchInlineSnapshot(
      `"SP_HASH_OUT_OF_GRID: layer "conv1": SparseConv2D input slot 1 has hash (5, 2) outside the 4x4 grid; allowed 1..4 and 1..4"`,
    );
    const badFeat = { ...x, feat: new Float64Array(3) };
    expect(errorOf(() => sparseConv2dFloat(badFeat, p))).toMatchInlineSnapshot(
      `"SP_ARRAY_LENGTH: layer "conv1": SparseConv2D input features has 3 elements; expected 5"`,
    );
  });
});
