import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, mul, neg, sub } from './arithmetic';
import type { FixedValue } from './fixed-value';
import { anyValue } from './value-arbitrary.test-util';

/** The value as an exact fraction num / 2^shift with a common large shift (test-side reference). */
const SHIFT = 200;
const scaled = (v: FixedValue): bigint => {
  const f = v.type.width - v.type.integer;
  return f <= SHIFT ? v.raw * 2n ** BigInt(SHIFT - f) : v.raw / 2n ** BigInt(f - SHIFT);
};

describe('add, sub, mul, neg', () => {
  it('are exact for every pair of declared values', () => {
    fc.assert(
      fc.property(anyValue(), anyValue(), (a, b) => {
        expect(scaled(add(a, b))).toBe(scaled(a) + scaled(b));
        expect(scaled(sub(a, b))).toBe(scaled(a) - scaled(b));
        expect(scaled(neg(a))).toBe(-scaled(a));
        // product scaled by 2^(2·SHIFT): compare with the exact raw product
        const p = mul(a, b);
        expect(p.raw).toBe(a.raw * b.raw);
        expect(p.type.width - p.type.integer).toBe(
          a.type.width - a.type.integer + b.type.width - b.type.integer,
        );
      }),
      { numRuns: 5000 },
    );
  });
});
