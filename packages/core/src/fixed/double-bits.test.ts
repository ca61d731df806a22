import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { doubleFields, doubleFromFields } from './double-bits';

describe('doubleFields', () => {
  it('splits sign, biased exponent and fraction', () => {
    expect(doubleFields(1)).toEqual({ negative: false, exponent: 1023, fraction: 0n });
    expect(doubleFields(-1.5)).toEqual({ negative: true, exponent: 1023, fraction: 1n << 51n });
    expect(doubleFields(5e-324)).toEqual({ negative: false, exponent: 0, fraction: 1n });
    expect(doubleFields(-0)).toEqual({ negative: true, exponent: 0, fraction: 0n });
  });

  it('round-trips through doubleFromFields', () => {
    fc.assert(
      fc.property(fc.double(), (x) => {
        const f = doubleFields(x);
        expect(Object.is(doubleFromFields(f.negative, f.exponent, f.fraction), x)).toBe(true);
      }),
    );
  });
});
