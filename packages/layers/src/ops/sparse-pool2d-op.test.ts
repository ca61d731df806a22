import { sparsePool2dFloat } from '@sparsepixels/core';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { quantizedBits } from '../quantizers/quantized-bits';
import { checkGradients } from '../testing/gradient-check.test-util';
import { randomSparseBatch } from '../testing/sparse-events.test-util';
import { outputStage } from './output-stage';
import { sparsePoolLayout } from './sparse-pool-layout';
import { sparsePool2dOp } from './sparse-pool2d-op';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const linear = outputStage('linear', undefined);

describe('sparsePool2dOp', () => {
  for (const mode of ['avg', 'max'] as const) {
    it(`${mode}: equals core sparsePool2dFloat (features and hashes), incl. dropped slots beyond floor(H/P)`, () => {
      const s = randomSparseBatch({ batch: 8, nMax: 12, c: 2, h: 7, w: 8, active: 10, seed: 21 });
      const layout = sparsePoolLayout(s.hash, 8, 12, 3, 7, 8);
      const out = sparsePool2dOp(tf.tensor3d(s.feat, [8, 12, 2]), layout, { batch: 8, nMax: 12, c: 2, p: 3, mode }, linear).dataSync();
      for (let e = 0; e < 8; e++) {
        const ref = sparsePool2dFloat({ shape: { nMax: 12, c: 2, h: 7, w: 8 }, feat: Float64Array.from(s.feat.subarray(e * 24, (e + 1) * 24)), hash: s.hash.subarray(e * 24, (e + 1) * 24) }, { p: 3, mode });
        expect(Array.from(out.subarray(e * 24, (e + 1) * 24))).toEqual(Array.from(ref.feat, Math.fround));
        expect(Array.from(layout.hash.subarray(e * 24, (e + 1) * 24))).toEqual(Array.from(ref.hash));
      }
    });
  }

  it('avg: sum * r * r with r = floor(1024/P)/1024, cast once by the quantizer (hand-computed)', () => {
    // P = 3 on a 3x3 grid: three slots in the one cell, values 1, 2, 3 -> 6 * (341/1024)^2
    const hash = Int32Array.from([1, 1, 2, 3, 3, 2]);
    const layout = sparsePoolLayout(hash, 1, 3, 3, 3, 3);
    const x = tf.tensor3d([1, 2, 3], [1, 3, 1]);
    const exact = sparsePool2dOp(x, layout, { batch: 1, nMax: 3, c: 1, p: 3, mode: 'avg' }, linear).dataSync();
    expect(Array.from(exact)).toEqual([Math.fround((6 * 341 * 341) / 2 ** 20), 0, 0]);
    // quantized to ap_ufixed<8,2,AP_RND_CONV,AP_SAT> (step 1/64): 0.66535... -> 43/64
    const q = sparsePool2dOp(x, layout, { batch: 1, nMax: 3, c: 1, p: 3, mode: 'avg' }, outputStage('linear', quantizedBits(8, 2, { keepNegative: false })));
    expect(Array.from(q.dataSync())).toEqual([43 / 64, 0, 0]);
  });

  for (const mode of ['avg', 'max'] as const) {
    it(`${mode}: gradients match finite differences`, () => {
      const s = randomSparseBatch({ batch: 4, nMax: 10, c: 2, h: 8, w: 8, active: 9, seed: 5 });
      // distinct values so max has no ties within h
      const feat = s.feat.map((v, i) => (v === 0 ? 0 : v + i * 1e-3));
      const x = tf.variable(tf.tensor3d(feat, [4, 10, 2]), true, `x_${mode}`);
      const layout = sparsePoolLayout(s.hash, 4, 10, 2, 8, 8);
      const r = checkGradients(() => sparsePool2dOp(x, layout, { batch: 4, nMax: 10, c: 2, p: 2, mode }, linear), [x], { h: 1e-4, skipZeros: [x] });
      expect(r.checked).toBeGreaterThan(30);
      expect(r.maxError).toBeLessThan(2e-3 * r.scale);
    });
  }
});
