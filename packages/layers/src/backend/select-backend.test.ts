/**
 * Backend detection. tfjs-node cannot be installed here (its install script downloads a native
 * binary), so the loader is injected: the tests cover the decision logic, not the native backend.
 */
import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import { backendInfo, selectBackend } from './select-backend';

const notFound = () => Promise.reject(Object.assign(new Error("Cannot find package '@tensorflow/tfjs-node' imported from /x.js"), { code: 'ERR_MODULE_NOT_FOUND' }));

afterEach(() => {
  delete process.env['SPARSEPIXELS_BACKEND'];
  if (tf.findBackend('tensorflow')) tf.removeBackend('tensorflow');
});

describe('selectBackend', () => {
  it('without tfjs-node: the cpu backend, saying why', async () => {
    const c = await selectBackend({ loadNode: notFound });
    expect(c).toEqual({ name: 'cpu', reason: 'tfjs-node is not installed; pure-JavaScript cpu backend (our kernels are JavaScript)' });
    expect(tf.getBackend()).toBe('cpu');
    expect(backendInfo()).toEqual(c);
  });

  it('the real loader on this machine (tfjs-node absent) falls back to cpu', async () => {
    expect(await selectBackend()).toEqual({ name: 'cpu', reason: 'tfjs-node is not installed; pure-JavaScript cpu backend (our kernels are JavaScript)' });
  });

  it('tfjs-node present (its import registers "tensorflow"): picks it', async () => {
    // stands in for the side effect of importing tfjs-node: a backend registered under its name
    const Cpu = tf.findBackend('cpu')!.constructor as new () => tf.KernelBackend;
    const fakeNode = async () => void tf.registerBackend('tensorflow', () => new Cpu());
    const c = await selectBackend({ loadNode: fakeNode });
    expect(c).toEqual({ name: 'tensorflow', reason: 'tfjs-node is installed (native TensorFlow)' });
    expect(tf.getBackend()).toBe('tensorflow');
  });

  it('tfjs-node installed but broken (native binding missing): falls back with the reason', async () => {
    const broken = () => Promise.reject(new Error('The specified module could not be found.\n  at tfjs_binding.node'));
    expect(await selectBackend({ loadNode: broken })).toEqual({
      name: 'cpu',
      reason: 'tfjs-node failed to load (The specified module could not be found.); pure-JavaScript cpu backend (our kernels are JavaScript)',
    });
  });

  it('prefer / SPARSEPIXELS_BACKEND force a backend; forcing an absent tfjs-node is an error', async () => {
    expect(await selectBackend({ prefer: 'wasm', loadNode: notFound })).toEqual({ name: 'wasm', reason: 'requested' });
    process.env['SPARSEPIXELS_BACKEND'] = 'cpu';
    expect(await selectBackend({ loadNode: notFound })).toEqual({ name: 'cpu', reason: 'SPARSEPIXELS_BACKEND' });
    await expect(selectBackend({ prefer: 'tensorflow', loadNode: notFound })).rejects.toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: backend "tensorflow" requested but tfjs-node is not installed]`);
    await expect(selectBackend({ prefer: 'gpu' as 'cpu' })).rejects.toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: backend "gpu" is unknown; allowed auto, tensorflow, wasm, cpu]`);
  });
});
