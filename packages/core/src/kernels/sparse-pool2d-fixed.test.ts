import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apFixed, apInt, apUfixed, fracBits, rawToNumber } from '../fixed';
import type { FixedType } from '../fixed';
import { errorOf } from '../fixed/error-of.test-util';
import type { SparseTensor } from '../sparse/sparse-tensor';
import { inputReduceFixed } from './input-reduce';
import { fixedTypeArb, rawsArb } from './sparse-fixtures.test-util';
import { sparsePool2dFloat } from './sparse-pool2d';
import { poolAccumType, sparsePool2dFixed, sparsePool2dFixedBig } from './sparse-pool2d-fixed';

function tensor(h: number, w: number, c: number, feat: number[], hash: number[]): SparseTensor {
  return {
    shape: { nMax: hash.length / 2, c, h, w },
    feat: Float64Array.from(feat),
    hash: Int32Array.from(hash),
  };
}

// Four 3.5 values (ap_ufixed<6,2>, F = 4: raw 56) in one 2x2 cell.
const cell = tensor(2, 2, 1, [56, 56, 56, 56], [1, 1, 1, 2, 2, 1, 2, 2]);
const u62 = apUfixed(6, 2);

describe('sparsePool2dFixed', () => {
  it('avg with the default accumulator is exact: 4 * 3.5 * 0.25 = 3.5', () => {
    expect(poolAccumType(u62, 2)).toEqual(apUfixed(8, 4)); // + ceil(log2 4) = 2 integer bits
    const y = sparsePool2dFixed(cell, { p: 2, mode: 'avg', types: { input: u62, result: apUfixed(8, 4) } });
    expect(Array.from(y.feat)).toEqual([56, 0, 0, 0]); // 3.5 with F = 4
  });

  it('avg honours a declared narrow accumulator, which wraps as declared', () => {
    // accum ap_ufixed<8,2> (F = 6, range [0, 4)): 3.5; 7.0 -> 3.0; 6.5 -> 2.5; 6.0 -> 2.0; * 0.25 = 0.5.
    const types = { input: u62, result: apUfixed(8, 4), accum: apUfixed(8, 2) };
    expect(Array.from(sparsePool2dFixed(cell, { p: 2, mode: 'avg', types }).feat)).toEqual([8, 0, 0, 0]);
    // the same accumulator with AP_SAT stops at 3.984375 (raw 255): 255/64 * 0.25 = 0.99609375 -> F = 4: floor(15.94) = 15.
    const sat = { ...types, accum: apUfixed(8, 2, 'AP_TRN', 'AP_SAT') };
    expect(Array.from(sparsePool2dFixed(cell, { p: 2, mode: 'avg', types: sat }).feat)).toEqual([
      15, 0, 0, 0,
    ]);
  });

  it('avg multiplies by r * r exactly and casts once (P = 3)', () => {
    // 9 (ap_int<8>) * (341/1024)^2 = 1046529 * 2^-20 -> result F = 12, AP_TRN: floor(1046529 / 256) = 4088.
    const y = sparsePool2dFixed(tensor(3, 3, 1, [9], [2, 2]), {
      p: 3,
      mode: 'avg',
      types: { input: apInt(8), result: apFixed(16, 4) },
    });
    expect(Array.from(y.feat)).toEqual([4088]);
    // AP_RND: 4088.0039 rounds to 4088 as well; a result with F = 20 keeps all bits.
    const z = sparsePool2dFixed(tensor(3, 3, 1, [9], [2, 2]), {
      p: 3,
      mode: 'avg',
      types: { input: apInt(8), result: apFixed(32, 12) },
    });
    expect(Array.from(z.feat)).toEqual([1046529]);
  });

  it('max: largest raw, converted to the result type', () => {
    // ap_fixed<8,4> raws 20 (1.25), -30, 7 in one cell; result ap_fixed<6,3> (F = 3): 1.25 -> raw 10.
    const x = tensor(2, 2, 1, [20, -30, 7], [1, 1, 2, 2, 1, 2]);
    const y = sparsePool2dFixed(x, {
      p: 2,
      mode: 'max',
      types: { input: apFixed(8, 4), result: apFixed(6, 3) },
    });
    expect(Array.from(y.feat)).toEqual([10, 0, 0]);
  });

  it('number path == bigint path on random types, accumulators and events', () => {
    const arb = fc
      .record({
        input: fixedTypeArb(2, 14),
        result: fixedTypeArb(2, 20),
        accum: fc.option(fixedTypeArb(2, 24)),
        p: fc.integer({ min: 1, max: 3 }),
        mode: fc.constantFrom('avg', 'max') as fc.Arbitrary<'avg' | 'max'>,
        nMax: fc.integer({ min: 1, max: 12 }),
        h: fc.integer({ min: 3, max: 7 }),
        w: fc.integer({ min: 3, max: 7 }),
        c: fc.integer({ min: 1, max: 2 }),
      })
      .chain((r) => rawsArb(r.input, r.h * r.w * r.c).map((image) => ({ ...r, image })));
    fc.assert(
      fc.property(arb, ({ image, accum, ...r }) => {
        const types = { input: r.input, result: r.result, ...(accum === null ? {} : { accum }) };
        const x = inputReduceFixed(image, { ...r, threshold: -1e9, input: r.input }).tensor;
        const a = sparsePool2dFixed(x, { ...r, types });
        const b = sparsePool2dFixedBig({ ...x, feat: Array.from(x.feat, BigInt) }, { ...r, types });
        expect(a.feat).toEqual(Float64Array.from(b.feat, Number));
        expect(a.hash).toEqual(b.hash);
      }),
      { numRuns: 400 },
    );
  });

  it('with the default accumulator and a result type that keeps every bit, equals the float form', () => {
    const arb = fc
      .record({
        input: fixedTypeArb(2, 12),
        p: fc.integer({ min: 1, max: 4 }),
        mode: fc.constantFrom('avg', 'max') as fc.Arbitrary<'avg' | 'max'>,
      })
      .chain((r) => rawsArb(r.input, 36).map((image) => ({ ...r, image })));
    fc.assert(
      fc.property(arb, ({ input, p, mode, image }) => {
        const f = fracBits(input) + 20;
        const result: FixedType = apFixed(40, 40 - f); // integer bits >= input's + 5, F = F_in + 20
        const x = inputReduceFixed(image, { h: 6, w: 6, c: 1, nMax: 16, threshold: -1e9, input }).tensor;
        const y = sparsePool2dFixed(x, { p, mode, types: { input, result } });
        const xf = { ...x, feat: x.feat.map((v) => rawToNumber(v, input)) };
        expect(Array.from(y.feat, (v) => rawToNumber(v, result))).toEqual(
          Array.from(sparsePool2dFloat(xf, { p, mode }).feat),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('rejects wide types on the number path', () => {
    expect(
      errorOf(() =>
        sparsePool2dFixed(cell, { p: 2, mode: 'avg', types: { input: u62, result: apFixed(54, 4) } }),
      ),
    ).toMatchInlineSnapshot(
      `"SP_TYPE_WIDE: SparsePooling2D result type is 54 bits wide; number raws allow at most 53 bits (use the *FixedBig kernel)"`,
    );
  });
});
