import { describe, expect, it } from 'vitest';
import { apFixed } from '../fixed';
import { linearFixed, linearFixedBig, linearFloat } from './linear';

describe('linear', () => {
  it('float: identity', () => {
    expect(Array.from(linearFloat([-1.5, 0, 2.25]))).toEqual([-1.5, 0, 2.25]);
  });

  it('fixed: converts to the result type (here saturating)', () => {
    // ap_fixed<8,4> raws -128 (-8), 20 (1.25) -> ap_fixed<4,2,AP_RND,AP_SAT> (F = 2): -8 -> -2 (raw -8); 1.25 -> 5.
    const types = { input: apFixed(8, 4), result: apFixed(4, 2, 'AP_RND', 'AP_SAT') };
    expect(Array.from(linearFixed([-128, 20], types))).toEqual([-8, 5]);
    expect(linearFixedBig([-128n, 20n], types)).toEqual([-8n, 5n]);
  });
});
