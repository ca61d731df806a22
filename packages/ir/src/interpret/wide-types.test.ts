import { denseFixedBig, parseType, prepareDenseFixed, quantizeNumberBig } from '@sparsepixels/core';
import { describe, expect, it } from 'vitest';
import type { ModelIR } from '../model';
import { denseOnlyModel } from '../testing/tiny-models';
import { createInterpreter } from './create-interpreter';

/** Input ap_fixed<60,20> -> Dense(2) with 64-bit accumulator and result: every raw needs bigints. */
function wideModel(result: string): ModelIR {
  const precision = { weight: 'ap_fixed<4,2>', accum: 'ap_fixed<64,24>', result };
  return denseOnlyModel({ name: 'wide', shape: [3], type: 'ap_fixed<60,20>', units: 2, precision, kernel: [1, -1, 0.5, 1.5, -2, 0.25] });
}

describe('types wider than 53 bits', () => {
  it('run on bigint raws end to end and equal core denseFixedBig', () => {
    const x = [2 ** 18 + 2 ** -30, -(2 ** 17) - 2 ** -34, 3 * 2 ** -39]; // exact doubles
    const r = createInterpreter(wideModel('ap_fixed<64,24>')).run(x, 1);
    expect(r.raw[0]).toBeInstanceOf(BigInt64Array);
    const input = parseType('ap_fixed<60,20>');
    const core = prepareDenseFixed({
      nIn: 3,
      nOut: 2,
      weights: [4, -4, 2, 6, -8, 1],
      types: { input, weight: parseType('ap_fixed<4,2>'), accum: parseType('ap_fixed<64,24>'), result: parseType('ap_fixed<64,24>') },
    });
    const expected = denseFixedBig(x.map((v) => quantizeNumberBig(v, input)), core);
    expect(Array.from(r.raw[0] as BigInt64Array)).toEqual(expected);
    // out0 = x0 + 0.5 x1 - 2 x2, raws at F = 40: (2^58 + 2^10) + (-2^56 - 2^5) - 12, beyond float64 integers
    expect(expected[0]).toBe(2n ** 58n + 2n ** 10n - 2n ** 56n - 32n - 12n);
    expect(r.values[0]![0]).toBeCloseTo(2 ** 18 - 2 ** 16, 6);
  });

  it('narrow a wide result back to number raws when the result type is narrow', () => {
    const r = createInterpreter(wideModel('ap_fixed<16,12,AP_RND,AP_SAT>')).run([1.5, 2, -0.25], 1);
    // out0 = 1.5 + 1 + 0.5 = 3; out1 = -1.5 + 3 - 0.0625 = 1.4375 -> ap_fixed<16,12> (F=4): 48, 23
    expect(r.raw[0]).toBeInstanceOf(Float64Array);
    expect(Array.from(r.raw[0] as Float64Array)).toEqual([48, 23]);
  });
});
