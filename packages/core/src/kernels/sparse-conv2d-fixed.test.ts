import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apFixed, apInt, castRawBig, fracBits, rawToNumber } from '../fixed';
import type { FixedType } from '../fixed';
import { errorOf } from '../fixed/error-of.test-util';
import type { SparseTensor } from '../sparse/sparse-tensor';
import { inputReduceFixed } from './input-reduce';
import { sparseConv2dFloat } from './sparse-conv2d';
import {
  prepareSparseConv2dFixed,
  sparseConv2dFixed,
  sparseConv2dFixedBig,
  sparseConv2dFixedReference,
} from './sparse-conv2d-fixed';
import { macTypesArb, rawsArb } from './sparse-fixtures.test-util';

function one(c: number, feat: number[]): SparseTensor {
  return { shape: { nMax: 1, c, h: 1, w: 1 }, feat: Float64Array.from(feat), hash: Int32Array.from([1, 1]) };
}

describe('sparseConv2dFixed: the accumulator is cast after every step', () => {
  it('saturates a narrow AP_SAT accumulator step by step', () => {
    // K = 1, three input channels (terms in channel order), input ap_int<8>, weights ap_fixed<8,4> (F = 4),
    // acc ap_fixed<6,3,AP_TRN,AP_SAT>: F = 3, range [-4, 3.875].
    // terms: 1.5*2 = 3.0 -> acc 3.0; 1.0*1 -> 4.0 saturates to 3.875; -1.0*1 -> 2.875 (exact sum: 3.0).
    const conv = prepareSparseConv2dFixed({
      k: 1,
      cin: 3,
      cout: 1,
      weights: [24, 16, -16], // 1.5, 1.0, -1.0 with F = 4
      types: {
        input: apInt(8),
        weight: apFixed(8, 4),
        accum: apFixed(6, 3, 'AP_TRN', 'AP_SAT'),
        result: apFixed(8, 5),
      },
    });
    expect(conv.strategy).toBe('step-number');
    const y = sparseConv2dFixed(one(3, [2, 1, 1]), conv);
    expect(Array.from(y.feat)).toEqual([23]); // 2.875 * 8
    expect(sparseConv2dFixedBig({ ...one(3, []), feat: [2n, 1n, 1n] }, conv).feat).toEqual([23n]);
  });

  it('rounds every step into the accumulator (AP_TRN and AP_RND)', () => {
    // Four terms of 0.125 (weights ap_fixed<8,4> raw 2, inputs ap_int<8> 1) into acc with F = 2.
    // AP_TRN: 0.125 -> 0 every time: result 0 (exact sum 0.5).
    // AP_RND: 0.125 -> 0.25 (0.5 LSB rounds up), 0.375 -> 0.5, 0.625 -> 0.75, 0.875 -> 1.0: raw 4.
    const base = { k: 1, cin: 4, cout: 1, weights: [2, 2, 2, 2] };
    const types = (q: 'AP_TRN' | 'AP_RND') => ({
      input: apInt(8),
      weight: apFixed(8, 4),
      accum: apFixed(8, 6, q),
      result: apFixed(8, 6),
    });
    const x = one(4, [1, 1, 1, 1]);
    expect(
      Array.from(sparseConv2dFixed(x, prepareSparseConv2dFixed({ ...base, types: types('AP_TRN') })).feat),
    ).toEqual([0]);
    expect(
      Array.from(sparseConv2dFixed(x, prepareSparseConv2dFixed({ ...base, types: types('AP_RND') })).feat),
    ).toEqual([4]);
  });

  it('adds the bias with the same rule, only when acc != 0, then converts to the result type', () => {
    // acc ap_int<4> (AP_WRAP): 7*1 = 7; bias 2 -> 9 wraps to -7; result ap_fixed<8,8> keeps -7.
    // A second slot whose terms cancel gets no bias.
    const conv = prepareSparseConv2dFixed({
      k: 3,
      cin: 1,
      cout: 1,
      weights: [0, 0, 0, 0, 7, -7, 0, 0, 0],
      bias: [2],
      types: { input: apInt(4), weight: apInt(4), bias: apInt(4), accum: apInt(4), result: apFixed(8, 8) },
    });
    // slot 0 (1,1)=1, right neighbour (1,2)=1: 7 - 7 = 0; slot 1 (1,2): w[1][0]=0, self 7 -> 7 + 2 -> -7.
    const x: SparseTensor = {
      shape: { nMax: 2, c: 1, h: 3, w: 3 },
      feat: Float64Array.from([1, 1]),
      hash: Int32Array.from([1, 1, 1, 2]),
    };
    expect(Array.from(sparseConv2dFixed(x, conv).feat)).toEqual([0, -7]);
  });

  it('uses bigint steps when intermediates exceed 2^53 (24-bit x 24-bit over 243 terms)', () => {
    // K = 9, Cin = 3: 243 terms of up to 2^23 * 2^23 = 2^46: sums reach 2^53.9. acc ap_fixed<64,40> cannot
    // overflow, so the result is the exact sum cast once; compare with a plain bigint sum.
    const t24 = apFixed(24, 8); // F = 16, so products have F = 32
    const weights = new Array(243).fill(0).map((_, i) => (i % 2 ? 8388607 - (i % 7) : -8388608 + (i % 7)));
    const types = {
      input: t24,
      weight: t24,
      accum: apFixed(64, 32),
      result: apFixed(40, 20, 'AP_RND', 'AP_SAT'),
    };
    const conv = prepareSparseConv2dFixed({ k: 9, cin: 3, cout: 1, weights, types });
    expect(conv.strategy).toBe('step-bigint');
    // one active slot at the centre of a 9x9 grid and 26 more around it, all at extreme values
    const nMax = 27;
    const hash: number[] = [];
    const feat: number[] = [];
    for (let s = 0; s < nMax; s++) {
      hash.push(1 + (s % 9), 1 + Math.floor(s / 9) * 4);
      feat.push(8388607 - s, -8388608 + s, 8388000 + s);
    }
    const x: SparseTensor = {
      shape: { nMax, c: 3, h: 9, w: 9 },
      feat: Float64Array.from(feat),
      hash: Int32Array.from(hash),
    };
    const y = sparseConv2dFixed(x, conv);
    for (let i = 0; i < nMax; i++) {
      let sum = 0n;
      for (let j = 0; j < nMax; j++) {
        const dh = hash[2 * j]! - hash[2 * i]!;
        const dw = hash[2 * j + 1]! - hash[2 * i + 1]!;
        if (Math.abs(dh) > 4 || Math.abs(dw) > 4) continue;
        for (let c = 0; c < 3; c++)
          sum += BigInt(weights[((4 + dh) * 9 + 4 + dw) * 3 + c]!) * BigInt(feat[j * 3 + c]!);
      }
      // the exact sum has F = 32; the accumulator too (so no step quantizes) and no overflow at 64 bits
      expect(y.feat[i]).toBe(Number(castRawBig(sum, 32, types.result, 64)));
    }
  });
});

/** A random layer: its types (the accumulator narrow, exact or at the edge), geometry, weights and image. */
const layerArb = fc
  .record({
    types: macTypesArb(14),
    k: fc.constantFrom(1, 3, 5),
    cin: fc.integer({ min: 1, max: 2 }),
    cout: fc.integer({ min: 1, max: 2 }),
    nMax: fc.integer({ min: 1, max: 10 }),
    h: fc.integer({ min: 5, max: 7 }),
    w: fc.integer({ min: 5, max: 7 }),
  })
  .chain(({ types, ...g }) =>
    fc.record({
      r: fc.constant({ ...types, ...g }),
      weights: rawsArb(types.weight, g.k * g.k * g.cin * g.cout),
      bias: rawsArb(types.bias, g.cout),
      image: rawsArb(types.input, g.h * g.w * g.cin),
    }),
  );

/** The input tensor of a case: InputReduce of its image. */
function reduceImage(r: { h: number; w: number; cin: number; nMax: number; input: FixedType }, image: Float64Array) {
  return inputReduceFixed(image, { h: r.h, w: r.w, c: r.cin, nMax: r.nMax, threshold: 0, input: r.input }).tensor;
}

describe('sparseConv2dFixed properties', () => {
  it('number path == bigint path, for every strategy', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(layerArb, ({ r, weights, bias, image }) => {
        const conv = prepareSparseConv2dFixed({ ...r, weights, bias, types: r });
        seen.add(conv.strategy);
        if (r.accKind === 'edge') seen.add(`edge-${conv.strategy}`);
        const x = reduceImage(r, image);
        const a = sparseConv2dFixed(x, conv);
        const xBig = { ...x, feat: Array.from(x.feat, BigInt) };
        const reference = sparseConv2dFixedReference(xBig, conv);
        expect(sparseConv2dFixedBig(xBig, conv).feat).toEqual(reference.feat);
        expect(a.feat).toEqual(Float64Array.from(reference.feat, Number));
      }),
      { numRuns: 600 },
    );
    expect([...seen].sort()).toEqual([
      'edge-exact-number',
      'edge-step-number',
      'exact-number',
      'step-number',
    ]);
  });

  it('with a wide exact accumulator equals the float kernel on grid values', () => {
    fc.assert(
      fc.property(layerArb, ({ r, weights, bias, image }) => {
        const fa = Math.max(fracBits(r.weight) + fracBits(r.input), fracBits(r.bias));
        const accum = apFixed(48, 48 - fa);
        const conv = prepareSparseConv2dFixed({ ...r, weights, bias, types: { ...r, accum, result: accum } });
        const x = reduceImage(r, image);
        const y = sparseConv2dFixed(x, conv);
        const real = (raws: ArrayLike<number>, t: FixedType) => Array.from(raws, (v) => rawToNumber(v, t));
        const xf = { ...x, feat: Float64Array.from(real(x.feat, r.input)) };
        const yf = sparseConv2dFloat(xf, {
          ...r,
          weights: real(weights, r.weight),
          bias: real(bias, r.bias),
        });
        expect(real(y.feat, accum)).toEqual(Array.from(yf.feat));
      }),
      { numRuns: 300 },
    );
  });
});

describe('prepareSparseConv2dFixed', () => {
  it('rejects weights off their type', () => {
    const types = { input: apInt(4), weight: apInt(4), accum: apInt(8), result: apInt(8) };
    expect(
      errorOf(() => prepareSparseConv2dFixed({ k: 1, cin: 1, cout: 1, weights: [8], types, name: 'c' })),
    ).toMatchInlineSnapshot(
      `"SP_KERNEL_ARG: layer "c": SparseConv2D weights[0] raw 8 is not an integer in ap_int<4>'s raw range -8..7"`,
    );
    expect(
      errorOf(() => prepareSparseConv2dFixed({ k: 1, cin: 1, cout: 1, weights: [1.5], types })),
    ).toMatchInlineSnapshot(
      `"SP_KERNEL_ARG: SparseConv2D weights[0] raw 1.5 is not an integer in ap_int<4>'s raw range -8..7"`,
    );
  });
});
