import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exactDecimalToRaw, rawToExactDecimal } from './exact-decimal';

describe('rawToExactDecimal', () => {
  it('prints hand-computed values exactly', () => {
    expect(rawToExactDecimal(5n, 2)).toBe('1.25'); // 5/4
    expect(rawToExactDecimal(-5n, 2)).toBe('-1.25');
    expect(rawToExactDecimal(1n, 7)).toBe('0.0078125'); // 2^-7
    expect(rawToExactDecimal(-1n, 1)).toBe('-0.5');
    expect(rawToExactDecimal(8n, 2)).toBe('2'); // no trailing zeros
    expect(rawToExactDecimal(0n, 5)).toBe('0');
    expect(rawToExactDecimal(3n, -2)).toBe('12'); // 3 * 4
    expect(rawToExactDecimal(-(2n ** 63n), 63)).toBe('-1');
  });
});

describe('exactDecimalToRaw', () => {
  it('parses hand-computed values', () => {
    expect(exactDecimalToRaw('1.25', 2)).toBe(5n);
    expect(exactDecimalToRaw('-0.0078125', 7)).toBe(-1n);
    expect(exactDecimalToRaw('12', -2)).toBe(3n);
    expect(exactDecimalToRaw('1.5000', 1)).toBe(3n);
  });

  it('rejects text off the grid or not a decimal, in one line', () => {
    expect(() => exactDecimalToRaw('0.1', 4)).toThrowErrorMatchingInlineSnapshot(
      `[SparsePixelsError: "0.1" is not a multiple of 2^-4 (the output type has 4 fractional bits)]`,
    );
    expect(() => exactDecimalToRaw('1e-3', 4, 'event 2')).toThrowErrorMatchingInlineSnapshot(
      `[SparsePixelsError: event 2: "1e-3" is not a plain decimal number (expected e.g. -1.25)]`,
    );
  });

  it('round-trips any raw and fraction width', () => {
    fc.assert(
      fc.property(fc.bigInt(-(2n ** 64n), 2n ** 64n), fc.integer({ min: -20, max: 80 }), (raw, frac) => {
        expect(exactDecimalToRaw(rawToExactDecimal(raw, frac), frac)).toBe(raw);
      }),
    );
  });
});
