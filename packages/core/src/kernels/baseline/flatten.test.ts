import { describe, expect, it } from 'vitest';
import { apUfixed } from '../../fixed';
import { flattenFixed, flattenFixedBig, flattenFloat } from './flatten';

describe('flatten', () => {
  it('keeps the (h, w, c) row-major order', () => {
    expect(Array.from(flattenFloat([1, 2, 3, 4, 5, 6]))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('copies raws of an identical type and converts to another result type', () => {
    const input = apUfixed(8, 2); // F = 6
    expect(Array.from(flattenFixed([5, 200], { input, result: input }))).toEqual([5, 200]);
    // to ap_ufixed<4,2> (F = 2), AP_TRN: raw >> 4: 5 -> 0, 200 -> 12
    expect(Array.from(flattenFixed([5, 200], { input, result: apUfixed(4, 2) }))).toEqual([0, 12]);
    expect(flattenFixedBig([5n, 200n], { input, result: apUfixed(4, 2) })).toEqual([0n, 12n]);
  });
});
