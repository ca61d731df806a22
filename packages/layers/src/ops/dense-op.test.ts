import { denseFloat } from '@sparsepixels/core';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkGradients } from '../testing/gradient-check.test-util';
import { createRng } from '@sparsepixels/ir/testing';
import { gridValue } from '../testing/sparse-events.test-util';
import { denseOp } from './dense-op';
import { outputStage } from './output-stage';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const linear = outputStage('linear', undefined);

describe('denseOp', () => {
  it('equals core denseFloat', () => {
    const rng = createRng(12);
    const x = Float32Array.from({ length: 4 * 9 }, () => gridValue(rng));
    const w = Float32Array.from({ length: 9 * 5 }, () => gridValue(rng));
    const b = Float32Array.from({ length: 5 }, () => gridValue(rng));
    const out = denseOp(tf.tensor2d(x, [4, 9]), tf.tensor2d(w, [9, 5]), tf.tensor1d(b), 5, linear).dataSync();
    for (let e = 0; e < 4; e++) {
      const ref = denseFloat(x.subarray(e * 9, (e + 1) * 9), { nIn: 9, nOut: 5, weights: w, bias: b });
      expect(Array.from(out.subarray(e * 5, (e + 1) * 5))).toEqual(Array.from(ref, Math.fround));
    }
  });

  it('sums in float64 before the one float32 rounding', () => {
    // 2^24 + 1 - 2^24 is lost in float32 accumulation but exact here
    const y = denseOp(tf.tensor2d([2 ** 24, 1, -(2 ** 24)], [1, 3]), tf.ones([3, 1]), undefined, 1, linear);
    expect(Array.from(y.dataSync())).toEqual([1]);
  });

  it('gradients match finite differences', () => {
    const rng = createRng(13);
    const x = tf.variable(tf.tensor2d(Float32Array.from({ length: 3 * 7 }, () => rng.uniform(-1, 1)), [3, 7]), true, 'dx');
    const k = tf.variable(tf.tensor2d(Float32Array.from({ length: 7 * 4 }, () => rng.uniform(-1, 1)), [7, 4]), true, 'dk');
    const b = tf.variable(tf.tensor1d([0.1, 0.2, -0.3, 0]), true, 'db');
    const r = checkGradients(() => denseOp(x, k, b, 4, linear), [x, k, b]);
    expect(r.checked).toBe(21 + 28 + 4);
    expect(r.maxError).toBeLessThan(2e-3 * r.scale);
  });

  it('input gradient: exactly the float64 sum over units ascending, with relu-masked units (and NaN from an infinite weight kept)', () => {
    const rng = createRng(14);
    const [batch, nIn, units] = [3, 6, 5];
    const x = tf.tensor2d(Float32Array.from({ length: batch * nIn }, () => rng.uniform(-1, 1)), [batch, nIn]);
    const w = Float32Array.from({ length: nIn * units }, () => rng.uniform(-1, 1));
    const c = Float32Array.from({ length: batch * units }, () => rng.uniform(-1, 1));
    const relu = outputStage('relu', undefined);
    for (const inf of [false, true]) {
      if (inf) w[2 * units + 1] = Infinity; // input 2, unit 1
      const kernel = tf.tensor2d(w, [nIn, units]);
      const pre = tf.matMul(x, kernel).dataSync(); // sign of the pre-activation (no bias): relu mask
      const dx = tf.grad((xx: tf.Tensor) => tf.sum(tf.mul(denseOp(xx, kernel, undefined, units, relu), tf.tensor2d(c, [batch, units]))))(x).dataSync();
      for (let b = 0; b < batch; b++) {
        for (let i = 0; i < nIn; i++) {
          let s = 0;
          for (let o = 0; o < units; o++) s += w[i * units + o]! * (c[b * units + o]! * (pre[b * units + o]! > 0 ? 1 : 0));
          expect(dx[b * nIn + i]).toBe(Math.fround(s));
        }
      }
      if (inf) expect(Array.from(dx).some(Number.isNaN)).toBe(true);
    }
  });
});
