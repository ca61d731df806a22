import { inputReduceFloat } from '@sparsepixels/core';
import { describe, expect, it } from 'vitest';
import { createRng } from '@sparsepixels/ir/testing';
import { inputReduceBatch } from './input-reduce-op';

describe('inputReduceBatch', () => {
  it('equals core inputReduceFloat (slots, hashes of the valid slots, (0, 0) for the others, dropped counts)', () => {
    const rng = createRng(9);
    const [h, w, c, nMax, batch] = [6, 7, 2, 5, 6];
    const x = Float32Array.from({ length: batch * h * w * c }, () => (rng.next() < 0.15 ? rng.int(1, 8) / 8 : 0));
    const r = inputReduceBatch(x, { batch, h, w, c }, nMax, 0.25);
    for (let e = 0; e < batch; e++) {
      const ref = inputReduceFloat(x.subarray(e * h * w * c, (e + 1) * h * w * c), { h, w, c, nMax, threshold: 0.25, mask: true });
      expect(Array.from(r.feat.subarray(e * nMax * c, (e + 1) * nMax * c))).toEqual(Array.from(ref.tensor.feat));
      const hash = Array.from(ref.tensor.hash, (v, k) => (ref.tensor.valid![k >> 1] ? v : 0));
      expect(Array.from(r.hash.subarray(e * nMax * 2, (e + 1) * nMax * 2))).toEqual(hash);
      expect(r.dropped[e]).toBe(ref.dropped);
    }
  });

  it('keeps the first N active pixels in raster order and counts the rest (hand-computed)', () => {
    // 2x3 image, channel 0: [0, 0.5, 0.1 / 0.7, 0, 0.9], threshold 0.2, N = 2
    const x = Float32Array.from([0, 0.5, 0.1, 0.7, 0, 0.9]);
    const r = inputReduceBatch(x, { batch: 1, h: 2, w: 3, c: 1 }, 2, 0.2);
    expect(Array.from(r.feat)).toEqual([0.5, Math.fround(0.7)]);
    expect(Array.from(r.hash)).toEqual([1, 2, 2, 1]);
    expect(Array.from(r.dropped)).toEqual([1]);
  });

  it('the non-zero scan (float32, threshold >= 0) equals the full raster scan (float64), with -0, NaN and 2 channels', () => {
    const rng = createRng(10);
    const [h, w, c, nMax, batch] = [5, 9, 2, 4, 7];
    const x = Float32Array.from({ length: batch * h * w * c }, () => [0, 0, 0, -0, NaN, rng.int(1, 8) / 8, -0.5][rng.int(0, 6)]!);
    for (const t of [0, 0.25]) {
      const fast = inputReduceBatch(x, { batch, h, w, c }, nMax, t);
      const full = inputReduceBatch(Float64Array.from(x), { batch, h, w, c }, nMax, t);
      expect([Array.from(fast.feat), Array.from(fast.hash), Array.from(fast.dropped)]).toEqual([Array.from(full.feat), Array.from(full.hash), Array.from(full.dropped)]);
    }
  });
});
