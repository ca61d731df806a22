import { describe, expect, it } from 'vitest';
import { rawMaxBig, rawMinBig, wrapBig } from './type-range';
import { apFixed, apInt, apUfixed, apUint } from './type-constructors';

describe('type ranges and wrapping', () => {
  it('give the raw bounds', () => {
    expect([rawMinBig(apFixed(8, 4)), rawMaxBig(apFixed(8, 4))]).toEqual([-128n, 127n]);
    expect([rawMinBig(apUfixed(8, 4)), rawMaxBig(apUfixed(8, 4))]).toEqual([0n, 255n]);
    expect([rawMinBig(apInt(1)), rawMaxBig(apInt(1))]).toEqual([-1n, 0n]);
    expect(rawMaxBig(apUint(64))).toBe(2n ** 64n - 1n);
  });

  it('wrap to W bits read signed or unsigned', () => {
    expect(wrapBig(300n, 8, true)).toBe(44n);
    expect(wrapBig(200n, 8, true)).toBe(-56n);
    expect(wrapBig(-1n, 8, false)).toBe(255n);
    expect(wrapBig(-(2n ** 70n) - 1n, 64, false)).toBe(2n ** 64n - 1n);
  });
});
