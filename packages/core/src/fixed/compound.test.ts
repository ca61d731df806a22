import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add } from './arithmetic';
import { cast } from './cast';
import { accumulate, assign, compoundAssign, increment } from './compound';
import { fromNumber } from './from-number';
import { integerPart } from './integer-part';
import { refConvert } from './reference-model.test-util';
import { apFixed, apInt, apUfixed, apUint } from './type-constructors';
import { anyValue } from './value-arbitrary.test-util';

describe('assign and accumulate', () => {
  it('acc += v is cast(add(acc, v), acc.type) for fixed accumulators', () => {
    fc.assert(
      fc.property(
        anyValue(40).filter((a) => a.type.kind === 'fixed'),
        anyValue(40),
        (acc, x) => {
          const r = accumulate(acc, x);
          expect(r.type).toBe(acc.type);
          expect(r.raw).toBe(cast(add(acc, x), acc.type).raw);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('acc += v matches the reference model applied to the exact sum', () => {
    fc.assert(
      fc.property(
        anyValue(48).filter((a) => a.type.kind === 'fixed'),
        anyValue(48),
        (acc, x) => {
          const fa = acc.type.width - acc.type.integer;
          const fx = x.type.width - x.type.integer;
          const f = Math.max(fa, fx);
          const sum = acc.raw * 2n ** BigInt(f - fa) + x.raw * 2n ** BigInt(f - fx);
          const sumWidth = sum.toString(2).length + 2; // any container wide enough, as the operator's is
          const want = refConvert(sum, f, Math.max(sumWidth, add(acc, x).type.width), acc.type);
          expect(accumulate(acc, x).raw).toBe(want);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('an ap_int accumulator adds the integer part of a fixed operand and wraps', () => {
    const a = fromNumber(120, apInt(8));
    expect(accumulate(a, fromNumber(-2.75, apFixed(8, 4))).raw).toBe(118n); // -2.75 contributes -2
    expect(accumulate(a, fromNumber(10, apInt(8))).raw).toBe(-126n); // 130 wraps
    expect(assign(apInt(8), fromNumber(-2.75, apFixed(8, 4))).raw).toBe(-2n);
  });
});

describe('compoundAssign and increment', () => {
  const f = (x: number, t = apFixed(8, 4)) => fromNumber(x, t);

  it('writes a fixed result back with the target’s Q and O (docs/semantics.md §1.8 examples)', () => {
    expect(compoundAssign(f(7.5), '+=', f(1)).raw).toBe(-120n); // wraps to -7.5
    expect(
      compoundAssign(f(7.5, apFixed(8, 4, 'AP_RND', 'AP_SAT')), '+=', fromNumber(1, apInt(32))).raw,
    ).toBe(127n);
    const third = fromNumber(0.40625, apFixed(8, 2));
    expect(compoundAssign(f(1, apFixed(8, 4, 'AP_RND_CONV')), '*=', third).raw).toBe(6n);
    expect(compoundAssign(f(1, apFixed(8, 4, 'AP_RND')), '*=', third).raw).toBe(7n);
  });

  it('gives an ap_int target the integer part of a fixed operand, then the integer rules', () => {
    const a = fromNumber(100, apInt(8));
    expect(compoundAssign(a, '/=', f(-2.75)).raw).toBe(-50n); // -2.75 contributes ap_int<4>(-2)
    // The wider unsigned dividend makes the division unsigned (docs/semantics.md §1.11): 1000 / (2^49 - 8) = 0.
    expect(compoundAssign(fromNumber(1000, apUint(48)), '/=', fromNumber(-8, apInt(5))).raw).toBe(0n);
    expect(compoundAssign(fromNumber(-7, apInt(8)), '%=', fromNumber(3, apInt(8))).raw).toBe(-1n);
    expect(compoundAssign(fromNumber(0x5a, apInt(8)), '&=', fromNumber(15, apUint(4))).raw).toBe(0x0an);
    expect(compoundAssign(fromNumber(-2, apInt(4)), '^=', fromNumber(15, apUint(8))).raw).toBe(1n);
    expect(compoundAssign(fromNumber(5, apUint(6)), '|=', fromNumber(0x30, apUint(6))).raw).toBe(0x35n);
  });

  it('bitwise assignment is the two’s-complement operation, wrapped to the target', () => {
    fc.assert(
      fc.property(
        anyValue(64).filter((a) => a.type.kind === 'int'),
        anyValue(64),
        (a, b) => {
          const y = integerPart(b);
          const wrap = (v: bigint) => (a.type.signed ? BigInt.asIntN : BigInt.asUintN)(a.type.width, v);
          expect(compoundAssign(a, '&=', b).raw).toBe(wrap(a.raw & y));
          expect(compoundAssign(a, '|=', b).raw).toBe(wrap(a.raw | y));
          expect(compoundAssign(a, '^=', b).raw).toBe(wrap(a.raw ^ y));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses % and the bitwise operators on fixed targets', () => {
    expect(() => compoundAssign(f(1), '%=', f(1))).toThrow(
      /ap_fixed<8,4> %=: defined for ap_int\/ap_uint targets only/,
    );
    expect(() => compoundAssign(f(1), '&=', f(1))).toThrow(/SP_FIXED_OP|ap_int\/ap_uint/);
  });

  it('++/-- add one exactly and keep the target’s modes', () => {
    expect(increment(fromNumber(7, apInt(4)), 1).raw).toBe(-8n);
    expect(increment(f(-7.5, apFixed(8, 4, 'AP_TRN', 'AP_SAT')), -1).raw).toBe(-128n);
    expect(increment(f(7.9375, apFixed(8, 4, 'AP_TRN', 'AP_SAT')), 1).raw).toBe(127n);
    expect(increment(fromNumber(2.25, apUfixed(8, 6)), 1).raw).toBe(13n);
    expect(increment(fromNumber(0, apUint(3)), -1).raw).toBe(7n);
  });
});
