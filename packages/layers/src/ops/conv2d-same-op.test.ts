import { conv2dSameFloat } from '@sparsepixels/core';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { quantizedRelu } from '../quantizers/quantized-relu';
import { checkGradients } from '../testing/gradient-check.test-util';
import { createRng } from '@sparsepixels/ir/testing';
import { gridValue } from '../testing/sparse-events.test-util';
import { conv2dSameOp } from './conv2d-same-op';
import { outputStage } from './output-stage';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const linear = outputStage('linear', undefined);

describe('conv2dSameOp', () => {
  it('equals core conv2dSameFloat (grid values: exact sums), K = 5, Cin 2, Cout 3', () => {
    const rng = createRng(1);
    const g = { batch: 3, h: 6, w: 7, cin: 2, cout: 3, k: 5 };
    const x = Float32Array.from({ length: 3 * 6 * 7 * 2 }, () => (rng.next() < 0.5 ? 0 : gridValue(rng)));
    const w = Float32Array.from({ length: 5 * 5 * 2 * 3 }, () => gridValue(rng));
    const b = Float32Array.from({ length: 3 }, () => gridValue(rng));
    const out = conv2dSameOp(tf.tensor(x, [3, 6, 7, 2]), tf.tensor(w, [5, 5, 2, 3]), tf.tensor1d(b), g, linear).dataSync();
    for (let e = 0; e < 3; e++) {
      const ref = conv2dSameFloat(x.subarray(e * 84, (e + 1) * 84), { h: 6, w: 7, cin: 2, cout: 3, k: 5, weights: w, bias: b });
      expect(Array.from(out.subarray(e * 126, (e + 1) * 126))).toEqual(Array.from(ref, Math.fround));
    }
  });

  it('applies the fused quantized relu to the exact sum', () => {
    const g = { batch: 1, h: 1, w: 3, cin: 1, cout: 1, k: 3 };
    // taps [1, 1, 1] on [0.3, -1, 0.05] -> sums -0.7, -0.65, -0.95 + bias 1 -> 0.3, 0.35, 0.05
    const w = Float32Array.from([0, 0, 0, 1, 1, 1, 0, 0, 0]);
    const y = conv2dSameOp(tf.tensor4d([0.3, -1, 0.05], [1, 1, 3, 1]), tf.tensor(w, [3, 3, 1, 1]), tf.tensor1d([1]), g, outputStage('relu', quantizedRelu(4, 1)));
    // ap_ufixed<4,1,RND_CONV,SAT>: step 1/8 -> 0.25, 0.375, 0
    expect(Array.from(y.dataSync())).toEqual([0.25, 0.375, 0]);
  });

  it('gradients match finite differences (input, kernel, bias)', () => {
    const rng = createRng(3);
    const g = { batch: 2, h: 5, w: 6, cin: 2, cout: 2, k: 3 };
    const x = tf.variable(tf.tensor(Float32Array.from({ length: 2 * 5 * 6 * 2 }, () => rng.uniform(-1, 1)), [2, 5, 6, 2]), true, 'cx');
    const k = tf.variable(tf.tensor(Float32Array.from({ length: 3 * 3 * 2 * 2 }, () => rng.uniform(-1, 1)), [3, 3, 2, 2]), true, 'ck');
    const b = tf.variable(tf.tensor1d([0.1, -0.4]), true, 'cb');
    const r = checkGradients(() => conv2dSameOp(x, k, b, g, linear), [x, k, b]);
    expect(r.checked).toBeGreaterThan(60);
    expect(r.maxError).toBeLessThan(2e-3 * r.scale);
  });

  it('inputGrad: false returns a zero input gradient and the same kernel gradient', () => {
    const rng = createRng(8);
    const g = { batch: 2, h: 5, w: 5, cin: 1, cout: 2, k: 3 };
    const x = tf.tensor(Float32Array.from({ length: 50 }, () => rng.uniform(-1, 1)), [2, 5, 5, 1]);
    const k = tf.tensor(Float32Array.from({ length: 18 }, () => rng.uniform(-1, 1)), [3, 3, 1, 2]);
    const grads = (inputGrad: boolean) => tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(conv2dSameOp(a, b, undefined, { ...g, inputGrad }, linear)))([x, k]);
    const [dx0, dk0] = grads(false);
    const [dx1, dk1] = grads(true);
    expect(Array.from(dx0!.dataSync()).every((v) => v === 0)).toBe(true);
    expect(Array.from(dx1!.dataSync()).some((v) => v !== 0)).toBe(true);
    expect(Array.from(dk0!.dataSync())).toEqual(Array.from(dk1!.dataSync()));
  });
});
