import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterpreter } from '@sparsepixels/ir';
import { randomSparseEvents } from '@sparsepixels/ir/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { qkerasSparseKeras } from '../test/qkeras-fixture';
import { importModel } from './import-model';

let file = '';
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sp-import-'));
  file = join(dir, 'qkeras_sparse.keras');
  writeFileSync(file, await qkerasSparseKeras());
});

describe('import of a QKeras-era sparsepixels .keras (Keras 2.14)', () => {
  it('reads every layer with the hand-computed quantized weights (quantized_bits(8,2): step 1/32, ties to even, saturating)', async () => {
    const r = await importModel(file, { inputType: 'ap_ufixed<8,1>' });
    const m = r.model;
    expect(r.format).toBe('keras-zip');
    expect(r.kerasVersion).toBe('2.14.0');
    expect(m.input).toEqual({ name: 'x_in', shape: [8, 8, 1], type: 'ap_ufixed<8,1>' });
    expect(m.layers.map((l) => `${l.name}:${l.op}`)).toEqual([
      'input_reduce:InputReduce', 'conv1:SparseConv2D', 'relu1:SparseActivation', 'pool1:SparsePooling2D',
      'flatten:SparseFlatten', 'dense1:Dense', 'relu3:Activation', 'dense2:Dense', 'softmax:Activation',
    ]);
    const [reduce, conv1, relu1, pool1, , dense1, relu3, dense2] = m.layers;
    expect(reduce!.attrs).toEqual({ nMax: 4, threshold: 0 });
    expect(conv1!.attrs).toEqual({ filters: 2, kernelSize: 3 });
    expect(conv1!.precision).toEqual({ weight: 'ap_fixed<8,3>', bias: 'ap_fixed<8,3>' }); // accumulator and result: exact ('auto')
    expect(conv1!.weights!['kernel']!.values).toEqual([
      0, 0.0625, 0, 3.96875, -4, 0.09375, 0.1875, -0.3125, 0.5, 0.25, 0.125, -0.0625, 0.3125, -0.1875, 0.40625, 0.03125, 0.59375, 0.6875,
    ]);
    expect(conv1!.weights!['bias']).toEqual({ shape: [2], values: [1.75, -0.09375] });
    expect(relu1!.precision).toEqual({ result: 'ap_ufixed<8,2,AP_RND_CONV,AP_SAT>' });
    expect(pool1!.attrs).toEqual({ poolSize: 4, mode: 'avg' });
    expect(relu3!.precision).toEqual({ result: 'ap_ufixed<8,2,AP_RND_CONV,AP_SAT>' });
    expect(dense2!.weights!['kernel']!.values).toEqual([0.5, -0.5, 0.25, 0.75, -1, 1]);
    expect(dense2!.weights!['bias']!.values).toEqual([0, 0.09375]);
    // dense1: every value on the 1/32 grid, equal to round-half-even of value*32
    const raw = Array.from({ length: 24 }, (_, i) => Math.fround(((i * 37) % 17) / 16 - 0.5 + 0.01));
    const even = (v: number) => {
      const r = Math.round(v);
      return Math.abs(v % 1) === 0.5 ? 2 * Math.round(v / 2) : r;
    };
    expect(dense1!.weights!['kernel']!.values).toEqual(raw.map((v) => even(v * 32) / 32));
    // the document runs in the bit-exact interpreter
    const events = randomSparseEvents({ h: 8, w: 8, count: 3, active: [2, 6], seed: 3 });
    expect(createInterpreter(m).run(events, 3).values[0]!.length).toBe(6);
  });

  it('refuses a model without an input quantizer when no input type is given', async () => {
    await expect(importModel(file)).rejects.toThrow(/has no input quantizer: give the input type with --input-type/);
  });

  it('reports the agreement of the firmware with the float model on data', async () => {
    const x = randomSparseEvents({ h: 8, w: 8, count: 50, active: [2, 8], seed: 5 });
    const r = await importModel(file, { inputType: 'ap_ufixed<16,1>', data: { x: Float64Array.from(x), count: 50, source: 'events' } });
    expect(r.agreement!.total).toBe(50);
    expect(r.agreement!.agree).toBeGreaterThan(0);
  });
});
