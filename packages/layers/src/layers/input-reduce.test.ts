import { apFixed, apUfixed, inputReduceFixed, quantizeNumber, rawMax, rawMin } from '@sparsepixels/core';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '@sparsepixels/ir/testing';
import { InputReduce, thresholdOnGrid } from './input-reduce';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('InputReduce layer', () => {
  it('returns the sparse pair and counts dropped pixels per event', () => {
    const layer = new InputReduce({ nMax: 2, threshold: 0.2 });
    const x = tf.tensor4d([0, 0.5, 0.1, 0.7, 0, 0.9, 0, 0, 0.3, 0, 0, 0], [2, 2, 3, 1]);
    const [f, h] = layer.apply(x) as tf.Tensor[];
    expect(f!.shape).toEqual([2, 2, 1]);
    // an unused slot is invalid: hash (0, 0) in training tensors (activity 'mask')
    expect(Array.from(h!.dataSync())).toEqual([1, 2, 2, 1, 1, 3, 0, 0]);
    expect(Array.from(layer.lastDropped)).toEqual([1, 0]);
    expect(layer.sparseGrid()).toEqual([2, 3]);
  });
});

describe('thresholdOnGrid', () => {
  it('the firmware test "cast(x) > cast(t\')" equals "x > t" for every grid value x, whatever the Q/O modes', () => {
    const rng = createRng(31);
    for (const t of [apUfixed(8, 1), apUfixed(8, 1, 'AP_RND', 'AP_SAT'), apFixed(6, 2, 'AP_RND_CONV', 'AP_SAT'), apUfixed(4, 0, 'AP_RND_INF')]) {
      const step = 2 ** -(t.width - t.integer);
      for (let k = 0; k < 50; k++) {
        const thr = rng.uniform(0, 1.2);
        const exported = thresholdOnGrid(thr, t, 'layer "r"');
        const tRaw = quantizeNumber(exported, t);
        for (let raw = rawMin(t); raw <= rawMax(t); raw++) expect(raw > tRaw).toBe(raw * step > thr);
      }
    }
  });

  it('agrees with core inputReduceFixed on a quantized image (0.4 in ap_ufixed<8,1,AP_RND>)', () => {
    const t = apUfixed(8, 1, 'AP_RND', 'AP_SAT');
    // 51.5/128 rounds (half up) to 52/128; 51/128 stays; 52/128 and 64/128 are on the grid
    const image = [0.40234375, 0.3984375, 0.40625, 0.5];
    const raws = image.map((v) => quantizeNumber(v, t));
    const kept = inputReduceFixed(raws, { h: 1, w: 4, c: 1, nMax: 4, threshold: thresholdOnGrid(0.4, t, ''), input: t });
    // grid values above 0.4 are 52/128 and up: pixels 1, 3 and 4 are kept
    expect(Array.from(kept.tensor.hash.slice(0, 6))).toEqual([1, 1, 1, 3, 1, 4]);
  });

  it('a threshold below the type range is an error (every pixel would be active)', () => {
    expect(() => thresholdOnGrid(-0.01, apUfixed(8, 1), 'layer "reduce"')).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: layer "reduce": threshold -0.01 lies below the range of the input type (min 0); every pixel would be active, which the firmware cannot express]`);
  });
});
