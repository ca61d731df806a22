import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { div } from './divide';
import { errorOf } from './error-of.test-util';
import { fromNumber } from './from-number';
import { apFixed, apInt, apUint } from './type-constructors';
import { anyValue } from './value-arbitrary.test-util';
import type { FixedValue } from './fixed-value';

const frac = (v: FixedValue): number => v.type.width - v.type.integer;

/** Reference for fixed division: q = trunc(r1·2^max(F2,0) / r2) as an exact rational trunc. */
function refFixedQuotient(a: FixedValue, b: FixedValue): bigint {
  const num = a.raw * 2n ** BigInt(Math.max(frac(b), 0));
  const mag = (num < 0n ? -num : num) / (b.raw < 0n ? -b.raw : b.raw);
  return num < 0n !== b.raw < 0n ? -mag : mag;
}

describe('div', () => {
  it('fixed: the quotient truncated toward zero to F1 bits, wrapped to the internal width', () => {
    fc.assert(
      fc.property(
        anyValue(40).filter((v) => v.type.kind === 'fixed'),
        anyValue(40).filter((v) => v.raw !== 0n),
        (a, b) => {
          const r = div(a, b);
          expect(frac(r)).toBe(frac(a) + Math.max(frac(b), 0) - frac(b));
          // [quirk] the header wraps q to its internal width M first (only lo / -LSB overflows)
          const s1 = a.type.signed;
          const s2 = b.type.signed;
          const m = Math.max(
            a.type.width + Math.max(frac(b), 0) + (s2 && !s1 ? 1 : 0),
            b.type.width + (s1 && !s2 ? 1 : 0),
          );
          const q = refFixedQuotient(a, b);
          expect(r.raw).toBe(s1 || s2 ? BigInt.asIntN(m, q) : BigInt.asUintN(m, q));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('ap_int: signed or unsigned division by the wider operand’s signedness', () => {
    expect(div(fromNumber(-128, apInt(8)), fromNumber(-1, apInt(8))).raw).toBe(128n);
    expect(div(fromNumber(1000, apUint(48)), fromNumber(-8, apInt(5))).raw).toBe(0n);
    expect(div(fromNumber(-1000, apInt(48)), fromNumber(8, apUint(5))).raw).toBe(-125n);
    expect(div(fromNumber(200, apUint(8)), fromNumber(-3, apInt(8))).raw).toBe(-66n);
    expect(div(fromNumber(7, apUint(4)), fromNumber(-2, apInt(8))).raw).toBe(-3n);
    // unsigned dividend wider than a negative signed divisor: 2^M - 2 does not divide into 100
    expect(div(fromNumber(100, apUint(16)), fromNumber(-2, apInt(8))).raw).toBe(0n);
  });

  it('ap_fixed<8,8>(-128) / ap_fixed<16,16>(-1) does not wrap (the divisor widens the container)', () => {
    expect(div(fromNumber(-128, apFixed(8, 8)), fromNumber(-1, apFixed(16, 16))).raw).toBe(128n);
  });

  it('rejects division by zero', () => {
    expect(
      errorOf(() => div(fromNumber(1.5, apFixed(8, 4)), fromNumber(0, apFixed(8, 4)))),
    ).toMatchInlineSnapshot(
      `"SP_FIXED_DIV_ZERO: division by zero: ap_fixed<8,4> raw 24 / ap_fixed<8,4> raw 0"`,
    );
  });
});
