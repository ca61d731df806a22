import { describe, expect, it } from 'vitest';
import type { QuantMode } from './fixed-type';
import { quantizeBig } from './quantize';

// §2's tie examples with one destination LSB = 1 and the source one bit finer (d = 1):
// raw 3 = 1.5, raw -3 = -1.5, raw 5 = 2.5, raw -5 = -2.5.
const TABLE: [QuantMode, bigint, bigint, bigint, bigint][] = [
  ['AP_TRN', 1n, -2n, 2n, -3n],
  ['AP_TRN_ZERO', 1n, -1n, 2n, -2n],
  ['AP_RND', 2n, -1n, 3n, -2n],
  ['AP_RND_ZERO', 1n, -1n, 2n, -2n],
  ['AP_RND_MIN_INF', 1n, -2n, 2n, -3n],
  ['AP_RND_INF', 2n, -2n, 3n, -3n],
  ['AP_RND_CONV', 2n, -2n, 2n, -2n],
];

describe('quantizeBig', () => {
  it.each(TABLE)('%s on the ties ±1.5, ±2.5', (mode, p15, m15, p25, m25) => {
    expect([3n, -3n, 5n, -5n].map((r) => quantizeBig(r, 1, mode))).toEqual([p15, m15, p25, m25]);
  });

  it('rounds non-ties to nearest and is exact when d <= 0', () => {
    expect(quantizeBig(-13n, 3, 'AP_RND_ZERO')).toBe(-2n); // -1.625 -> -2
    expect(quantizeBig(-11n, 3, 'AP_RND_INF')).toBe(-1n); // -1.375 -> -1
    expect(quantizeBig(-11n, 3, 'AP_TRN_ZERO')).toBe(-1n);
    expect(quantizeBig(-8n, 3, 'AP_TRN_ZERO')).toBe(-1n);
    expect(quantizeBig(-5n, -3, 'AP_RND')).toBe(-40n);
    expect(quantizeBig(7n, 0, 'AP_RND')).toBe(7n);
  });
});
