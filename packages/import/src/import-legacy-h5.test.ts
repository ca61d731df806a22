import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterpreter } from '@sparsepixels/ir';
import { randomSparseEvents } from '@sparsepixels/ir/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { MNIST_EXPECTED_HEAD, MNIST_RAW, mnistSparseWeightsH5, qkerasSparseLegacyH5 } from '../test/legacy-h5-fixture';
import { D1_KERNEL } from '../test/qkeras-fixture';
import { writeLegacyH5 } from './keras/write-keras-file';
import { importModel } from './import-model';

const dir = mkdtempSync(join(tmpdir(), 'sp-legacy-'));
let full = '';
let weights = '';
beforeAll(async () => {
  full = join(dir, 'qkeras_sparse.h5');
  writeFileSync(full, await qkerasSparseLegacyH5());
  weights = join(dir, 'mnist_sparse_t-8b.h5');
  writeFileSync(weights, await mnistSparseWeightsH5());
});

/** quantized_bits(8, I) by hand: round half to even at step 2^(I-7), clip to [-2^I, 2^I - step]. */
function quantizedBits8(v: number, integer: number): number {
  const step = 2 ** (integer - 7);
  const x = v / step;
  const r = Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : Math.round(x);
  return Math.min(127, Math.max(-128, r)) * step + 0; // + 0: no negative zero
}

describe('legacy full-model .h5 (model.save, TF 2.14)', () => {
  it('reads the architecture from model_config and every layer\'s weights from model_weights, quantized by hand', async () => {
    const r = await importModel(full, { inputType: 'ap_ufixed<8,1>' });
    expect(r.format).toBe('legacy-h5');
    expect(r.kerasVersion).toBe('2.14.0');
    const m = r.model;
    expect(m.layers.map((l) => `${l.name}:${l.op}`)).toEqual([
      'input_reduce:InputReduce', 'conv1:SparseConv2D', 'relu1:SparseActivation', 'pool1:SparsePooling2D',
      'flatten:SparseFlatten', 'dense1:Dense', 'relu3:Activation', 'dense2:Dense', 'softmax:Activation',
    ]);
    const byName = Object.fromEntries(m.layers.map((l) => [l.name, l]));
    // conv1 (quantized_bits(8,2): step 1/32): 0.015625 = 0.5 step -> 0; 0.046875 = 1.5 steps -> 2; 5 -> 4 - 1/32; -5 -> -4;
    // 0.1 -> 3.2 steps -> 3; the QConv2DSparse bias is listed first in weight_names, then the inner conv's kernel
    expect(byName['conv1']!.weights!['kernel']).toEqual({
      shape: [3, 3, 1, 2],
      values: [0, 0.0625, 0, 3.96875, -4, 0.09375, 0.1875, -0.3125, 0.5, 0.25, 0.125, -0.0625, 0.3125, -0.1875, 0.40625, 0.03125, 0.59375, 0.6875],
    });
    expect(byName['conv1']!.weights!['bias']).toEqual({ shape: [2], values: [1.75, -0.09375] }); // 1.7493 -> 56/32; -0.08 -> -2.56 -> -3/32
    expect(byName['dense1']!.weights!['kernel']!.values).toEqual(D1_KERNEL.map((v) => quantizedBits8(Math.fround(v), 2)));
    expect(byName['dense1']!.weights!['bias']!.values).toEqual([0.09375, -0.1875, 0.0625]); // 3.2 -> 3, -6.4 -> -6, 1.6 -> 2 steps
    expect(byName['dense2']!.weights!['kernel']!.values).toEqual([0.5, -0.5, 0.25, 0.75, -1, 1]);
    expect(byName['dense2']!.weights!['bias']!.values).toEqual([0, 0.09375]); // 0.1 -> 3.2 steps -> 3/32
    expect(byName['relu1']!.precision).toEqual({ result: 'ap_ufixed<8,2,AP_RND_CONV,AP_SAT>' });
    // the same model as its .keras twin computes: it runs
    const ev = randomSparseEvents({ h: 8, w: 8, count: 4, active: [1, 6], seed: 2 });
    expect(createInterpreter(m).run(ev, 4).values[0]!.length).toBe(8);
  });
});

describe('weights-only .h5 (save_weights) with --arch', () => {
  it('fills the named paper architecture, each tensor quantized as quantized_bits(8,0) does (hand-computed)', async () => {
    const r = await importModel(weights, { architecture: 'mnist-sparse-t-8b' });
    expect(r.format).toBe('weights-h5');
    expect(r.inputTypeSource).toBe('architecture');
    const m = r.model;
    expect(m.input).toEqual({ name: 'x_in', shape: [48, 48, 1], type: 'ap_ufixed<8,1>' });
    expect(m.layers[0]!.attrs).toEqual({ nMax: 8, threshold: 51 / 128 }); // sparse-t; 0.4 snapped to the input grid
    const byName = Object.fromEntries(m.layers.map((l) => [l.name, l]));
    for (const [layer, raw] of [['conv1', MNIST_RAW.conv1], ['conv2', MNIST_RAW.conv2], ['fc1', MNIST_RAW.dense1], ['fc2', MNIST_RAW.dense2]] as const) {
      const w = byName[layer]!.weights!;
      expect(w['kernel']!.values.slice(0, 6)).toEqual(MNIST_EXPECTED_HEAD);
      expect(w['kernel']!.values).toEqual(raw.kernel.map((v) => quantizedBits8(Math.fround(v), 0)));
      expect(w['bias']!.values).toEqual(raw.bias.map((v) => quantizedBits8(Math.fround(v), 0)));
      expect(byName[layer]!.precision!.weight).toBe('ap_fixed<8,1>');
    }
    expect(byName['conv1']!.weights!['bias']!.values).toEqual([38 / 128]); // 0.3 -> 38.4 steps -> 38
    expect(byName['conv2']!.weights!['bias']!.values).toEqual([6 / 128, -6 / 128, 127 / 128]); // 6.4 -> 6, -6.4 -> -6, 1.2 saturates
  });

  it('refuses a weights-only file without --arch, an unknown architecture and a file that does not fit it', async () => {
    await expect(importModel(weights)).rejects.toThrow(/is a weights-only \.h5 \(no model_config\): give the architecture with --arch/);
    await expect(importModel(weights, { architecture: 'mnist-sparse-x-8b' })).rejects.toThrow(/^--arch: unknown architecture 'mnist-sparse-x-8b'/);
    await expect(importModel(weights, { architecture: 'jet-sparse-t-8b' })).rejects.toThrow(/expected one kernel of shape \[9, 9, 1, 3\] for layer "conv1", found 0/);
    const short = join(dir, 'short.h5');
    writeFileSync(short, await writeLegacyH5(undefined, [{ layer: 'dense1', weights: [{ name: 'dense1/kernel:0', shape: [2, 2], values: [0, 0, 0, 0] }] }]));
    await expect(importModel(short, { architecture: 'mnist-sparse-t-8b' })).rejects.toThrow(/holds 1 layers with weights \(dense1\); the architecture 'mnist_sparse_t_8b' has 4/);
    await expect(importModel(full, { architecture: 'mnist-sparse-t-8b' })).rejects.toThrow(/^--arch: .* holds its own architecture/);
  });
});
