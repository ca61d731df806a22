import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromNumber } from './from-number';
import { integerPart } from './integer-part';
import { apFixed, apUfixed } from './type-constructors';
import { anyValue } from './value-arbitrary.test-util';

describe('integerPart', () => {
  it('truncates toward zero for 0 < I <= W, and gives -1 for negative values when I <= 0', () => {
    fc.assert(
      fc.property(
        anyValue().filter((v) => v.type.kind === 'fixed'),
        (v) => {
          const f = v.type.width - v.type.integer;
          const exactTrunc = f <= 0 ? v.raw * 2n ** BigInt(-f) : v.raw / 2n ** BigInt(f); // BigInt `/` truncates
          const want = v.type.integer <= 0 && v.raw < 0n ? -1n : exactTrunc;
          expect(integerPart(v)).toBe(want);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('examples: -7.5 -> -7, I = 0 negative -> -1, I > W scales up', () => {
    expect(integerPart(fromNumber(-7.5, apFixed(8, 4)))).toBe(-7n);
    expect(integerPart(fromNumber(7.9375, apFixed(8, 4)))).toBe(7n);
    expect(integerPart(fromNumber(-0.5, apFixed(8, 0)))).toBe(-1n);
    expect(integerPart(fromNumber(0.25, apFixed(8, 0)))).toBe(0n);
    expect(integerPart(fromNumber(-0.0625, apFixed(8, -2)))).toBe(-1n);
    expect(integerPart(fromNumber(96, apFixed(4, 8)))).toBe(96n);
    expect(integerPart(fromNumber(15.9375, apUfixed(8, 4)))).toBe(15n);
  });
});
