import { averagePool2dFloat } from '@sparsepixels/core';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkGradients } from '../testing/gradient-check.test-util';
import { createRng } from '@sparsepixels/ir/testing';
import { gridValue } from '../testing/sparse-events.test-util';
import { averagePool2dOp } from './average-pool2d-op';
import { outputStage } from './output-stage';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const linear = outputStage('linear', undefined);

describe('averagePool2dOp', () => {
  it('equals core averagePool2dFloat, dropping rows/cols beyond floor(H/P)*P', () => {
    const rng = createRng(4);
    const x = Float32Array.from({ length: 2 * 7 * 8 * 2 }, () => gridValue(rng));
    const out = averagePool2dOp(tf.tensor(x, [2, 7, 8, 2]), { batch: 2, h: 7, w: 8, c: 2, p: 3, reciprocalBits: 10 }, linear).dataSync();
    for (let e = 0; e < 2; e++) {
      const ref = averagePool2dFloat(x.subarray(e * 112, (e + 1) * 112), { h: 7, w: 8, c: 2, p: 3 });
      expect(Array.from(out.subarray(e * 8, (e + 1) * 8))).toEqual(Array.from(ref, Math.fround));
    }
  });

  it('gradients match finite differences', () => {
    const rng = createRng(6);
    const x = tf.variable(tf.tensor(Float32Array.from({ length: 2 * 6 * 6 }, () => rng.uniform(-1, 1)), [2, 6, 6, 1]), true, 'px');
    const r = checkGradients(() => averagePool2dOp(x, { batch: 2, h: 6, w: 6, c: 1, p: 2, reciprocalBits: 1 }, linear), [x]);
    expect(r.maxError).toBeLessThan(2e-3 * r.scale);
  });
});
