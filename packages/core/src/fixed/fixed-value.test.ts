import { describe, expect, it } from 'vitest';
import { errorOf } from './error-of.test-util';
import { FixedValue, fromRaw } from './fixed-value';
import { apFixed, apUfixed, apUint } from './type-constructors';

describe('FixedValue / fromRaw', () => {
  it('hold raws inside the type range', () => {
    expect(fromRaw(-128, apFixed(8, 4)).raw).toBe(-128n);
    expect(fromRaw(255n, apUfixed(8, 4)).raw).toBe(255n);
    expect(fromRaw(2n ** 64n - 1n, apUint(64)).raw).toBe(2n ** 64n - 1n);
  });

  it('reject raws outside the range or not integers', () => {
    expect(errorOf(() => fromRaw(128, apFixed(8, 4)))).toMatchInlineSnapshot(
      `"SP_FIXED_RAW: raw 128 is out of range for ap_fixed<8,4>: allowed -128..127"`,
    );
    expect(errorOf(() => fromRaw(-1n, apUfixed(8, 4)))).toMatchInlineSnapshot(
      `"SP_FIXED_RAW: raw -1 is out of range for ap_ufixed<8,4>: allowed 0..255"`,
    );
    expect(errorOf(() => fromRaw(0.5, apFixed(8, 4)))).toMatchInlineSnapshot(
      `"SP_FIXED_RAW: raw 0.5 for ap_fixed<8,4> is not a safe integer: raws are integers (pass a bigint beyond 2^53)"`,
    );
    expect(errorOf(() => new FixedValue(apUint(1), 2n))).toMatchInlineSnapshot(
      `"SP_FIXED_RAW: raw 2 is out of range for ap_uint<1>: allowed 0..1"`,
    );
  });
});
