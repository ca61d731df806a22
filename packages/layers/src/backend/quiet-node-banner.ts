import * as tf from '@tensorflow/tfjs';

/**
 * TensorFlow.js' pure-JavaScript 'cpu' backend prints a multi-line "looks like you are running
 * TensorFlow.js in Node.js, install our node backend" banner on its first tensor. Our layers
 * compute in their own JavaScript kernels (see select-backend.ts), so the advice does not apply;
 * the banner is switched off at its source, the backend instance's first-use flag, so nothing
 * else TensorFlow.js prints is hidden. Creating the instance early does not select it.
 */
export function quietNodeBanner(): void {
  const cpu = tf.findBackend('cpu') as unknown as { firstUse?: boolean } | null;
  if (cpu && typeof cpu.firstUse === 'boolean') cpu.firstUse = false;
}
