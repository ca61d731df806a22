import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterpreter } from '@sparsepixels/ir';
import { randomSparseEvents } from '@sparsepixels/ir/testing';
import { describe, expect, it } from 'vitest';
import { hgqSparseKeras } from '../test/hgq-fixture';
import { importModel } from './import-model';

describe('import of an HGQ2-era sparsepixels .keras (Keras 3)', () => {
  it('reads per-element HGQ2 bit widths and quantizes exactly (RND = half up, SAT_SYM, WRAP)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sp-hgq-')), 'hgq.keras');
    writeFileSync(file, await hgqSparseKeras());
    const r = await importModel(file, { inputType: 'ap_ufixed<8,1>' });
    const m = r.model;
    expect(r.kerasVersion).toBe('3.8.0');
    expect(m.layers.map((l) => `${l.name}:${l.op}`)).toEqual([
      'input_reduce:InputReduce', 'conv1:SparseConv2D', 'conv1_relu:SparseActivation', 'pool1:SparsePooling2D',
      'flatten:SparseFlatten', 'dense1:Dense', 'softmax:Activation',
    ]);
    const [reduce, conv1, , , flatten, dense1] = m.layers;
    // threshold 0.1 snapped to the largest ap_ufixed<8,1> value <= 0.1: 12/128 (grid values above it compare as Keras' 0.1)
    expect(reduce!.attrs).toEqual({ nMax: 5, threshold: 0.09375 });
    // kernel: ap_fixed<4,2,AP_RND,AP_SAT_SYM> (k=1, b=3, i=1: f=2, step 1/4, range +-1.75); element 1 b=2.5->2, i=1.5->2: f=0;
    // element 17 b=5.4->5, i=0.5->0: f=5 (ap_fixed<6,1>, max 31/32)
    expect(conv1!.weights!['kernel']!.values).toEqual([
      0.25, 0, 0.25, 1.75, -1.75, 0.5, 0.75, -0.25, 1, 0.25, -0.25, 0.5, 0.5, -0.75, 1, 1, -1.25, 0.6875,
    ]);
    expect(conv1!.precision!.weight).toBe('auto'); // per-element types: the exact type of the values
    // bias: ap_fixed<5,2,AP_RND,AP_WRAP> (b=4, i=1: f=3): 2.0 wraps to -2, 0.3 -> 0.25
    expect(conv1!.weights!['bias']!.values).toEqual([-2, 0.25]);
    expect(conv1!.precision!.bias).toBe('ap_fixed<5,2>');
    // the dense layer's input quantizer (k=0, i=2, f=6, WRAP) becomes the flatten's result type
    expect(flatten!.precision).toEqual({ result: 'ap_ufixed<8,2,AP_RND,AP_WRAP>' });
    expect(dense1!.precision!.weight).toBe('ap_fixed<7,3>');
    expect(dense1!.weights!['kernel']!.values.slice(0, 4)).toEqual([0.5, -0.25, 0.3125, 0.6875]);
    expect(dense1!.weights!['bias']!.values).toEqual([0, -0.1875]);
    const ev = randomSparseEvents({ h: 8, w: 8, count: 2, active: [2, 6], seed: 1 });
    expect(createInterpreter(m).run(ev, 2).values[0]!.length).toBe(4);
  });
});

describe('HGQ2 weight quantizers in WRAP mode (as HGQ2 computes them at inference)', () => {
  async function denseKernel(kq: readonly [string, string]) {
    const file = join(mkdtempSync(join(tmpdir(), 'sp-hgqw-')), 'w.keras');
    writeFileSync(file, await hgqSparseKeras({ denseKq: kq, denseValues: { 4: 5.3 } }));
    return (await importModel(file, { inputType: 'ap_ufixed<8,1>' })).model.layers.find((l) => l.name === 'dense1')!;
  }
  it('a trainable KBI weight quantizer with RND rounds without wrapping (the value leaves the range; declared exact)', async () => {
    // b=6, i=2, k=1: f=4, range [-4, 4); 5.3 * 16 = 84.8 -> 85 -> 5.3125, kept
    const d = await denseKernel(['RND', 'WRAP']);
    expect(d.weights!['kernel']!.values.slice(0, 6)).toEqual([0.5, -0.25, 0.3125, 0.6875, 5.3125, 0.125]);
    expect(d.precision!.weight).toBe('auto');
  });
  it('with RND_CONV it wraps (HGQ2 applies the whole quantizer)', async () => {
    // 84.8 -> 85 -> 5.3125 wraps by 8 to -2.6875
    const d = await denseKernel(['RND_CONV', 'WRAP']);
    expect(d.weights!['kernel']!.values.slice(0, 6)).toEqual([0.5, -0.25, 0.3125, 0.6875, -2.6875, 0.125]);
    expect(d.precision!.weight).toBe('ap_fixed<7,3>');
  });
});
