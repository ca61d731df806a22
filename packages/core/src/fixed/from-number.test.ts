import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf } from './error-of.test-util';
import type { FixedType } from './fixed-type';
import { fromNumber, quantizeNumberBig } from './from-number';
import { anyType, finiteDouble } from './number-arbitrary.test-util';
import { quantizeNumber } from './quantize-number';
import { refConvert } from './reference-model.test-util';
import { apFixed, apInt } from './type-constructors';

/** §4.3 reference: the double's own 54-bit raw ±(2^52 + m) with F = 52 - (e - 1023). */
function refFixedFromDouble(x: number, t: FixedType): bigint {
  const bits = new BigUint64Array(new Float64Array([x]).buffer)[0]!;
  const e = Number((bits >> 52n) & 0x7ffn);
  const m = bits & ((1n << 52n) - 1n);
  if (e === 0 && m === 0n) return 0n;
  const mag = (1n << 52n) + m;
  return refConvert(bits >> 63n ? -mag : mag, 52 - (e - 1023), 54, t);
}

/** §4.4 reference: truncate toward zero, except negative |x| < 0.5 -> +1; then wrap. */
function refIntFromDouble(x: number, t: FixedType): bigint {
  const v = x === 0 ? 0n : x < 0 && x > -0.5 ? 1n : BigInt(Math.trunc(x));
  return t.signed ? BigInt.asIntN(t.width, v) : BigInt.asUintN(t.width, v);
}

describe('fromNumber / quantizeNumberBig', () => {
  it('match the reference model for random doubles and types up to 64 bits', () => {
    fc.assert(
      fc.property(anyType(64), finiteDouble, (t, x) => {
        const want = t.kind === 'int' ? refIntFromDouble(x, t) : refFixedFromDouble(x, t);
        expect(quantizeNumberBig(x, t)).toBe(want);
        expect(fromNumber(x, t).raw).toBe(want);
      }),
      { numRuns: 20_000 },
    );
  });

  it('treat float arguments as their exact (widened) value', () => {
    expect(fromNumber(Math.fround(0.1), apFixed(40, 4)).raw).toBe(0x0199999a00n);
    expect(fromNumber(0.1, apFixed(40, 4)).raw).toBe(0x0199999999n);
  });

  it('reject NaN and infinities (the C++ header behaves differently; out of contract)', () => {
    expect(errorOf(() => fromNumber(Number.NaN, apFixed(16, 6)))).toMatchInlineSnapshot(
      `"SP_FIXED_NAN: cannot convert NaN to ap_fixed<16,6>: only finite numbers are allowed"`,
    );
    expect(errorOf(() => quantizeNumber(Infinity, apFixed(16, 6, 'AP_TRN', 'AP_SAT')))).toMatchInlineSnapshot(
      `"SP_FIXED_NAN: cannot convert Infinity to ap_fixed<16,6,AP_TRN,AP_SAT>: only finite numbers are allowed"`,
    );
    expect(errorOf(() => quantizeNumberBig(-Infinity, apInt(8)))).toMatchInlineSnapshot(
      `"SP_FIXED_NAN: cannot convert -Infinity to ap_int<8>: only finite numbers are allowed"`,
    );
  });
});
