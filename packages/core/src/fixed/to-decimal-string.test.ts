import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FixedValue } from './fixed-value';
import { toDecimalString } from './to-decimal-string';
import { apFixed, apInt, operatorType } from './type-constructors';
import { anyValue } from './value-arbitrary.test-util';

describe('toDecimalString', () => {
  it('is the exact value: digits / 10^k equals raw / 2^F, with no trailing fraction zeros', () => {
    fc.assert(
      fc.property(anyValue(), (v) => {
        const s = toDecimalString(v);
        expect(s).toMatch(/^-?(0|[1-9]\d*)(\.\d*[1-9])?$/);
        const [intDigits, fracDigits = ''] = s.replace('-', '').split('.');
        const num = BigInt(intDigits + fracDigits) * (s.startsWith('-') ? -1n : 1n);
        const k = BigInt(fracDigits.length);
        const f = BigInt(v.type.width - v.type.integer);
        // num / 10^k == raw / 2^f, cross-multiplied (f may be negative)
        const lhs = f >= 0n ? num * 2n ** f : num;
        const rhs = f >= 0n ? v.raw * 10n ** k : v.raw * 2n ** -f * 10n ** k;
        expect(lhs).toBe(rhs);
      }),
      { numRuns: 3000 },
    );
  });

  it('prints the header’s examples', () => {
    expect(toDecimalString(new FixedValue(apFixed(16, 2), -32n))).toBe('-0.001953125');
    expect(toDecimalString(new FixedValue(apFixed(8, 4), 0n))).toBe('0');
    expect(toDecimalString(new FixedValue(apFixed(8, 4), -120n))).toBe('-7.5');
    expect(toDecimalString(new FixedValue(apInt(8), -128n))).toBe('-128');
    expect(toDecimalString(new FixedValue(operatorType('fixed', true, 128, 64), -(35n << 63n)))).toBe(
      '-17.5',
    );
  });
});
