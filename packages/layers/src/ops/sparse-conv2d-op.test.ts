import { sparseConv2dFloat } from '@sparsepixels/core';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkGradients } from '../testing/gradient-check.test-util';
import { createRng } from '@sparsepixels/ir/testing';
import { gridValue, randomSparseBatch } from '../testing/sparse-events.test-util';
import { outputStage } from './output-stage';
import { sparseConv2dOp } from './sparse-conv2d-op';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const linear = outputStage('linear', undefined);

describe('sparseConv2dOp', () => {
  it("equals core sparseConv2dFloat under activity 'mask' event by event (grid values: exact sums)", () => {
    const s = randomSparseBatch({ batch: 6, nMax: 10, c: 2, h: 7, w: 8, active: 8, seed: 3 });
    const rng = createRng(5);
    const k = 3;
    const cout = 3;
    const w = Float32Array.from({ length: k * k * 2 * cout }, () => gridValue(rng));
    const b = Float32Array.from({ length: cout }, () => gridValue(rng));
    const out = sparseConv2dOp(tf.tensor3d(s.feat, [6, 10, 2]), s.hash, tf.tensor(w, [k, k, 2, cout]), tf.tensor1d(b), { batch: 6, nMax: 10, cin: 2, cout, k }, linear).dataSync();
    for (let e = 0; e < 6; e++) {
      const hash = s.hash.subarray(e * 20, (e + 1) * 20);
      const valid = Uint8Array.from({ length: 10 }, (_, k) => (hash[2 * k]! >= 1 ? 1 : 0));
      const ref = sparseConv2dFloat(
        { shape: { nMax: 10, c: 2, h: 7, w: 8 }, feat: Float64Array.from(s.feat.subarray(e * 20, (e + 1) * 20)), hash, valid },
        { k, cin: 2, cout, weights: w, bias: b },
      );
      expect(Array.from(out.subarray(e * 30, (e + 1) * 30))).toEqual(Array.from(ref.feat, Math.fround));
    }
  });

  it('gives 0 at invalid slots, computes valid zero slots, adds the bias only where the sum is non-zero (hand-computed)', () => {
    // one event, 3x3 grid, K = 3: slot 0 at (1,1) value 1, slot 1 at (3,3) value 2 (not neighbours), slot 2 unused (0, 0)
    const feat = Float32Array.from([1, 2, 0]);
    const hash = Int32Array.from([1, 1, 3, 3, 0, 0]);
    const w = new Float32Array(9);
    w[4] = 0.5; // centre tap
    const y = sparseConv2dOp(tf.tensor3d(feat, [1, 3, 1]), hash, tf.tensor(w, [3, 3, 1, 1]), tf.tensor1d([0.25]), { batch: 1, nMax: 3, cin: 1, cout: 1, k: 3 }, linear);
    expect(Array.from(y.dataSync())).toEqual([0.5 + 0.25, 1 + 0.25, 0]);
    // a zero sum gets no bias: kernel all zero
    const z = sparseConv2dOp(tf.tensor3d(feat, [1, 3, 1]), hash, tf.zeros([3, 3, 1, 1]), tf.tensor1d([0.25]), { batch: 1, nMax: 3, cin: 1, cout: 1, k: 3 }, linear);
    expect(Array.from(z.dataSync())).toEqual([0, 0, 0]);
    // slot 2 a kept pixel at (1,2) whose value is 0: computed from its left neighbour (weight 1): 1 + 0.25
    w[3] = 1;
    const kept = Int32Array.from([1, 1, 3, 3, 1, 2]);
    const v = sparseConv2dOp(tf.tensor3d(feat, [1, 3, 1]), kept, tf.tensor(w, [3, 3, 1, 1]), tf.tensor1d([0.25]), { batch: 1, nMax: 3, cin: 1, cout: 1, k: 3 }, linear);
    expect(Array.from(v.dataSync())).toEqual([0.5 + 0.25, 1 + 0.25, 1 + 0.25]);
  });

  it('has gradients matching finite differences for features, kernel and bias', () => {
    const s = randomSparseBatch({ batch: 3, nMax: 8, c: 2, h: 6, w: 6, active: 7, seed: 11 });
    const rng = createRng(2);
    const x = tf.variable(tf.tensor3d(s.feat, [3, 8, 2]), true, 'x');
    const kernel = tf.variable(tf.tensor(Float32Array.from({ length: 5 * 5 * 2 * 2 }, () => rng.uniform(-1, 1)), [5, 5, 2, 2]), true, 'k');
    const bias = tf.variable(tf.tensor1d([0.3, -0.2]), true, 'b');
    const r = checkGradients(() => sparseConv2dOp(x, s.hash, kernel, bias, { batch: 3, nMax: 8, cin: 2, cout: 2, k: 5 }, linear), [x, kernel, bias], { skipZeros: [x] });
    expect(r.checked).toBeGreaterThan(60);
    expect(r.maxError).toBeLessThan(2e-3 * r.scale);
  });
});
