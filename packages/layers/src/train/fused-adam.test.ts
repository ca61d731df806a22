import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '@sparsepixels/ir/testing';
import { FusedAdam } from './fused-adam';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Raw float32 bits of every variable after `steps` minimize calls of `opt` on a small quadratic-ish loss. */
function trainBits(opt: tf.Optimizer, seed: number, steps: number): number[][] {
  const rng = createRng(seed);
  const vars = [[3, 4], [4], [2, 2, 1, 3]].map((shape) => tf.variable(tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.uniform(-2, 2)), shape)));
  const target = vars.map((v) => tf.tensor(Float32Array.from({ length: v.size }, () => rng.uniform(-1, 1)), v.shape));
  for (let s = 0; s < steps; s++) {
    opt.minimize(() => tf.addN(vars.map((v, i) => tf.sum(tf.mul(tf.square(tf.sub(v, target[i]!)), tf.abs(tf.sin(v)))))) as tf.Scalar);
  }
  const bits = vars.map((v) => Array.from(new Int32Array(new Float32Array(v.dataSync()).buffer)));
  tf.dispose([...vars, ...target]);
  return bits;
}

describe('FusedAdam', () => {
  it('gives the raw float32 bits of tf.train.adam, step after step (default and custom hyper-parameters)', () => {
    for (const [lr, b1, b2, eps] of [[1e-3, 0.9, 0.999, undefined], [3e-2, 0.8, 0.95, 1e-4]] as const) {
      const steps = 40;
      const ours = trainBits(new FusedAdam(lr, b1, b2, eps), 4, steps);
      const ref = trainBits(tf.train.adam(lr, b1, b2, eps), 4, steps);
      expect(ours).toEqual(ref);
      // and the weights did move (a frozen optimizer would also compare equal to itself only)
      expect(ours).not.toEqual(trainBits(new FusedAdam(lr, b1, b2, eps), 4, 0));
    }
  });
});
