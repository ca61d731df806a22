import { describe, expect, it } from 'vitest';
import { apFixed, apInt, apUfixed, apUint } from '../fixed';
import { planMac, type MacTypes } from './mac-plan';

const big = (a: number[]): bigint[] => a.map(BigInt);

describe('planMac', () => {
  // 49 terms of weight raw 127 (ap_fixed<8,1>, F = 7) times inputs up to raw 255 (ap_ufixed<8,1>, F = 7):
  // partial sums lie in [0, 49 * 127 * 255] = [0, 1586865] with F = 14.
  const types = (accum: MacTypes['accum']): MacTypes => ({
    input: apUfixed(8, 1),
    weight: apFixed(8, 1),
    bias: apUint(1),
    accum,
    result: apFixed(8, 3),
  });
  const w49 = big(new Array(49).fill(127));

  it('sums exactly when the accumulator holds every partial sum with enough fraction bits', () => {
    expect(planMac(types(apFixed(24, 10)), w49, [0n], 1)).toBe('exact-number'); // raw range +-2^23 > 1586865
  });

  it('casts every step when a partial sum could overflow, or a product has more fraction bits', () => {
    expect(planMac(types(apFixed(20, 6)), w49, [0n], 1)).toBe('step-number'); // 2^19 - 1 < 1586865
    expect(planMac(types(apFixed(40, 27)), w49, [0n], 1)).toBe('step-number'); // F = 13 < 14
  });

  it('counts the bias, and an unsigned accumulator cannot take negative terms', () => {
    const t = { ...types(apFixed(22, 8)), bias: apFixed(8, 8) }; // F = 14, raw range +-2^21 = 2097152
    expect(planMac(t, w49, [0n], 1)).toBe('exact-number');
    // bias raw 30 (F = 0) is 30 * 2^14 = 491520: 1586865 + 491520 = 2078385 <= 2097151
    expect(planMac(t, w49, [30n], 1)).toBe('exact-number');
    // bias raw 32: 1586865 + 524288 = 2111153 > 2097151
    expect(planMac(t, w49, [32n], 1)).toBe('step-number');
    expect(planMac(types(apUfixed(24, 10)), big([127, -1]), [0n], 1)).toBe('step-number');
  });

  it('excludes the minimum of an AP_SAT_SYM accumulator, which a cast would move', () => {
    // two terms of weight 1 (ap_int<2>) times inputs in [-2, 1]: partial sums in [-4, 2]; ap_int<3> holds [-4, 3].
    const t: MacTypes = {
      input: apInt(2),
      weight: apInt(2),
      bias: apUint(1),
      accum: apFixed(3, 3),
      result: apInt(3),
    };
    expect(planMac(t, big([1, 1]), [0n], 1)).toBe('exact-number');
    expect(planMac({ ...t, accum: apFixed(3, 3, 'AP_TRN', 'AP_SAT_SYM') }, big([1, 1]), [0n], 1)).toBe(
      'step-number',
    );
  });

  it('needs number-sized declared types and intermediates for the number strategies', () => {
    const t24 = apFixed(24, 8);
    const w = big(new Array(243).fill(-8388608));
    const t: MacTypes = {
      input: t24,
      weight: t24,
      bias: apUint(1),
      accum: apFixed(64, 32),
      result: apFixed(32, 16),
    };
    expect(planMac(t, w, [0n], 1)).toBe('step-bigint'); // 243 * 2^46 > 2^53
    expect(planMac({ ...t, result: apFixed(54, 16) }, big([1]), [0n], 1)).toBe('step-bigint');
  });
});
