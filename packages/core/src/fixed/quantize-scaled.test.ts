import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastOverflow, wrapNumber } from './quantize-scaled';
import { apFixed, apUfixed } from './type-constructors';

describe('wrapNumber', () => {
  it('is wrap(q, W, S) for integer-valued doubles of any magnitude', () => {
    const integerDouble = fc.oneof(
      fc.maxSafeInteger().chain((m) => fc.constantFrom(m, -m)),
      fc.tuple(fc.maxSafeInteger(), fc.integer({ min: 0, max: 900 })).map(([m, e]) => m * 2 ** e),
    );
    fc.assert(
      fc.property(integerDouble, fc.integer({ min: 1, max: 53 }), fc.boolean(), (q, w, signed) => {
        const want = signed ? BigInt.asIntN(w, BigInt(q)) : BigInt.asUintN(w, BigInt(q));
        expect(wrapNumber(q, w, signed)).toBe(Number(want));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('fastOverflow', () => {
  it('admits W <= 53 without sat bits or AP_WRAP_SM', () => {
    expect(fastOverflow(apFixed(53, 3, 'AP_RND', 'AP_SAT_SYM'))).toBe(true);
    expect(fastOverflow(apFixed(54, 3))).toBe(false);
    expect(fastOverflow(apFixed(8, 3, 'AP_TRN', 'AP_WRAP', 1))).toBe(false);
    expect(fastOverflow(apFixed(8, 3, 'AP_TRN', 'AP_WRAP_SM'))).toBe(false);
    expect(fastOverflow(apUfixed(8, 3, 'AP_TRN', 'AP_SAT_ZERO'))).toBe(true);
  });
});
