// Activity "mask" (docs/semantics.md): the validity bit from InputReduce through every sparse kernel,
// with hand-computed values; the same inputs without bits give the v1 ("nonzero") results.
import { describe, expect, it } from 'vitest';
import { apFixed } from '../fixed';
import type { SparseTensor } from '../sparse/sparse-tensor';
import { getActivation } from './activation-registry';
import { inputReduceFixed, inputReduceFloat } from './input-reduce';
import { sparseActivationFixed, sparseActivationFloat } from './sparse-activation';
import { sparseConv2dFloat } from './sparse-conv2d';
import { prepareSparseConv2dFixed, sparseConv2dFixed } from './sparse-conv2d-fixed';
import { sparseFlattenFloat } from './sparse-flatten';
import { sparsePool2dFloat } from './sparse-pool2d';
import { sparsePool2dFixed } from './sparse-pool2d-fixed';

function tensor(h: number, w: number, feat: number[], hash: number[], valid?: number[]): SparseTensor {
  return {
    shape: { nMax: hash.length / 2, c: feat.length / (hash.length / 2), h, w },
    feat: Float64Array.from(feat),
    hash: Int32Array.from(hash),
    ...(valid && { valid: Uint8Array.from(valid) }),
  };
}

describe('activity "mask" in the kernels', () => {
  it('InputReduce sets the bit of every kept pixel, and only with mask', () => {
    // 2x3 image, one channel: kept (0,1)=2 and (1,2)=0.5 (threshold 0); N = 3 leaves one unused slot.
    const image = [0, 2, 0, 0, 0, 0.5];
    const o = { h: 2, w: 3, c: 1, nMax: 3, threshold: 0 };
    const masked = inputReduceFloat(image, { ...o, mask: true }).tensor;
    expect(Array.from(masked.valid!)).toEqual([1, 1, 0]);
    expect(inputReduceFloat(image, o).tensor.valid).toBeUndefined();
    const t = apFixed(8, 3);
    const fixed = inputReduceFixed([0, 64, 0, 0, 0, 16], { ...o, input: t, mask: true }).tensor;
    expect(Array.from(fixed.valid!)).toEqual([1, 1, 0]);
  });

  it('a valid slot whose features are all zero is computed by the conv (mask) and skipped (nonzero)', () => {
    // 3x3 grid, K = 3, C = 1: slot 0 at (1,1) = 0 (a kept pixel that relu zeroed), slot 1 at (1,2) = 1.
    // Weights: left neighbour 0.5, centre 1, right neighbour 2; bias 0.25 (added where the sum != 0).
    const w = [0, 0, 0, 0.5, 1, 2, 0, 0, 0];
    const p = { k: 3, cin: 1, cout: 1, weights: w, bias: [0.25] };
    // slot 0 (mask): right neighbour 2 * 1 = 2, + bias = 2.25; slot 1: left 0.5 * 0 + centre 1 * 1 = 1, + bias = 1.25.
    const masked = sparseConv2dFloat(tensor(3, 3, [0, 1], [1, 1, 1, 2], [1, 1]), p);
    expect(Array.from(masked.feat)).toEqual([2.25, 1.25]);
    expect(Array.from(masked.valid!)).toEqual([1, 1]);
    expect(Array.from(sparseConv2dFloat(tensor(3, 3, [0, 1], [1, 1, 1, 2]), p).feat)).toEqual([0, 1.25]);
    // The same in raws: weights, bias and input in ap_fixed<8,3> (5 fraction bits), accumulator ap_fixed<20,10>.
    const t = apFixed(8, 3);
    const acc = apFixed(20, 10);
    const conv = prepareSparseConv2dFixed({ ...p, weights: w.map((v) => v * 32), bias: [8], types: { input: t, weight: t, bias: t, accum: acc, result: acc } });
    const raws = sparseConv2dFixed(tensor(3, 3, [0, 32], [1, 1, 1, 2], [1, 1]), conv);
    // acc has 10 fraction bits: 2.25 -> 2304, 1.25 -> 1280.
    expect(Array.from(raws.feat)).toEqual([2304, 1280]);
  });

  it('bias is added only where the sum is non-zero, in both modes', () => {
    // A valid slot alone with value 0: the sum is 0, so no bias; output 0 but the slot stays valid.
    const y = sparseConv2dFloat(tensor(1, 1, [0], [1, 1], [1]), { k: 1, cin: 1, cout: 1, weights: [1], bias: [0.5] });
    expect(Array.from(y.feat)).toEqual([0]);
    expect(Array.from(y.valid!)).toEqual([1]);
  });

  it('SparseActivation applies f to valid slots (sigmoid(0) = 0.5) and never to invalid ones', () => {
    const x = tensor(1, 2, [0, 0], [1, 1, 1, 1], [1, 0]);
    const y = sparseActivationFloat(x, getActivation('sigmoid'));
    expect(Array.from(y.feat)).toEqual([0.5, 0]);
    expect(Array.from(y.valid!)).toEqual([1, 0]);
    expect(Array.from(sparseActivationFloat(tensor(1, 2, [0, 0], [1, 1, 1, 1]), getActivation('sigmoid')).feat)).toEqual([0, 0]);
    const f = getActivation('relu').prepareFixed({ input: apFixed(8, 3), result: apFixed(8, 3) });
    expect(Array.from(sparseActivationFixed(tensor(1, 2, [-3, 0], [1, 1, 1, 2], [1, 1]), f).valid!)).toEqual([1, 1]);
  });

  it('pooling: unused slots never take part in max; the cell bit is the OR of its valid slots', () => {
    // 4x4 grid, P = 2. Slot 0 at (3,3) = -0.5 (valid), slot 1 unused at (1,1) (invalid), slot 2 at (1,2) = 0 (valid).
    const x = tensor(4, 4, [-0.5, 0, 0], [3, 3, 1, 1, 1, 2], [1, 0, 1]);
    const y = sparsePool2dFloat(x, { p: 2, mode: 'max' });
    // cell (2,2) <- slot 0 alone: -0.5; cell (1,1) <- slot 2 (owner, the first valid slot): 0.
    expect(Array.from(y.feat)).toEqual([-0.5, 0, 0]);
    expect(Array.from(y.valid!)).toEqual([1, 0, 1]);
    // v1 (no bits): slot 1 (the unused slot) owns cell (1,1) and slot 2 is not an owner.
    const v1 = sparsePool2dFloat(tensor(4, 4, [-0.5, 0, 0], [3, 3, 1, 1, 1, 2]), { p: 2, mode: 'max' });
    expect(Array.from(v1.feat)).toEqual([-0.5, 0, 0]);
    // The cell (1,1) effect of v1: a negative value there pools to 0 with an unused slot, to itself under mask.
    const neg = (valid?: number[]) => tensor(4, 4, [-0.5, 0], [2, 2, 1, 1], valid);
    expect(Array.from(sparsePool2dFloat(neg(), { p: 2, mode: 'max' }).feat)).toEqual([0, 0]);
    expect(Array.from(sparsePool2dFloat(neg([1, 0]), { p: 2, mode: 'max' }).feat)).toEqual([-0.5, 0]);
  });

  it('avg pooling with a chosen reciprocal precision, bit-exact', () => {
    // P = 3, one valid slot 9 (ap_fixed<8,5>, 3 fraction bits: raw 72). F = 14: r = 5461/16384;
    // 72 * 5461^2 with 3 + 28 fraction bits, into ap_fixed<40,6> (34 fraction bits): * 8.
    const t = apFixed(8, 5);
    const result = apFixed(40, 6);
    const x = tensor(3, 3, [72], [2, 2], [1]);
    const y = sparsePool2dFixed(x, { p: 3, mode: 'avg', reciprocalBits: 14, types: { input: t, result, accum: apFixed(12, 9) } });
    expect(y.feat[0]).toBe(72 * 5461 * 5461 * 8);
    expect(Array.from(y.valid!)).toEqual([1]);
    // v1's 10-bit r: 72 * 341^2 with 23 fraction bits, into 34: * 2^11.
    const v1 = sparsePool2dFixed(tensor(3, 3, [72], [2, 2]), { p: 3, mode: 'avg', types: { input: t, result, accum: apFixed(12, 9) } });
    expect(v1.feat[0]).toBe(72 * 341 * 341 * 2048);
  });

  it('SparseFlatten writes the valid slots only', () => {
    const y = sparseFlattenFloat(tensor(1, 3, [0, 2, 0], [1, 1, 1, 2, 1, 3], [1, 1, 0]));
    expect(Array.from(y)).toEqual([0, 2, 0]);
  });
});
