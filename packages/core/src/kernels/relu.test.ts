import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apFixed, apUfixed } from '../fixed';
import { errorOf } from '../fixed/error-of.test-util';
import { reluFixed, reluFixedBig, reluFloat } from './relu';
import { fixedTypeArb, rawsArb } from './sparse-fixtures.test-util';

describe('relu', () => {
  it('float: max(x, 0)', () => {
    expect(Array.from(reluFloat([-1.5, 0, 2.25]))).toEqual([0, 0, 2.25]);
  });

  it('fixed: negative -> 0, positive converted to the result type', () => {
    // ap_fixed<8,4> raws -20, 0, 37 (2.3125) -> ap_ufixed<4,2> (F = 2, AP_TRN, AP_WRAP): floor(9.25) = 9.
    expect(Array.from(reluFixed([-20, 0, 37], { input: apFixed(8, 4), result: apUfixed(4, 2) }))).toEqual([
      0, 0, 9,
    ]);
    // identical types copy the raw bits, even for AP_SAT_SYM (whose conversion would move the minimum)
    const sym = apFixed(4, 4, 'AP_TRN', 'AP_SAT_SYM');
    expect(Array.from(reluFixed([7, -8], { input: sym, result: sym }))).toEqual([7, 0]);
  });

  it('number path == bigint path', () => {
    const arb = fc
      .record({ input: fixedTypeArb(1, 20), result: fixedTypeArb(1, 20) })
      .chain((t) => rawsArb(t.input, 16).map((x) => ({ ...t, x })));
    fc.assert(
      fc.property(arb, ({ x, ...t }) => {
        expect(reluFixed(x, t)).toEqual(Float64Array.from(reluFixedBig(Array.from(x, BigInt), t), Number));
      }),
      { numRuns: 300 },
    );
  });

  it('checks the output length', () => {
    expect(errorOf(() => reluFloat([1, 2], new Float64Array(1)))).toMatchInlineSnapshot(
      `"SP_ARRAY_LENGTH: ReLU output has 1 elements; expected 2"`,
    );
  });
});
