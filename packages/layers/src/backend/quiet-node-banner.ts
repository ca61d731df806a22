import * as tf from '@tensorflow/tfjs';

/**
 * TensorFlow.js' pure-JavaScript 'cpu' backend prints a multi-line "looks like you are running
 * TensorFlow.js in Node.js, install our node backend" banner on its first tensor. Our layers
 * compute in their own JavaScript kernels (see select-backend.ts), so the advice does not apply.
 * The banner is switched off at its source, the backend's `firstUse` flag, so nothing else
 * TensorFlow.js prints is hidden: the flag reads false on every instance, including those the
 * engine creates later when it picks its default backend. Making the instance that gives us the
 * class does not select it.
 */
export function quietNodeBanner(): void {
  const cpu = tf.findBackend('cpu') as unknown as { firstUse?: boolean } | null;
  if (!cpu || typeof cpu.firstUse !== 'boolean') return; // another version: leave it alone
  cpu.firstUse = false;
  const proto = Object.getPrototypeOf(cpu) as object;
  if (Object.getOwnPropertyDescriptor(proto, 'firstUse')) return;
  // the constructor assigns `this.firstUse = true`: with this accessor on the prototype that
  // assignment is dropped and later instances never greet
  Object.defineProperty(proto, 'firstUse', { get: () => false, set: () => undefined, configurable: true });
}
