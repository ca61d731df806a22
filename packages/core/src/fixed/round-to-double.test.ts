import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundToDouble, roundToFloat32 } from './round-to-double';

describe('roundToDouble', () => {
  it('is exact for raws of at most 53 bits in the normal range', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: -1000, max: 900 }), (r, e) => {
        expect(roundToDouble(BigInt(r), e)).toBe(r * 2 ** e);
      }),
    );
  });

  it('rounds once at the subnormal quantum', () => {
    // 3·2^-1076 = 0.75 · 2^-1074: nearest subnormal is 2^-1074
    expect(roundToDouble(3n, -1076)).toBe(5e-324);
    // 2^-1075 is a tie between 0 and 2^-1074: even -> 0
    expect(roundToDouble(1n, -1075)).toBe(0);
    expect(roundToDouble(3n, -1075)).toBe(2 * 5e-324); // 1.5 quanta: tie -> 2 (even)
    expect(roundToDouble(-1n, 1024)).toBe(-Infinity);
  });
});

describe('roundToFloat32', () => {
  it('equals Math.fround for values a double holds exactly', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: -200, max: 70 }), (r, e) => {
        expect(roundToFloat32(BigInt(r), e)).toBe(Math.fround(r * 2 ** e));
      }),
    );
  });

  it('rounds directly, not through double (§13 rows 71-72)', () => {
    // x = 1 + 2^-24 + 2^-60 with F = 62 (ap_fixed<64,2>)
    const raw = (1n << 62n) + (1n << 38n) + (1n << 2n);
    expect(roundToFloat32(raw, -62)).toBe(1 + 2 ** -23); // float bits 0x3f800001
    expect(Math.fround(roundToDouble(raw, -62))).toBe(1); // (float)x.to_double(): 0x3f800000
  });
});
