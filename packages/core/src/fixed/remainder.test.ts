import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf } from './error-of.test-util';
import { FixedValue } from './fixed-value';
import { fromNumber } from './from-number';
import { rem } from './remainder';
import { apFixed, apInt, apUint } from './type-constructors';
import { declaredType, valueOf } from './value-arbitrary.test-util';

const intValue = declaredType(64)
  .filter((t) => t.kind === 'int')
  .chain(valueOf);

describe('rem', () => {
  it('is the mathematical remainder (sign of the dividend) when no operand changes signedness', () => {
    fc.assert(
      fc.property(intValue, intValue, (a, b) => {
        fc.pre(b.raw !== 0n);
        const w1 = a.type.width;
        const w2 = b.type.width;
        const st = w1 > w2 ? a.type.signed : w2 > w1 ? b.type.signed : a.type.signed || b.type.signed;
        // the values survive the reinterpretation and a signed remainder is taken
        const signedPath = a.type.signed && st;
        fc.pre(signedPath || (a.raw >= 0n && b.raw >= 0n));
        const abs = (x: bigint): bigint => (x < 0n ? -x : x);
        const mag = abs(a.raw) % abs(b.raw);
        const r = rem(a, b);
        expect(r.type.signed).toBe(a.type.signed);
        expect(r.type.width).toBe(Math.min(w1, w2 + (a.type.signed && !b.type.signed ? 1 : 0)));
        const exact = a.raw < 0n ? -mag : mag;
        const w = r.type.width;
        expect(r.raw).toBe(a.type.signed ? BigInt.asIntN(w, exact) : BigInt.asUintN(w, exact));
      }),
      { numRuns: 3000 },
    );
  });

  it('reinterprets a narrower negative signed operand as unsigned under a wider unsigned one [quirk]', () => {
    // 1000 % (2^49 - 8) = 1000, then wrapped to min(48, 5) = 5 bits unsigned: 1000 mod 32 = 8
    expect(rem(fromNumber(1000, apUint(48)), fromNumber(-8, apInt(5))).raw).toBe(8n);
    expect(rem(fromNumber(-7, apInt(8)), fromNumber(3, apInt(8))).raw).toBe(-1n);
    // unsigned left operand: unsigned remainder of the 9-bit patterns, 7 % (512 - 3) = 7
    expect(rem(fromNumber(7, apUint(8)), fromNumber(-3, apInt(8))).raw).toBe(7n);
  });

  it('rejects fixed operands and zero divisors', () => {
    expect(errorOf(() => rem(fromNumber(1, apFixed(8, 4)), fromNumber(1, apInt(8))))).toMatchInlineSnapshot(
      `"SP_FIXED_REM: ap_fixed<8,4> % ap_int<8>: % is defined between ap_int/ap_uint values only"`,
    );
    expect(errorOf(() => rem(fromNumber(1, apInt(8)), new FixedValue(apInt(8), 0n)))).toMatchInlineSnapshot(
      `"SP_FIXED_DIV_ZERO: ap_int<8> % ap_int<8>: remainder by zero"`,
    );
  });
});
