import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareValues, eq, ge, gt, le, lt, ne } from './compare';
import { FixedValue } from './fixed-value';
import { fromNumber } from './from-number';
import { apFixed, apInt, apUfixed, apUint } from './type-constructors';
import { rawMinBig } from './type-range';
import { anyValue } from './value-arbitrary.test-util';

/** Reference: exact rational comparison of raw1·2^-F1 and raw2·2^-F2 (cross-multiplied). */
function refCompare(a: FixedValue, b: FixedValue): number {
  const f1 = BigInt(a.type.width - a.type.integer);
  const f2 = BigInt(b.type.width - b.type.integer);
  const k = f1 > f2 ? f1 : f2;
  const x = a.raw * 2n ** (k - f1);
  const y = b.raw * 2n ** (k - f2);
  return x < y ? -1 : x > y ? 1 : 0;
}

const narrowOrSameSign = (a: FixedValue, b: FixedValue): boolean => {
  if (a.type.signed === b.type.signed) return true;
  const f1 = a.type.width - a.type.integer;
  const f2 = b.type.width - b.type.integer;
  const wl = a.type.width + (f1 < f2 ? f2 - f1 + 1 : 0);
  const wr = b.type.width + (f1 > f2 ? f1 - f2 : 0);
  return wl < 32 && wr < 32;
};

const noSatSymMinimum = (v: FixedValue): boolean =>
  !(v.type.overflow === 'AP_SAT_SYM' && v.type.signed && v.raw === rawMinBig(v.type));

describe('compareValues', () => {
  it('is the mathematical comparison', () => {
    fc.assert(
      fc.property(anyValue(), anyValue(), (a, b) => {
        expect(compareValues(a, b)).toBe(refCompare(a, b));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('lt, le, gt, ge, eq, ne', () => {
  it('are mathematical for same signedness or narrow containers (the NN case)', () => {
    fc.assert(
      fc.property(anyValue().filter(noSatSymMinimum), anyValue().filter(noSatSymMinimum), (a, b) => {
        fc.pre(narrowOrSameSign(a, b));
        const c = refCompare(a, b);
        expect([lt(a, b), le(a, b), gt(a, b), ge(a, b)]).toEqual([c < 0, c <= 0, c > 0, c >= 0]);
        // equality is mathematical too unless a 64-bit pattern is reinterpreted
        if (a.type.width < 64 && b.type.width < 64) expect([eq(a, b), ne(a, b)]).toEqual([c === 0, c !== 0]);
      }),
      { numRuns: 5000 },
    );
  });

  it('follow C for mixed signedness at 32 bits and more [quirk]', () => {
    const m1 = fromNumber(-1, apInt(32));
    const u1 = fromNumber(1, apUint(32));
    expect([lt(m1, u1), gt(m1, u1), le(m1, u1), ge(m1, u1)]).toEqual([false, true, false, true]);
    // the unsigned operand is narrower: mathematical
    expect(lt(fromNumber(-1, apInt(40)), fromNumber(1, apUint(32)))).toBe(true);
    // fixed operands: the widths that count are the containers after aligning the binary points
    expect(lt(fromNumber(-1, apFixed(20, 10)), fromNumber(1, apUfixed(40, 30)))).toBe(false); // 20 vs 40
    expect(lt(fromNumber(-1, apFixed(20, 10)), fromNumber(1, apUfixed(40, 10)))).toBe(true); // 41 vs 40
    expect(lt(fromNumber(-1, apFixed(40, 10)), fromNumber(1, apUfixed(20, 10)))).toBe(false); // 40 vs 40
    // equality: same width compares 64-bit extensions; 64 bits wide mixes signedness like C
    expect(eq(fromNumber(-1, apInt(64)), new FixedValue(apUint(64), 2n ** 64n - 1n))).toBe(true);
    expect(eq(fromNumber(-1, apInt(40)), new FixedValue(apUint(40), 2n ** 40n - 1n))).toBe(false);
    expect(eq(fromNumber(-1, apInt(8)), fromNumber(255, apUint(16)))).toBe(false);
    expect(eq(fromNumber(-1, apInt(8)), new FixedValue(apUint(32), 2n ** 32n - 1n))).toBe(true);
  });

  it('compare an AP_SAT_SYM minimum on the right as one LSB higher when it is shifted [quirk]', () => {
    const sym = new FixedValue(apFixed(4, 2, 'AP_TRN', 'AP_SAT_SYM'), -8n); // -2
    const fine = fromNumber(-2, apFixed(8, 2)); // F1 = 6 > F2 = 2
    expect(eq(fine, sym)).toBe(false);
    expect(lt(fine, sym)).toBe(true);
    expect(eq(sym, fine)).toBe(true); // as the left operand it is shifted into a wider type
    expect(eq(fromNumber(-2, apFixed(4, 2)), sym)).toBe(true); // same F: raw compare
  });
});
