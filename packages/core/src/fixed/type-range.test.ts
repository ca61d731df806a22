import { describe, expect, it } from 'vitest';
import { fixedPointRange, rawMax, rawMaxBig, rawMin, rawMinBig, wrapBig } from './type-range';
import { apFixed, apInt, apUfixed, apUint } from './type-constructors';

describe('type ranges and wrapping', () => {
  it('give the raw bounds', () => {
    expect([rawMinBig(apFixed(8, 4)), rawMaxBig(apFixed(8, 4))]).toEqual([-128n, 127n]);
    expect([rawMinBig(apUfixed(8, 4)), rawMaxBig(apUfixed(8, 4))]).toEqual([0n, 255n]);
    expect([rawMinBig(apInt(1)), rawMaxBig(apInt(1))]).toEqual([-1n, 0n]);
    expect(rawMaxBig(apUint(64))).toBe(2n ** 64n - 1n);
  });

  it('give the same bounds as numbers, exact up to 53 bits', () => {
    for (const t of [apFixed(8, 4), apUfixed(8, 4), apInt(1), apUint(1), apFixed(53, 1), apUfixed(53, 60), apInt(64)]) {
      expect(rawMin(t)).toBe(Number(rawMinBig(t)));
      if (t.width <= 53) expect(BigInt(rawMax(t))).toBe(rawMaxBig(t));
    }
    expect(rawMax(apUfixed(53, 1))).toBe(2 ** 53 - 1);
    expect(rawMin(apInt(64))).toBe(-(2 ** 63));
  });

  it('leave out the minimum of a signed AP_SAT_SYM type from the cast-invariant range', () => {
    expect(fixedPointRange(apFixed(8, 4, 'AP_TRN', 'AP_SAT_SYM'))).toEqual({ lo: -127n, hi: 127n });
    expect(fixedPointRange(apFixed(8, 4, 'AP_TRN', 'AP_SAT'))).toEqual({ lo: -128n, hi: 127n });
    expect(fixedPointRange(apUfixed(8, 4, 'AP_TRN', 'AP_SAT_SYM'))).toEqual({ lo: 0n, hi: 255n });
    expect(fixedPointRange(apFixed(1, 1, 'AP_TRN', 'AP_SAT_SYM'))).toEqual({ lo: -1n, hi: 0n }); // W = 1 keeps -1
  });

  it('wrap to W bits read signed or unsigned', () => {
    expect(wrapBig(300n, 8, true)).toBe(44n);
    expect(wrapBig(200n, 8, true)).toBe(-56n);
    expect(wrapBig(-1n, 8, false)).toBe(255n);
    expect(wrapBig(-(2n ** 70n) - 1n, 64, false)).toBe(2n ** 64n - 1n);
  });
});
