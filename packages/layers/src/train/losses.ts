/**
 * Training losses on the model's probabilities: binary cross-entropy for one sigmoid unit,
 * categorical cross-entropy for a softmax over several units (labels are class indices).
 */
import * as tf from '@tensorflow/tfjs';
import { fusedBinaryCrossEntropy } from './fused-binary-cross-entropy';

const EPS = 1e-7;

export function targetsFor(labels: ArrayLike<number>, units: number): tf.Tensor2D {
  if (units === 1) return tf.tensor2d(Float32Array.from(labels), [labels.length, 1]);
  return tf.oneHot(tf.tensor1d(Int32Array.from(labels), 'int32'), units).toFloat() as tf.Tensor2D;
}

export function crossEntropy(targets: tf.Tensor, probs: tf.Tensor): tf.Scalar {
  // one fused op where it is proven bit-identical (cpu; other backends have their own log)
  if (probs.shape[1] === 1 && tf.getBackend() === 'cpu') return fusedBinaryCrossEntropy(targets.dataSync() as Float32Array, probs, EPS);
  return tf.tidy(() => {
    const p = tf.clipByValue(probs, EPS, 1 - EPS);
    if (probs.shape[1] === 1) {
      const t = targets;
      return tf.neg(tf.mean(tf.add(tf.mul(t, tf.log(p)), tf.mul(tf.sub(1, t), tf.log(tf.sub(1, p)))))) as tf.Scalar;
    }
    return tf.neg(tf.mean(tf.sum(tf.mul(targets, tf.log(p)), 1))) as tf.Scalar;
  });
}
