/**
 * The sparse layers as layers (eager apply on concrete tensors): numerical gradient checks with
 * quantizers off, and the sparse pair plumbing.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkGradients } from '../testing/gradient-check.test-util';
import { randomSparseBatch } from '../testing/sparse-events.test-util';
import { QConv2DSparse } from './qconv2d-sparse';
import { SparseActivation } from './sparse-activation';
import { SparseFlatten } from './sparse-flatten';
import { AveragePooling2DSparse, MaxPooling2DSparse } from './sparse-pooling2d';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function pair(seed: number, c = 2) {
  const s = randomSparseBatch({ batch: 3, nMax: 9, c, h: 8, w: 8, active: 7, seed });
  // distinct values: no ties for max pooling within the finite-difference step
  const feat = s.feat.map((v, i) => (v === 0 ? 0 : v + i * 1e-3));
  return { x: tf.variable(tf.tensor3d(feat, [3, 9, c]), true, `x${seed}`), hash: tf.tensor3d(s.hash, [3, 9, 2], 'int32') };
}

const grid: [number, number] = [8, 8];

describe('sparse layers: gradients against finite differences (quantizers off)', () => {
  it('QConv2DSparse (features, kernel, bias)', () => {
    const { x, hash } = pair(1);
    const layer = new QConv2DSparse({ filters: 2, kernelSize: 3, grid, seed: 3 });
    const f = () => (layer.apply([x, hash]) as tf.Tensor[])[0]!;
    f();
    const vars = [x, ...layer.trainableWeights.map((w) => w.read() as tf.Variable)];
    const r = checkGradients(f, vars, { skipZeros: [x] });
    expect(r.checked).toBeGreaterThan(60);
    expect(r.maxError).toBeLessThan(2e-3 * r.scale);
  });

  it('SparseActivation (linear and relu away from 0)', () => {
    for (const [i, activation] of ['linear', 'relu'].entries()) {
      const { x, hash } = pair(20 + i);
      const layer = new SparseActivation({ activation, grid });
      const r = checkGradients(() => (layer.apply([x, hash]) as tf.Tensor[])[0]!, [x], { skipZeros: [x] });
      expect(r.maxError).toBeLessThan(2e-3 * r.scale);
    }
  });

  it('AveragePooling2DSparse and MaxPooling2DSparse', () => {
    for (const [i, Layer] of [AveragePooling2DSparse, MaxPooling2DSparse].entries()) {
      const { x, hash } = pair(30 + i);
      const layer = new Layer({ poolSize: 2, grid });
      const r = checkGradients(() => (layer.apply([x, hash]) as tf.Tensor[])[0]!, [x], { h: 1e-4, skipZeros: [x] });
      expect(r.checked).toBeGreaterThan(30);
      expect(r.maxError).toBeLessThan(2e-3 * r.scale);
    }
  });

  it('SparseFlatten', () => {
    const { x, hash } = pair(4);
    const layer = new SparseFlatten({ grid });
    const r = checkGradients(() => layer.apply([x, hash]) as tf.Tensor, [x], { skipZeros: [x] });
    expect(r.maxError).toBeLessThan(2e-3 * r.scale);
  });
});

describe('sparse pair plumbing', () => {
  it('pooling returns the pooled hash and a grid of floor(H/P) x floor(W/P)', () => {
    const hash = tf.tensor3d([3, 5, 1, 1], [1, 2, 2], 'int32');
    const layer = new AveragePooling2DSparse({ poolSize: 2, grid: [5, 6] });
    const [, h] = layer.apply([tf.tensor3d([1, 0], [1, 2, 1]), hash]) as tf.Tensor[];
    expect(Array.from(h!.dataSync())).toEqual([2, 3, 1, 1]);
    expect(layer.sparseGrid()).toEqual([2, 3]);
  });

  it('a conv passes the hash through unchanged', () => {
    const { x, hash } = pair(5);
    const [, h] = new QConv2DSparse({ filters: 1, kernelSize: 3, grid }).apply([x, hash]) as tf.Tensor[];
    expect(Array.from(h!.dataSync())).toEqual(Array.from(hash.dataSync()));
  });
});
