// Sparse semantics v2 end to end through prepareModel and the interpreter (docs/semantics.md):
// activity 'mask' vs 'nonzero', the inferred pooling reciprocal, table sizes, logits and the tie rule.
import { apFixed, fracBits, tableSizeForInput } from '@sparsepixels/core';
import { describe, expect, it } from 'vitest';
import { decideClass, outputMeaning } from './decision';
import { formatDiagnostic } from './diagnostics';
import { createInterpreter } from './interpret/create-interpreter';
import type { Activity, LayerIR, ModelIR } from './model';
import { prepareModel, validateModel } from './prepare-model';
import { inferReciprocalBits } from './precision/pool-precision';

const T = 'ap_fixed<8,3>';

/** 1 x 3 image (K = 3 convs on a 3 x 3 grid): conv1 -> relu1 -> conv2 -> flatten. */
function issueModel(activity?: Activity): ModelIR {
  const conv = (name: string, input: string, taps: number[]): LayerIR => ({
    name,
    op: 'SparseConv2D',
    inputs: [input],
    attrs: { filters: 1, kernelSize: 3 },
    precision: { weight: T, bias: T },
    weights: { kernel: { shape: [3, 3, 1, 1], values: taps } },
  });
  return {
    format: 'sparsepixels-ir',
    version: 2,
    ...(activity && { activity }),
    name: 'issue_example',
    input: { name: 'x', shape: [3, 3, 1], type: T },
    layers: [
      { name: 'reduce', op: 'InputReduce', inputs: ['x'], attrs: { nMax: 2, threshold: 0 } },
      // tap index kh*3 + kw: centre 4, right neighbour 5
      conv('conv1', 'reduce', [0, 0, 0, 0, 1, -2, 0, 0, 0]),
      { name: 'relu1', op: 'SparseActivation', inputs: ['conv1'], attrs: { activation: 'relu' }, precision: { result: 'ap_ufixed<8,3>' } },
      conv('conv2', 'relu1', [0, 0, 0, 0, 1, 0.5, 0, 0, 0]),
      { name: 'flat', op: 'SparseFlatten', inputs: ['conv2'] },
    ],
    outputs: ['flat'],
  };
}

describe('activity (the issue example class)', () => {
  // Pixels (1,1) = 1 and (1,2) = 1 are kept. conv1: slot 0 = 1*1 + (-2)*1 = -1 -> relu1 0 (all zero);
  // slot 1 = 1*1 = 1 -> relu1 1. conv2: slot 0 = 1*0 + 0.5*1 = 0.5 under 'mask' (a kept pixel is
  // computed from its neighbour), 0 under 'nonzero' (its features are zero: inactive); slot 1 = 1.
  const image = [1, 1, 0, 0, 0, 0, 0, 0, 0];

  it("'mask' (the default) computes the kept pixel whose relu1 is all zero", () => {
    const run = createInterpreter(issueModel(), { trace: true }).run(image, 1);
    expect(Array.from(run.values[0]!)).toEqual([0.5, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(run.trace!['relu1']!.raw as Float64Array)).toEqual([0, 32]);
  });

  it("'nonzero' (v1) does not", () => {
    const run = createInterpreter(issueModel('nonzero')).run(image, 1);
    expect(Array.from(run.values[0]!)).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('new documents default to mask, and the prepared document says so', () => {
    expect(prepareModel(issueModel()).model.activity).toBe('mask');
    expect(prepareModel(issueModel()).activity).toBe('mask');
  });
});

describe('pooling reciprocal precision', () => {
  it('is exact for powers of two and keeps |sum r^2 - sum/P^2| under half an output LSB otherwise', () => {
    const sums = { lo: -1152n, hi: 1143n, f: 5 }; // 9 values of ap_fixed<8,3>
    expect([1, 2, 4, 8].map((p) => inferReciprocalBits(p, sums, 5 + 2 * Math.ceil(Math.log2(p))))).toEqual([0, 1, 2, 3]);
    for (const p of [3, 5, 7]) {
      const fOut = 5 + 2 * Math.ceil(Math.log2(p));
      const f = inferReciprocalBits(p, sums, fOut)!;
      const err = (bits: number) => {
        const r = Math.floor(2 ** bits / p) / 2 ** bits;
        return (1152 / 32) * (1 / (p * p) - r * r);
      };
      expect(err(f)).toBeLessThan(2 ** -(fOut + 1));
      expect(err(f - 1)).toBeGreaterThanOrEqual(2 ** -(fOut + 1));
    }
  });

  it('is written into the prepared document; reciprocalBits overrides; max pooling refuses it', () => {
    const doc = (attrs: object): unknown => ({
      format: 'sparsepixels-ir',
      version: 2,
      name: 'pool',
      input: { name: 'x', shape: [6, 6, 1], type: T },
      layers: [
        { name: 'r', op: 'InputReduce', inputs: ['x'], attrs: { nMax: 4, threshold: 0 } },
        { name: 'p', op: 'SparsePooling2D', inputs: ['r'], attrs },
        { name: 'f', op: 'SparseFlatten', inputs: ['p'] },
      ],
      outputs: ['f'],
    });
    const bits = (attrs: object) => (prepareModel(doc(attrs)).layer('p')!.attrs as { reciprocalBits?: number }).reciprocalBits;
    expect(bits({ poolSize: 2, mode: 'avg' })).toBe(1);
    expect(bits({ poolSize: 3, mode: 'avg' })).toBe(inferReciprocalBits(3, { lo: -1152n, hi: 1143n, f: 5 }, 9));
    expect(bits({ poolSize: 3, mode: 'avg', reciprocalBits: 10 })).toBe(10);
    // result 'auto': truncated to the criterion's F_acc + 2 ceil(log2 P) = 9 fraction bits with an inferred r,
    // the exact product (F_acc + 2F = 25) with an explicit one (v1 documents)
    const result = (attrs: object) => prepareModel(doc(attrs)).layer('p')!.precision.result;
    expect(fracBits(result({ poolSize: 3, mode: 'avg' }))).toBe(9);
    expect(fracBits(result({ poolSize: 3, mode: 'avg', reciprocalBits: 10 }))).toBe(25);
    expect(fracBits(result({ poolSize: 2, mode: 'avg' }))).toBe(7);
    expect(validateModel(doc({ poolSize: 2, mode: 'max', reciprocalBits: 4 })).diagnostics.map(formatDiagnostic)).toEqual([
      'SP4012 error /layers/1/attrs/reciprocalBits: layer "p": reciprocalBits mode max has no reciprocal',
    ]);
  });
});

describe('sigmoid/softmax tables and logits', () => {
  const head = (attrs: object, precision?: object): unknown => ({
    format: 'sparsepixels-ir',
    version: 2,
    name: 'head',
    input: { name: 'x', shape: [3], type: 'ap_fixed<16,6>' },
    layers: [{ name: 'out', op: 'Activation', inputs: ['x'], attrs, ...(precision && { precision }) }],
    outputs: ['out'],
  });

  it('sizes a table from the input type unless given', () => {
    const size = (attrs: object) => (prepareModel(head(attrs)).layer('out')!.attrs as { tableSize?: number }).tableSize;
    expect(size({ activation: 'sigmoid' })).toBe(2 ** 14); // F = 10: one entry per input in [-8, 8)
    expect(size({ activation: 'softmax' })).toBe(2 ** 14);
    expect(size({ activation: 'softmax', tableSize: 256 })).toBe(256);
    expect(size({ activation: 'relu' })).toBeUndefined();
    expect([apFixed(8, 3), apFixed(16, 6), apFixed(24, 4)].map(tableSizeForInput)).toEqual([1024, 16384, 65536]);
  });

  it("output 'logits' skips the table: the input converted to the result type", () => {
    const m = head({ activation: 'softmax', output: 'logits' });
    const run = createInterpreter(m).run([1.5, -2, 1.5], 1);
    expect(Array.from(run.values[0]!)).toEqual([1.5, -2, 1.5]);
    expect(prepareModel(m).layer('out')!.precision.result).toEqual(prepareModel(m).input.type);
  });

  it('refuses logits on relu/linear and table options with logits', () => {
    const problems = (attrs: object, precision?: object) => validateModel(head(attrs, precision)).diagnostics.map(formatDiagnostic);
    expect(problems({ activation: 'relu', output: 'logits' })).toEqual([
      "SP4012 error /layers/0/attrs/output: layer \"out\": output 'logits' applies to sigmoid and softmax only, not relu",
    ]);
    expect(problems({ activation: 'sigmoid', output: 'logits', tableSize: 64 }, { table: 'ap_ufixed<8,0>' })).toEqual([
      "SP4012 error /layers/0/attrs/tableSize: layer \"out\": tableSize has no effect with output 'logits' (there is no table)",
      "SP4012 error /layers/0/precision/table: layer \"out\": precision.table has no effect with output 'logits' (there is no table)",
    ]);
  });

  it('tie rule: one unit is class 1 only strictly above 0.5 (or 0 for logits); ties go to the lower class', () => {
    const sig = (attrs: object) => head(attrs) as ModelIR;
    // a small positive input: the 1024-entry sigmoid table gives exactly 0.5 (class 0), the logit is > 0 (class 1)
    const tiny = 2 ** -10;
    const probs = createInterpreter({ ...sig({ activation: 'sigmoid', tableSize: 1024 }), input: { name: 'x', shape: [1], type: 'ap_fixed<16,6>' } }).run([tiny], 1);
    expect(probs.values[0]![0]).toBe(0.5);
    expect(decideClass(probs.values[0]!, 0, 1, 'probabilities')).toBe(0);
    expect(decideClass([tiny], 0, 1, 'logits')).toBe(1);
    expect(decideClass([0], 0, 1, 'logits')).toBe(0);
    expect(decideClass([0.25, 0.75, 0.75], 0, 3, 'probabilities')).toBe(1);
    expect(outputMeaning(sig({ activation: 'sigmoid' }))).toBe('probabilities');
    expect(outputMeaning(sig({ activation: 'sigmoid', output: 'logits' }))).toBe('logits');
    expect(outputMeaning(sig({ activation: 'linear' }))).toBe('logits');
  });
});
