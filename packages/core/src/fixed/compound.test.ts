import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add } from './arithmetic';
import { cast } from './cast';
import { accumulate, assign } from './compound';
import { fromNumber } from './from-number';
import { refConvert } from './reference-model.test-util';
import { apFixed, apInt } from './type-constructors';
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
