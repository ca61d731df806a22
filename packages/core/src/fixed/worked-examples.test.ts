// docs/semantics.md#fixed-worked-examples: the literal output of a program compiled against the official headers.
// Every row in scope is checked on raw bits (the W-bit pattern) and on the result type.
import { describe, expect, it } from 'vitest';
import { add, mul, neg, sub } from './arithmetic';
import { cast } from './cast';
import { accumulate } from './compound';
import { eq, lt } from './compare';
import { div } from './divide';
import { errorOf } from './error-of.test-util';
import type { FixedType } from './fixed-type';
import { FixedValue, fromRaw } from './fixed-value';
import { fromNumber } from './from-number';
import { integerPart } from './integer-part';
import { quantizeNumber } from './quantize-number';
import { shl, shr } from './shift';
import { toDecimalString } from './to-decimal-string';
import { toFloat32, toNumber } from './to-number';
import { apFixed as fx, apInt, apUfixed as ufx, apUint, operatorType } from './type-constructors';

const v = (x: number, t: FixedType): FixedValue => fromNumber(x, t);
const int32 = (n: number): FixedValue => fromRaw(n, apInt(32));
/** `W,I,s|u raw-hex` of a value, as §13 writes it. */
const bits = (r: FixedValue): string =>
  `${r.type.width},${r.type.integer},${r.type.signed ? 's' : 'u'} 0x${BigInt.asUintN(r.type.width, r.raw).toString(16)}`;

describe('§13 rows 1-34: construction from double and float', () => {
  const rows: [number, number, FixedType, string][] = [
    [1, 1.3, fx(8, 4), '0x14'],
    [2, -1.3, fx(8, 4), '0xeb'],
    [3, -1.3, fx(8, 4, 'AP_TRN_ZERO'), '0xec'],
    [4, 0.03125, fx(8, 4, 'AP_RND'), '0x1'],
    [5, -0.03125, fx(8, 4, 'AP_RND'), '0x0'],
    [6, -0.09375, fx(8, 4, 'AP_RND_ZERO'), '0xff'],
    [7, 0.09375, fx(8, 4, 'AP_RND_MIN_INF'), '0x1'],
    [8, -0.09375, fx(8, 4, 'AP_RND_INF'), '0xfe'],
    [9, 0.09375, fx(8, 4, 'AP_RND_CONV'), '0x2'],
    [10, 0.15625, fx(8, 4, 'AP_RND_CONV'), '0x2'],
    [11, 8.0, fx(8, 4), '0x80'],
    [12, 7.97, fx(8, 4, 'AP_RND_CONV', 'AP_SAT'), '0x7f'],
    [13, -100.0, fx(8, 4, 'AP_TRN', 'AP_SAT'), '0x80'],
    [14, -100.0, fx(8, 4, 'AP_TRN', 'AP_SAT_SYM'), '0x81'],
    [15, -8.0, fx(8, 4, 'AP_TRN', 'AP_SAT_SYM'), '0x81'],
    [16, 9.0, fx(8, 4, 'AP_TRN', 'AP_SAT_ZERO'), '0x0'],
    [17, -1.5, ufx(8, 4), '0xe8'],
    [18, -1.5, ufx(8, 4, 'AP_TRN', 'AP_SAT'), '0x0'],
    [19, 9.0, fx(8, 4, 'AP_TRN', 'AP_WRAP', 2), '0x50'],
    [20, 9.0, fx(8, 4, 'AP_TRN', 'AP_WRAP_SM'), '0x6f'],
    [21, -9.5, fx(8, 4, 'AP_TRN', 'AP_WRAP_SM'), '0x97'],
    [22, -3.0, fx(1, 1, 'AP_TRN', 'AP_SAT_SYM'), '0x1'],
    [23, 0.1, fx(8, -2), '0x66'],
    [24, 0.2, fx(8, -2), '0xcc'],
    [25, 100.0, fx(4, 8), '0x6'],
    [29, Math.fround(0.1), fx(40, 4), '0x199999a00'],
    [30, 0.1, fx(40, 4), '0x199999999'],
    [31, -0.3, apInt(8), '0x1'],
    [32, -2.7, apInt(8), '0xfe'],
    [33, 300.9, apInt(8), '0x2c'],
    [34, -3.7, apUint(8), '0xfd'],
  ];
  it.each(rows)('row %i: T(%d)', (_row, x, t, hex) => {
    const r = fromNumber(x, t);
    expect(`0x${BigInt.asUintN(t.width, r.raw).toString(16)}`).toBe(hex);
    expect(BigInt(quantizeNumber(x, t))).toBe(r.raw); // the number path agrees
  });

  it('rows 26-28 (±inf, NaN) are out of contract: rejected', () => {
    expect(errorOf(() => fromNumber(1 / 0, fx(16, 6, 'AP_TRN', 'AP_SAT')))).toContain('SP_FIXED_NAN');
    expect(errorOf(() => fromNumber(0 / 0, fx(16, 6, 'AP_TRN', 'AP_SAT')))).toContain('SP_FIXED_NAN');
  });

  it('exact values of rows 23, 29, 30', () => {
    expect(toDecimalString(v(0.1, fx(8, -2)))).toBe('0.099609375');
    expect(toDecimalString(v(Math.fround(0.1), fx(40, 4)))).toBe('0.100000001490116119384765625');
    expect(toDecimalString(v(0.1, fx(40, 4)))).toBe('0.099999999991268850862979888916015625');
    expect(toDecimalString(v(-0.001953125, fx(16, 2)))).toBe('-0.001953125');
    expect(toDecimalString(v(100, fx(4, 8)))).toBe('96');
    expect(toDecimalString(v(-0.3, apInt(8)))).toBe('1');
  });
});

describe('§13 rows 35-49: operator results and types', () => {
  const rows: [number, () => FixedValue, string][] = [
    [35, () => add(v(7.9375, fx(8, 4)), v(1.75, fx(6, 2))), '9,5,s 0x9b'],
    [36, () => add(v(15.9375, ufx(8, 4)), v(-8, fx(8, 4))), '10,6,s 0x7f'],
    [37, () => sub(v(1, ufx(8, 4)), v(2, ufx(8, 4))), '9,5,s 0x1f0'],
    [38, () => mul(v(-8, fx(8, 4)), v(15.9375, ufx(8, 4))), '16,8,s 0x8080'],
    [39, () => mul(v(1.5, fx(16, 6)), int32(2)), '48,38,s 0xc00'],
    [40, () => add(v(1.5, fx(16, 6)), int32(1)), '43,33,s 0xa00'],
    [41, () => add(v(1.5, fx(8, 4)), v(3, apInt(8))), '13,9,s 0x48'],
    [42, () => div(v(7.5, fx(8, 4)), v(-2.25, fx(8, 4))), '13,9,s 0x1fcb'],
    [43, () => div(v(-128, fx(8, 8)), v(-1, fx(8, 8))), '9,9,s 0x180'],
    [44, () => neg(v(-8, fx(8, 4))), '9,5,s 0x80'],
    [45, () => neg(v(15.9375, ufx(8, 4))), '9,5,s 0x101'],
    [46, () => add(v(100, apInt(8)), v(200, apUint(8))), '10,10,s 0x12c'],
    [47, () => sub(v(3, apUint(8)), v(5, apUint(8))), '9,9,s 0x1fe'],
    [48, () => neg(v(200, apUint(8))), '9,9,s 0x138'],
    [49, () => div(v(1000, apUint(48)), v(-8, apInt(5))), '49,49,s 0x0'],
    [82, () => mul(v(-3.5, fx(64, 32)), v(1e9, fx(64, 32))), '128,64,s 0xffffffff2f623d000000000000000000'],
  ];
  it.each(rows)('row %i', (_row, f, want) => {
    expect(bits(f())).toBe(want);
  });

  it('ap_int rows 46-49 have integer result types', () => {
    expect(add(v(100, apInt(8)), v(200, apUint(8))).type.kind).toBe('int');
    expect(add(v(1.5, fx(8, 4)), v(3, apInt(8))).type.kind).toBe('fixed');
  });
});

describe('§13 rows 50-56: compound assignment', () => {
  it('row 50: a += 1 wraps', () =>
    expect(bits(accumulate(v(7.5, fx(8, 4)), v(1, fx(8, 4))))).toBe('8,4,s 0x88'));
  it('row 51: AP_SAT a += int 1 saturates', () => {
    expect(bits(accumulate(v(7.5, fx(8, 4, 'AP_RND', 'AP_SAT')), int32(1)))).toBe('8,4,s 0x7f');
  });
  it('rows 52-54: a *= b rounds with a’s mode', () => {
    const mulAssign = (a: FixedValue, b: FixedValue): FixedValue => cast(mul(a, b), a.type);
    expect(bits(mulAssign(v(1, fx(8, 4, 'AP_RND_CONV')), v(0.40625, fx(8, 2))))).toBe('8,4,s 0x6');
    expect(bits(mulAssign(v(1, fx(8, 4, 'AP_RND')), v(0.40625, fx(8, 2))))).toBe('8,4,s 0x7');
    expect(bits(mulAssign(v(1, fx(8, 4)), v(-0.40625, fx(8, 2))))).toBe('8,4,s 0xf9');
  });
  it('row 55: acc += w * x twice', () => {
    let acc = v(0, fx(10, 4));
    for (const [w, x] of [
      [0.75, -1.5],
      [1.25, 1.75],
    ] as const) {
      acc = accumulate(acc, mul(v(w, fx(8, 4)), v(x, fx(8, 4))));
    }
    expect(bits(acc)).toBe('10,4,s 0x44');
  });
  it('row 56: ++ on an AP_SAT maximum stays (adds <F+1, 1, unsigned> one)', () => {
    expect(bits(accumulate(v(7.9375, fx(8, 4, 'AP_TRN', 'AP_SAT')), v(1, ufx(5, 1))))).toBe('8,4,s 0x7f');
  });
});

describe('§13 rows 57-61: shifts keep the type', () => {
  it('rows 57-61', () => {
    expect(bits(shl(v(3.25, fx(8, 4, 'AP_TRN', 'AP_SAT')), 2))).toBe('8,4,s 0xd0');
    expect(bits(shr(v(-2.5, fx(8, 4)), 1))).toBe('8,4,s 0xec');
    expect(bits(shr(v(-2.5, fx(8, 4)), 9))).toBe('8,4,s 0xff');
    expect(bits(shl(v(-2.5, fx(8, 4)), -1))).toBe('8,4,s 0xec');
    expect(bits(shl(v(1, apInt(8)), 10))).toBe('8,8,s 0x0');
  });
});

describe('§13 rows 62-70, 73-74, 83: comparisons and conversions out', () => {
  it('rows 62-65: mixed-signedness comparisons', () => {
    expect(lt(v(-1, fx(32, 16)), v(1, ufx(32, 16)))).toBe(false);
    expect(lt(v(-1, fx(16, 8)), v(1, ufx(16, 8)))).toBe(true);
    expect(eq(v(-1, apInt(32)), v(0xffffffff, apUint(32)))).toBe(false);
    expect(eq(v(-1, apInt(31)), v(0xffffffff, apUint(32)))).toBe(true);
  });
  it('rows 66-67: comparison with a double goes through to_double', () => {
    expect(toNumber(v(0.1, fx(8, 4))) === 0.1).toBe(false);
    expect(toNumber(v(0.1, fx(8, 4))) === 0.0625).toBe(true);
  });
  it('rows 68-70: integer part toward zero, -1 for negative I = 0 values', () => {
    expect(integerPart(v(-7.5, fx(8, 4)))).toBe(-7n);
    expect(integerPart(v(-0.5, fx(8, 0)))).toBe(-1n);
    expect(cast(v(-7.5, fx(8, 4)), apInt(8)).raw).toBe(-7n);
  });
  it('rows 71-72: to_float rounds directly, (float)to_double() twice', () => {
    const x = fromRaw((1n << 62n) + (1n << 38n) + 4n, fx(64, 2)); // 1 + 2^-24 + 2^-60
    const f32 = (y: number): string => new Uint32Array(new Float32Array([y]).buffer)[0]!.toString(16);
    expect(f32(toFloat32(x))).toBe('3f800001');
    expect(f32(Math.fround(toNumber(x)))).toBe('3f800000');
  });
  it('rows 73-74, 83: to_double', () => {
    const t = fx(64, 12);
    const f64 = (x: number): string => new BigUint64Array(new Float64Array([x]).buffer)[0]!.toString(16);
    expect(f64(toNumber(fromRaw((1n << 53n) + 1n, t)))).toBe('4000000000000000');
    expect(f64(toNumber(fromRaw((1n << 53n) + 3n, t)))).toBe('4000000000000002');
    const wide = shl(new FixedValue(operatorType('int', true, 70, 70), 1n), 66);
    expect(toNumber(wide)).toBe(0);
  });
});
