import { describe, expect, it } from 'vitest';
import { pow2, scalePow2 } from './pow2';

describe('pow2 / scalePow2', () => {
  it('give exact powers of two over the whole double range', () => {
    const bits = (x: number): bigint => new BigUint64Array(new Float64Array([x]).buffer)[0]!;
    for (let e = -1022; e <= 1023; e++) expect(bits(pow2(e))).toBe(BigInt(e + 1023) << 52n);
    for (let e = -1074; e < -1022; e++) expect(bits(pow2(e))).toBe(1n << BigInt(e + 1074));
  });

  it('scale through intermediate ranges without losing the result', () => {
    expect(scalePow2(1, 2000)).toBe(Infinity);
    expect(scalePow2(2 ** 1000, -2000)).toBe(2 ** -1000);
    expect(scalePow2(3, -1074)).toBe(3 * 5e-324);
    expect(scalePow2(2 ** -1000, 1500)).toBe(2 ** 500);
  });
});
