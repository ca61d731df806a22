import { inputReduceFixed, parseType, quantizeNumber } from '@sparsepixels/core';
import { describe, expect, it } from 'vitest';
import type { RawBatch } from '../interpret/raw-batch';
import { randomSparseEvents } from '../testing/random-events';
import { inputReduceOp } from './input-reduce';
import { modelOf, prepared, problems, traceOf } from './op-test-utils';

/** Raws of a batch as plain numbers/bigints, for toEqual. */
const raws = (r: RawBatch): (number | bigint)[] => Array.from(r as ArrayLike<number | bigint>);

describe('InputReduce op', () => {
  it('makes a sparse [H, W, C] tensor of nMax slots; result type = input type', () => {
    const m = modelOf([5, 4, 2], 'ap_ufixed<6,2>', [{ name: 'r', op: 'InputReduce', inputs: ['x_in'], attrs: { nMax: 7, threshold: 0 } }]);
    expect(prepared(m, 'r')).toMatchObject({ output: { shape: [5, 4, 2], nMax: 7 }, precision: { result: 'ap_ufixed<6,2>' } });
    expect(inputReduceOp.sparse && inputReduceOp.inputKind === 'dense' && inputReduceOp.outputKind === 'sparse').toBe(true);
  });

  it('warns when nMax exceeds the pixels of the grid', () => {
    const m = modelOf([2, 2, 1], 'ap_ufixed<6,2>', [{ name: 'r', op: 'InputReduce', inputs: ['x_in'], attrs: { nMax: 5, threshold: 0 } }]);
    expect(problems(m)).toMatchInlineSnapshot(`
      [
        "SP4009 warning /layers/0/attrs/nMax: layer "r": nMax 5 exceeds the 4 pixels of the grid",
      ]
    `);
  });

  it('compares channel 0 with the threshold cast to the input type, and copies every channel', () => {
    // ap_ufixed<4,2> (F=2): threshold 0.3 -> 0.25 (TRN); 0.25 is not > 0.25, 0.5 is. Channel 1 never decides.
    const m = modelOf([1, 4, 2], 'ap_ufixed<4,2>', [{ name: 'r', op: 'InputReduce', inputs: ['x_in'], attrs: { nMax: 3, threshold: 0.3 } }]);
    const t = traceOf(m, [0.25, 3, 0.5, 1, 0, 2, 3.75, 0], 1)['r']!;
    expect(raws(t.raw)).toEqual([2, 4, 15, 0, 0, 0]);
    expect(Array.from(t.hash!)).toEqual([1, 2, 1, 4, 1, 1]);
  });

  it('equals core inputReduceFixed on random events, including the overflow count', () => {
    const input = parseType('ap_ufixed<8,1>');
    const m = modelOf([9, 7, 1], 'ap_ufixed<8,1>', [{ name: 'r', op: 'InputReduce', inputs: ['x_in'], attrs: { nMax: 5, threshold: 0.5 } }]);
    const events = randomSparseEvents({ h: 9, w: 7, count: 40, active: [0, 12], seed: 2 });
    const r = traceOf(m, events, 40)['r']!;
    for (let e = 0; e < 40; e++) {
      const image = Float64Array.from(events.subarray(e * 63, (e + 1) * 63), (v) => quantizeNumber(v, input));
      const c = inputReduceFixed(image, { h: 9, w: 7, c: 1, nMax: 5, threshold: 0.5, input });
      expect(raws(r.raw.subarray(e * 5, (e + 1) * 5))).toEqual(Array.from(c.tensor.feat));
      expect(Array.from(r.hash!.subarray(e * 10, (e + 1) * 10))).toEqual(Array.from(c.tensor.hash));
    }
  });

  it('keeps 64-bit input types exact (bigint raws)', () => {
    const m = modelOf([1, 3, 1], 'ap_fixed<64,40>', [{ name: 'r', op: 'InputReduce', inputs: ['x_in'], attrs: { nMax: 2, threshold: 0 } }]);
    const t = traceOf(m, [0, 2 ** 30 + 2 ** -20, -1], 1)['r']!;
    // F = 24: raw = value * 2^24 exactly (2^54 + 2^4 is beyond float64 integers but exact as a bigint)
    expect(raws(t.raw)).toEqual([2n ** 54n + 16n, 0n]);
  });
});
