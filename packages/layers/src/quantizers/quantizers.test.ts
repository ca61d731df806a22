import { formatType } from '@sparsepixels/core';
import { describe, expect, it } from 'vitest';
import { createRng } from '@sparsepixels/ir/testing';
import { fixedQuantizer } from './fixed-quantizer';
import { quantizedBits } from './quantized-bits';
import { quantizedRelu } from './quantized-relu';
import { toQuantizer } from './quantizer-registry';

/** tf.round: round half to even. */
function roundHalfEven(p: number): number {
  const f = Math.floor(p);
  const d = p - f;
  if (d < 0.5) return f;
  if (d > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}

/** QKeras quantized_bits forward (research note §2), written from the formula. */
function qkerasBits(x: number, bits: number, integer: number, keepNegative: boolean, symmetric: boolean): number {
  const kn = keepNegative ? 1 : 0;
  const m = 2 ** (bits - kn);
  const mi = 2 ** integer;
  const lo = kn * (-m + (symmetric ? 1 : 0));
  return (mi * Math.min(Math.max(roundHalfEven((x * m) / mi), lo), m - 1)) / m;
}

/** QKeras quantized_relu forward, slope 0. */
function qkerasRelu(x: number, bits: number, integer: number): number {
  const m = 2 ** bits;
  const mi = 2 ** integer;
  return mi * Math.min(Math.max(roundHalfEven((Math.max(x, 0) * m) / mi) / m, 0), 1 - 1 / m);
}

/** Values around the grid: random reals, exact grid points and exact ties, beyond the range. */
function probeValues(step: number, range: number): number[] {
  const rng = createRng(17);
  const v: number[] = [];
  for (let i = 0; i < 400; i++) v.push(rng.uniform(-1.5 * range, 1.5 * range));
  for (let k = -80; k <= 80; k++) v.push(k * step, (k + 0.5) * step, (k + 0.25) * step);
  return v;
}

describe('quantizers: QKeras semantics', () => {
  for (const [bits, integer, keepNegative, symmetric] of [
    [8, 2, true, false],
    [8, 0, true, false],
    [16, 6, true, false],
    [6, 1, true, true],
    [8, 2, false, false],
    [5, -1, true, false],
  ] as const) {
    it(`quantizedBits(${bits}, ${integer}, keepNegative ${keepNegative}, symmetric ${symmetric}) equals the QKeras formula`, () => {
      const q = quantizedBits(bits, integer, { keepNegative, symmetric });
      const step = 2 ** (integer - bits + (keepNegative ? 1 : 0));
      for (const x of probeValues(step, 2 ** integer)) expect(q.quantize(x)).toBe(qkerasBits(x, bits, integer, keepNegative, symmetric) + 0);
    });
  }

  for (const [bits, integer] of [
    [8, 2],
    [16, 6],
    [4, 0],
  ] as const) {
    it(`quantizedRelu(${bits}, ${integer}) equals the QKeras formula and passes gradient on (0, max]`, () => {
      const q = quantizedRelu(bits, integer);
      const step = 2 ** (integer - bits);
      for (const x of probeValues(step, 2 ** integer)) expect(q.quantize(x)).toBe(qkerasRelu(x, bits, integer) + 0);
      const max = 2 ** integer - step;
      expect([q.gradMask(-1), q.gradMask(0), q.gradMask(step / 3), q.gradMask(max), q.gradMask(max + step / 4)]).toEqual([0, 0, 1, 1, 0]);
    });
  }
});

describe('quantizers: ap type mapping', () => {
  it('maps to the exact ap types (activation form and weight form)', () => {
    const rows = [quantizedBits(8, 2), quantizedBits(16, 6), quantizedBits(8, 0), quantizedBits(6, 1, { symmetric: true }), quantizedBits(8, 2, { keepNegative: false }), quantizedBits(8, 2, { rounding: 'AP_RND' }), quantizedRelu(8, 2), quantizedRelu(16, 6), fixedQuantizer('ufixed<8,1>')];
    expect(rows.map((q) => `${formatType(q.type)} | ${formatType(q.weightType)}`)).toMatchInlineSnapshot(`
      [
        "ap_fixed<8,3,AP_RND_CONV,AP_SAT> | ap_fixed<8,3>",
        "ap_fixed<16,7,AP_RND_CONV,AP_SAT> | ap_fixed<16,7>",
        "ap_fixed<8,1,AP_RND_CONV,AP_SAT> | ap_fixed<8,1>",
        "ap_fixed<6,2,AP_RND_CONV,AP_SAT_SYM> | ap_fixed<6,2>",
        "ap_ufixed<8,2,AP_RND_CONV,AP_SAT> | ap_ufixed<8,2>",
        "ap_fixed<8,3,AP_RND,AP_SAT> | ap_fixed<8,3>",
        "ap_ufixed<8,2,AP_RND_CONV,AP_SAT> | ap_ufixed<8,2>",
        "ap_ufixed<16,6,AP_RND_CONV,AP_SAT> | ap_ufixed<16,6>",
        "ap_ufixed<8,1> | ap_ufixed<8,1>",
      ]
    `);
  });

  it('the input quantizer truncates and wraps like the ap type (ap_ufixed<8,1>)', () => {
    const q = fixedQuantizer('ap_ufixed<8,1>');
    // step 1/128: 0.3 -> 38/128 (floor); 2.5 wraps modulo 2 -> 0.5; -0.25 wraps to 1.75
    expect([q.quantize(0.3), q.quantize(2.5), q.quantize(-0.25)]).toEqual([38 / 128, 0.5, 1.75]);
  });

  it('serializes and restores', () => {
    for (const q of [quantizedBits(6, 1, { symmetric: true, keepNegative: true, rounding: 'AP_TRN' }), quantizedRelu(8, 2), fixedQuantizer('ap_fixed<16,6>')]) {
      const back = toQuantizer(JSON.parse(JSON.stringify(q.toJSON())))!;
      expect(formatType(back.type)).toBe(formatType(q.type));
      expect(back.toJSON()).toEqual(q.toJSON());
    }
  });

  it('rejects bad arguments with one-line errors', () => {
    expect(() => quantizedBits(1, 0)).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: quantizedBits bits 1 is not allowed; expected an integer >= 2]`);
    expect(() => quantizedBits(32, 6)).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: quantizedBits type ap_fixed<32,7,AP_RND_CONV,AP_SAT> has 32 bits; TensorFlow.js stores float32, allowed widths 1..24]`);
    expect(() => quantizedRelu(8.5, 2)).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: quantizedRelu bits 8.5 is not allowed; expected an integer >= 1]`);
    expect(() => toQuantizer({ className: 'quantized_po2', config: {} })).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: quantizer "quantized_po2" is unknown; allowed quantizedBits, quantizedRelu, fixed]`);
  });
});
