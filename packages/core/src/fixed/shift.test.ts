import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf } from './error-of.test-util';
import { fromNumber } from './from-number';
import { shl, shr } from './shift';
import { apFixed } from './type-constructors';
import { anyValue } from './value-arbitrary.test-util';

/** Reference: multiply by 2^n modulo 2^W, or floor-divide by 2^n. */
const refShl = (raw: bigint, n: number, w: number, signed: boolean): bigint => {
  const m = (raw * 2n ** BigInt(n)) % 2n ** BigInt(w);
  const u = m < 0n ? m + 2n ** BigInt(w) : m;
  return signed && u >= 2n ** BigInt(w - 1) ? u - 2n ** BigInt(w) : u;
};
const refShr = (raw: bigint, n: number): bigint => {
  const d = 2n ** BigInt(n);
  const t = raw / d;
  return t * d > raw ? t - 1n : t;
};

describe('shl / shr', () => {
  it('move raw bits inside the same type (wrap at the top, floor at the bottom)', () => {
    fc.assert(
      fc.property(anyValue(), fc.integer({ min: -80, max: 80 }), (v, n) => {
        const l = shl(v, n);
        const r = shr(v, n);
        expect(l.type).toBe(v.type);
        expect(r.type).toBe(v.type);
        const w = v.type.width;
        expect(l.raw).toBe(n >= 0 ? refShl(v.raw, n, w, v.type.signed) : refShr(v.raw, -n));
        expect(r.raw).toBe(n >= 0 ? refShr(v.raw, n) : refShl(v.raw, -n, w, v.type.signed));
      }),
      { numRuns: 5000 },
    );
  });

  it('ignore Q and O of the type', () => {
    expect(shl(fromNumber(3.25, apFixed(8, 4, 'AP_RND', 'AP_SAT')), 2).raw).toBe(-48n);
    expect(shr(fromNumber(0.1875, apFixed(8, 4, 'AP_RND', 'AP_SAT')), 2).raw).toBe(0n);
    expect(shl(fromNumber(1, apFixed(8, 4)), 1e9).raw).toBe(0n);
    expect(shr(fromNumber(-1, apFixed(8, 4)), 1e9).raw).toBe(-1n);
  });

  it('reject non-integer amounts', () => {
    expect(errorOf(() => shl(fromNumber(1, apFixed(8, 4)), 1.5))).toMatchInlineSnapshot(
      `"SP_FIXED_SHIFT: shl amount 1.5 is not an integer: shift amounts are integers"`,
    );
  });
});
