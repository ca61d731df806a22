import { describe, expect, it } from 'vitest';
import { formatType } from '@sparsepixels/core';
import { qkerasQuantizer } from './qkeras';
import { quantizeValues } from './quantizer';

describe('QKeras quantizers', () => {
  it('quantized_bits(8,2): step 1/32, ties to even, saturating at [-4, 4 - 1/32]', () => {
    const q = qkerasQuantizer({ class_name: 'quantized_bits', config: { bits: 8, integer: 2, alpha: 1 } }, 'weight', 'w')!;
    expect(formatType(q.type!)).toBe('ap_fixed<8,3,AP_RND_CONV,AP_SAT>');
    // 0.5 step -> 0 (even), 1.5 steps -> 2 steps, -0.5 step -> 0, 5 -> max, -5 -> min, 1.7493 -> 56/32
    expect(quantizeValues(q, [0.015625, 0.046875, -0.015625, 5, -5, 1.7493])).toEqual([0, 0.0625, 0, 4 - 1 / 32, -4, 1.75]);
  });
  it('symmetric quantized_bits clips at -(max) and keep_negative=False is unsigned', () => {
    const s = qkerasQuantizer('quantized_bits(4,0,1)', 'activation', 'a')!;
    expect(formatType(s.type!)).toBe('ap_fixed<4,1,AP_RND_CONV,AP_SAT_SYM>');
    expect(quantizeValues(s, [-5, 5])).toEqual([-0.875, 0.875]);
    const u = qkerasQuantizer('quantized_bits(4, 1, keep_negative=False)', 'activation', 'a')!;
    expect(formatType(u.type!)).toBe('ap_ufixed<4,1,AP_RND_CONV,AP_SAT>');
    expect(quantizeValues(u, [-1, 0.0625, 0.1875, 9])).toEqual([0, 0, 0.25, 1.875]);
  });
  it('quantized_relu(8,2) is ap_ufixed<8,2,AP_RND_CONV,AP_SAT>', () => {
    const q = qkerasQuantizer('quantized_relu(8,2)', 'activation', 'a')!;
    expect(formatType(q.type!)).toBe('ap_ufixed<8,2,AP_RND_CONV,AP_SAT>');
    expect(quantizeValues(q, [-1, 0.01171875, 0.0078125 * 1.5, 9])).toEqual([0, 0.015625, 0.015625, 4 - 1 / 64]);
  });
  it('refuses what no ap type reproduces, naming the place', () => {
    expect(() => qkerasQuantizer({ class_name: 'quantized_bits', config: { bits: 8, integer: 2, alpha: 'auto_po2' } }, 'weight', 'layer "c1"')).toThrow(
      /^layer "c1": quantized_bits alpha="auto_po2" \(only alpha=1 or None\) is not supported/,
    );
    expect(() => qkerasQuantizer('quantized_relu(8,2,negative_slope=0.25)', 'activation', 'layer "r"')).toThrow(/negative_slope=0.25/);
    expect(() => qkerasQuantizer('quantized_tanh(8)', 'activation', 'layer "t"')).toThrow(/'quantized_tanh' is not supported/);
  });
});
