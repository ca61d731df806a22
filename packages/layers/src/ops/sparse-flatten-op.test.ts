import { sparseFlattenFloat } from '@sparsepixels/core';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkGradients } from '../testing/gradient-check.test-util';
import { randomSparseBatch } from '../testing/sparse-events.test-util';
import { sparseFlattenOp } from './sparse-flatten-op';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('sparseFlattenOp', () => {
  it('equals core sparseFlattenFloat event by event', () => {
    const s = randomSparseBatch({ batch: 5, nMax: 9, c: 3, h: 4, w: 5, active: 7, seed: 8 });
    const out = sparseFlattenOp(tf.tensor3d(s.feat, [5, 9, 3]), s.hash, { batch: 5, nMax: 9, c: 3, h: 4, w: 5 }).dataSync();
    for (let e = 0; e < 5; e++) {
      const ref = sparseFlattenFloat({ shape: { nMax: 9, c: 3, h: 4, w: 5 }, feat: Float64Array.from(s.feat.subarray(e * 27, (e + 1) * 27)), hash: s.hash.subarray(e * 18, (e + 1) * 18) });
      expect(Array.from(out.subarray(e * 60, (e + 1) * 60))).toEqual(Array.from(ref, Math.fround));
    }
  });

  it('places slot (h, w) channel c at ((h-1)*W + (w-1))*C + c (hand-computed)', () => {
    const hash = Int32Array.from([2, 3, 1, 1]);
    const y = sparseFlattenOp(tf.tensor3d([5, 6, 0, 0], [1, 2, 2]), hash, { batch: 1, nMax: 2, c: 2, h: 2, w: 3 });
    expect(Array.from(y.dataSync())).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 6]);
  });

  it('gradients match finite differences', () => {
    const s = randomSparseBatch({ batch: 3, nMax: 8, c: 2, h: 5, w: 5, active: 6, seed: 4 });
    const x = tf.variable(tf.tensor3d(s.feat, [3, 8, 2]), true, 'xf');
    const r = checkGradients(() => sparseFlattenOp(x, s.hash, { batch: 3, nMax: 8, c: 2, h: 5, w: 5 }), [x], { skipZeros: [x] });
    expect(r.checked).toBeGreaterThan(30);
    expect(r.maxError).toBeLessThan(2e-3 * r.scale);
  });
});
