import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '@sparsepixels/ir/testing';
import { fusedBinaryCrossEntropy } from './fused-binary-cross-entropy';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const EPS = 1e-7;

/** The op-by-op TensorFlow.js formula the fused op replaces. */
function reference(t: tf.Tensor, probs: tf.Tensor): tf.Scalar {
  const p = tf.clipByValue(probs, EPS, 1 - EPS);
  return tf.neg(tf.mean(tf.add(tf.mul(t, tf.log(p)), tf.mul(tf.sub(1, t), tf.log(tf.sub(1, p)))))) as tf.Scalar;
}

const bits = (v: ArrayLike<number>) => Array.from(new Int32Array(Float32Array.from(v).buffer));

describe('fusedBinaryCrossEntropy', () => {
  it('gives the raw float32 bits of the tf ops: loss and gradient, also at and beyond the clip bounds', () => {
    const rng = createRng(21);
    const special = [0, 1, 1e-8, 1e-7, Math.fround(1e-7), 1 - 1e-7, Math.fround(1 - 1e-7), 0.5, 1.5, -0.25];
    for (const batch of [1, 7, 128, 20000]) {
      const p = Float32Array.from({ length: batch }, (_, i) => (i < special.length && batch > 1 ? special[i]! : rng.next()));
      const t = Float32Array.from({ length: batch }, (_, i) => (i % 3 === 2 ? rng.next() : rng.next() < 0.5 ? 1 : 0)); // 0/1 labels and soft targets
      const probs = tf.tensor2d(p, [batch, 1]);
      const targets = tf.tensor2d(t, [batch, 1]);
      const ours = tf.valueAndGrad((x: tf.Tensor) => fusedBinaryCrossEntropy(t, x, EPS))(probs);
      const ref = tf.valueAndGrad((x: tf.Tensor) => reference(targets, x))(probs);
      expect(bits(ours.value.dataSync())).toEqual(bits(ref.value.dataSync()));
      expect(bits(ours.grad.dataSync())).toEqual(bits(ref.grad.dataSync()));
    }
  });
});
