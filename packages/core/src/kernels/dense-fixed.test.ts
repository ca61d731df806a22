import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apFixed, apInt, castRawBig, fracBits, rawToNumber } from '../fixed';
import type { FixedType } from '../fixed';
import { denseFloat } from './dense';
import { denseFixed, denseFixedBig, denseFixedReference, prepareDenseFixed } from './dense-fixed';
import { macTypesArb, rawsArb } from './sparse-fixtures.test-util';

describe('denseFixed', () => {
  it('accumulates bias first, then inputs ascending, casting every step', () => {
    // acc ap_int<4,AP_SAT> via ap_fixed<4,4,AP_TRN,AP_SAT>: bias 7; + 1*1 = 8 -> 7; + (-3)*1 = 4.
    // (Bias last would give 1 - 3 + 7 = 5.)
    const d = prepareDenseFixed({
      nIn: 2,
      nOut: 1,
      weights: [1, -3],
      bias: [7],
      types: {
        input: apInt(4),
        weight: apInt(4),
        bias: apInt(4),
        accum: apFixed(4, 4, 'AP_TRN', 'AP_SAT'),
        result: apInt(8),
      },
    });
    expect(Array.from(denseFixed([1, 1], d))).toEqual([4]);
    expect(denseFixedBig([1n, 1n], d)).toEqual([4n]);
  });

  it('converts the bias into the accumulator type first', () => {
    // bias ap_fixed<8,4> raw 3 (0.1875) -> acc ap_fixed<8,6> (F = 2, AP_TRN): floor(0.75) = 0; + 0.25*1 -> 0.25 (raw 1).
    const d = prepareDenseFixed({
      nIn: 1,
      nOut: 1,
      weights: [1],
      bias: [3],
      types: {
        input: apInt(4),
        weight: apFixed(4, 0),
        bias: apFixed(8, 4),
        accum: apFixed(8, 6),
        result: apFixed(8, 6),
      },
    });
    // weight ap_fixed<4,0> raw 1 = 0.0625 (F = 4) times input 4 = 0.25.
    expect(Array.from(denseFixed([4], d))).toEqual([1]);
  });

  it('uses bigint steps for 24-bit x 24-bit over 243 inputs', () => {
    const t24 = apFixed(24, 8);
    const types = {
      input: t24,
      weight: t24,
      accum: apFixed(64, 32),
      result: apFixed(40, 20, 'AP_RND', 'AP_SAT'),
    };
    const weights = Array.from({ length: 243 }, (_, i) => (i % 2 ? 8388607 - i : -8388608 + i));
    const d = prepareDenseFixed({ nIn: 243, nOut: 1, weights, types });
    expect(d.strategy).toBe('step-bigint');
    const x = Array.from({ length: 243 }, (_, i) => (i % 2 ? 8388607 : -8388608) - (i % 5));
    const exact = weights.reduce((s, w, i) => s + BigInt(w) * BigInt(x[i]!), 0n); // F = 32, no overflow in 64 bits
    expect(Array.from(denseFixed(x, d))).toEqual([Number(castRawBig(exact, 32, types.result, 64))]);
  });

  const arb = fc
    .record({ types: macTypesArb(16), nIn: fc.integer({ min: 1, max: 30 }), nOut: fc.integer({ min: 1, max: 3 }) })
    .chain(({ types, nIn, nOut }) =>
      fc.record({
        r: fc.constant({ ...types, nIn, nOut }),
        weights: rawsArb(types.weight, nIn * nOut),
        bias: rawsArb(types.bias, nOut),
        x: rawsArb(types.input, nIn),
      }),
    );

  it('number path == bigint path == stepwise bigint reference, for every strategy', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(arb, ({ r, weights, bias, x }) => {
        const d = prepareDenseFixed({ ...r, weights, bias, types: r });
        seen.add(d.strategy);
        const reference = denseFixedReference(Array.from(x, BigInt), d);
        expect(denseFixedBig(Array.from(x, BigInt), d)).toEqual(reference);
        expect(denseFixed(x, d)).toEqual(Float64Array.from(reference, Number));
      }),
      { numRuns: 500 },
    );
    expect([...seen].sort()).toEqual(['exact-number', 'step-number']);
  });

  it('with a wide exact accumulator equals the float form on grid values', () => {
    fc.assert(
      fc.property(arb, ({ r, weights, bias, x }) => {
        const fa = Math.max(fracBits(r.weight) + fracBits(r.input), fracBits(r.bias));
        const accum = apFixed(48, 48 - fa);
        const d = prepareDenseFixed({ ...r, weights, bias, types: { ...r, accum, result: accum } });
        const real = (raws: ArrayLike<number>, t: FixedType) => Array.from(raws, (v) => rawToNumber(v, t));
        const yf = denseFloat(real(x, r.input), {
          ...r,
          weights: real(weights, r.weight),
          bias: real(bias, r.bias),
        });
        expect(real(denseFixed(x, d), accum)).toEqual(Array.from(yf));
      }),
      { numRuns: 300 },
    );
  });
});
