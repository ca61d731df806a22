import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apFixed, apUfixed, fracBits } from '../fixed';
import { errorOf } from '../fixed/error-of.test-util';
import type { SparseTensor } from '../sparse/sparse-tensor';
import { inputReduceFixed } from './input-reduce';
import { fixedTypeArb, rawsArb } from './sparse-fixtures.test-util';
import {
  globalReciprocalTable,
  sparseGlobalPool2dFixed,
  sparseGlobalPool2dFixedBig,
  sparseGlobalPool2dFloat,
} from './sparse-global-pool2d';

// ap_fixed<8,3> raws (F = 5): slot 0 = (1, -0.5), slot 1 = (0.5, -1), slot 2 = (0, 0) valid but all
// zero, slot 3 = (-0.75, -0.25), slot 4 unused.
const T = apFixed(8, 3);
const feat = Float64Array.from([32, -16, 16, -32, 0, 0, -24, -8, 0, 0]);
const hash = Int32Array.from([1, 1, 1, 2, 2, 1, 2, 2, 1, 1]);
const shape = { nMax: 5, c: 2, h: 2, w: 2 };
const mask: SparseTensor = { shape, feat, hash, valid: Uint8Array.from([1, 1, 1, 1, 0]) };
const nonzero: SparseTensor = { shape, feat, hash };

describe('sparseGlobalPool2d', () => {
  it('max: the largest value of the active slots per channel (a valid all-zero slot counts under mask)', () => {
    const p = { mode: 'max' as const, reciprocalBits: 0, types: { input: T, result: T } };
    expect(Array.from(sparseGlobalPool2dFixed(mask, p))).toEqual([32, 0]); // slot 2's zero wins channel 1
    expect(Array.from(sparseGlobalPool2dFixed(nonzero, p))).toEqual([32, -8]); // slot 2 is inactive
  });

  it('avg: the sum times r_k with k the active count (mask: 4, nonzero: 3)', () => {
    // F = 16: r_4 = 0.25 exactly, r_3 = floor(65536/3)/65536. Result ap_fixed<24,3> (F = 21).
    const p = { mode: 'avg' as const, reciprocalBits: 16, types: { input: T, result: apFixed(24, 3), accum: apFixed(12, 6) } };
    // mask: sums (0.75, -1.75) / 4 = (0.1875, -0.4375) -> raws * 2^21
    expect(Array.from(sparseGlobalPool2dFixed(mask, p))).toEqual([0.1875 * 2 ** 21, -0.4375 * 2 ** 21]);
    // nonzero: 0.75 * 21845/65536 = 0.2499961853..., truncated to F = 21: floor(24 * 21845 / 2^8 ... ) exactly
    const r3 = 21845;
    const sumRaw = [24, -56]; // F = 5
    const expected = sumRaw.map((s) => Math.floor((s * r3) / 2 ** (5 + 16 - 21)));
    expect(Array.from(sparseGlobalPool2dFixed(nonzero, p))).toEqual(expected);
  });

  it('gives 0 when no slot is active, in both modes', () => {
    const empty: SparseTensor = { shape, feat: new Float64Array(10), hash: new Int32Array(10).fill(1), valid: new Uint8Array(5) };
    for (const mode of ['avg', 'max'] as const) {
      const p = { mode, reciprocalBits: 10, types: { input: T, result: apFixed(8, 1) } };
      expect(Array.from(sparseGlobalPool2dFixed(empty, p))).toEqual([0, 0]);
      expect(Array.from(sparseGlobalPool2dFloat(empty, { mode }))).toEqual([0, 0]);
    }
  });

  it('converts each step into a declared accumulator (saturation shows the order)', () => {
    // ap_fixed<5,2,AP_TRN,AP_SAT>: range [-2, 1.9375] at F = 3. Channel 0 mask: 1 -> 1.5 -> 1.5 -> 0.75.
    const acc = apFixed(5, 2, 'AP_TRN', 'AP_SAT');
    const p = { mode: 'avg' as const, reciprocalBits: 2, types: { input: T, result: apFixed(8, 3), accum: acc } };
    // r_4 = 0.25: 0.75 * 0.25 = 0.1875 -> raw 6; channel 1: -0.5 -1 -> -1.5 -> -1.5 -> -1.75, /4 = -0.4375 -> raw -14
    expect(Array.from(sparseGlobalPool2dFixed(mask, p))).toEqual([6, -14]);
  });

  it('the reciprocal table holds floor(2^F / k), entry 0 = 0', () => {
    expect(globalReciprocalTable(5, 4)).toEqual([0, 16, 8, 5, 4, 3]);
  });

  it('number path == bigint path, and the float form agrees within the output LSB (random events and types)', () => {
    const arb = fc
      .record({
        input: fixedTypeArb(2, 16),
        result: fixedTypeArb(2, 24),
        accum: fc.option(fixedTypeArb(4, 30), { nil: undefined }),
        bits: fc.integer({ min: 0, max: 24 }),
        mode: fc.constantFrom('avg' as const, 'max' as const),
        masked: fc.boolean(),
      })
      .chain((t) => rawsArb(t.input, 36).map((img) => ({ ...t, img })));
    fc.assert(
      fc.property(arb, ({ input, result, accum, bits, mode, masked, img }) => {
        const r = inputReduceFixed(img, { h: 6, w: 3, c: 2, nMax: 7, threshold: -1e9, input, mask: masked });
        const xs = r.tensor;
        const p = { mode, reciprocalBits: bits, types: { input, result, ...(accum && { accum }) } };
        const a = sparseGlobalPool2dFixed(xs, p);
        const b = sparseGlobalPool2dFixedBig({ ...xs, feat: Array.from(xs.feat, BigInt) }, p);
        expect(a).toEqual(Float64Array.from(b, Number));
      }),
      { numRuns: 300 },
    );
  });

  it('float form: max equals the fixed max; avg is within one output LSB (truncation) plus M(k-1)/2^F (reciprocal) of sum/k', () => {
    const input = apUfixed(8, 4);
    const result = apFixed(20, 6);
    fc.assert(
      fc.property(rawsArb(input, 36), (img) => {
        const xs = inputReduceFixed(img, { h: 6, w: 3, c: 2, nMax: 7, threshold: 0, input, mask: true }).tensor;
        const real = { ...xs, feat: Float64Array.from(xs.feat, (v) => v / 16) };
        const avg = sparseGlobalPool2dFixed(xs, { mode: 'avg', reciprocalBits: 24, types: { input, result } });
        const exact = sparseGlobalPool2dFloat(real, { mode: 'avg' });
        for (let ch = 0; ch < 2; ch++) expect(Math.abs(avg[ch]! / 2 ** fracBits(result) - exact[ch]!)).toBeLessThanOrEqual(2 ** -fracBits(result) + (16 * 6) / 2 ** 24); // float tolerance: real-number reference
        const max = sparseGlobalPool2dFixed(xs, { mode: 'max', reciprocalBits: 0, types: { input, result: input } });
        expect(Array.from(max, (v) => v / 16)).toEqual(Array.from(sparseGlobalPool2dFloat(real, { mode: 'max' })));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a wrong output length and an unknown mode, naming the layer', () => {
    expect(errorOf(() => sparseGlobalPool2dFloat(mask, { mode: 'avg', name: 'g' }, new Float64Array(3)))).toContain('layer "g"');
    expect(errorOf(() => sparseGlobalPool2dFloat(mask, { mode: 'sum' as 'avg', name: 'g' }))).toContain('mode "sum" is unknown');
  });
});
