import { apFixed, apInt, apUfixed } from '@sparsepixels/core';
import { describe, expect, it } from 'vitest';
import { cppLiteral } from './cpp-literal';

describe('cppLiteral', () => {
  it('writes the exact decimal of a raw in its type', () => {
    expect(cppLiteral(-87n, apFixed(8, 3))).toBe('-2.71875'); // -87 / 32
    expect(cppLiteral(1n, apUfixed(16, 0))).toBe('0.0000152587890625'); // 2^-16
    expect(cppLiteral(100n, apInt(8))).toBe('100');
  });

  it('makes large integers floating literals so they cannot overflow an int literal', () => {
    expect(cppLiteral(3n, apFixed(8, 40))).toBe('12884901888.0'); // F = -32: 3 * 2^32
  });

  it('refuses values that a double literal cannot hold exactly', () => {
    expect(() => cppLiteral((1n << 60n) + 1n, apInt(64), 'layer "fc"')).toThrowErrorMatchingInlineSnapshot(
      `[SparsePixelsError: layer "fc": constant with raw value 1152921504606846977 in 64-bit type has more than 53 significant bits and cannot be written exactly]`,
    );
  });
});
