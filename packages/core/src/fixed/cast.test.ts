import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cast, fromBigInt } from './cast';
import { castRawBig } from './cast-raw-big';
import { FixedValue } from './fixed-value';
import { fromNumber } from './from-number';
import { apFixed, apInt, apUfixed, apUint } from './type-constructors';
import { anyValue, declaredType } from './value-arbitrary.test-util';

describe('cast', () => {
  it('copies the bits between identical types (no AP_SAT_SYM clamp of the minimum)', () => {
    const t = apFixed(8, 4, 'AP_TRN', 'AP_SAT_SYM');
    const lo = new FixedValue(t, -128n);
    expect(cast(lo, t).raw).toBe(-128n);
    expect(cast(lo, apFixed(8, 4, 'AP_RND', 'AP_SAT_SYM')).raw).toBe(-127n); // modes differ: converts
  });

  it('is the §4.1 conversion for every other pair with a fixed destination or an int source', () => {
    fc.assert(
      fc.property(anyValue(), declaredType(), (v, t) => {
        fc.pre(t.kind === 'fixed' || v.type.kind === 'int');
        const want = castRawBig(v.raw, v.type.width - v.type.integer, t, v.type.width);
        expect(cast(v, t).raw).toBe(want);
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the integer part (toward zero) of a fixed value into an ap_int, then wraps', () => {
    expect(cast(fromNumber(-7.5, apFixed(8, 4)), apInt(8)).raw).toBe(-7n);
    expect(cast(fromNumber(7.5, apFixed(8, 4)), apInt(2)).raw).toBe(-1n);
    expect(cast(fromNumber(-0.5, apFixed(8, 0)), apUint(8)).raw).toBe(255n);
    expect(cast(fromNumber(96, apFixed(4, 8)), apInt(16)).raw).toBe(96n);
    expect(cast(fromNumber(-300, apInt(16)), apUint(8)).raw).toBe(212n);
  });
});

describe('fromBigInt', () => {
  it('writes an exact integer into the type with its Q/O', () => {
    expect(fromBigInt(300n, apFixed(8, 4)).raw).toBe(-64n); // wraps to -4
    expect(fromBigInt(300n, apFixed(8, 4, 'AP_TRN', 'AP_SAT')).raw).toBe(127n);
    expect(fromBigInt(-1n, apUint(8)).raw).toBe(255n);
    expect(fromBigInt(5n, apUfixed(4, 8, 'AP_RND')).raw).toBe(0n); // LSB 16: 5 rounds to 0
    expect(fromBigInt(9n, apUfixed(4, 8, 'AP_RND')).raw).toBe(1n);
  });
});
