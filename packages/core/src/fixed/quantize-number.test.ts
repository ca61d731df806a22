import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf } from './error-of.test-util';
import { quantizeNumberBig } from './from-number';
import { anyType, finiteDouble } from './number-arbitrary.test-util';
import { quantizeNumber } from './quantize-number';
import { apFixed, apInt } from './type-constructors';

describe('quantizeNumber (number path)', () => {
  it('equals quantizeNumberBig for every type up to 53 bits', () => {
    fc.assert(
      fc.property(anyType(53), finiteDouble, (t, x) => {
        expect(quantizeNumber(x, t)).toBe(Number(quantizeNumberBig(x, t)));
      }),
      { numRuns: 30_000 },
    );
  });

  it('rejects wide types', () => {
    expect(errorOf(() => quantizeNumber(1.5, apFixed(64, 32)))).toMatchInlineSnapshot(
      `"SP_FIXED_WIDE: quantizeNumber cannot return ap_fixed<64,32> as a number: width 64 > 53, use quantizeNumberBig"`,
    );
  });

  it('never returns -0', () => {
    expect(Object.is(quantizeNumber(-0, apFixed(8, 4)), 0)).toBe(true);
    expect(Object.is(quantizeNumber(-0.01, apFixed(8, 4, 'AP_RND')), 0)).toBe(true);
    expect(Object.is(quantizeNumber(-0.7, apInt(8)), 0)).toBe(true);
  });
});
