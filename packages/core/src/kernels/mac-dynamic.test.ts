import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apFixed, apInt, fracBits } from '../fixed';
import type { SparseTensor } from '../sparse/sparse-tensor';
import {
  conv2dSameFixed,
  conv2dSameFixedBig,
  conv2dSameFixedReference,
  prepareConv2dSameFixed,
} from './baseline/conv2d-same';
import { denseFixed, denseFixedBig, denseFixedReference, prepareDenseFixed } from './dense-fixed';
import { bigRawsArb, macTypesArb, PathTally } from './mac-dynamic.test-util';
import { fixedTypeArb } from './sparse-fixtures.test-util';
import {
  prepareSparseConv2dFixed,
  sparseConv2dFixed,
  sparseConv2dFixedBig,
  sparseConv2dFixedReference,
} from './sparse-conv2d-fixed';

const toNum = (a: readonly bigint[]) => Float64Array.from(a, Number);
const P31 = 2n ** 31n - 1n;
const P22 = 2n ** 22n;

describe('dynamic exact form: float64 sums checked against 2^53 per event', () => {
  // ap_int<32> x ap_int<32> into ap_int<64>: the worst case (2^62 per term) defeats the static plan.
  const types = { input: apInt(32), weight: apInt(32), accum: apInt(64), result: apInt(64) };
  const d = prepareDenseFixed({ nIn: 2, nOut: 1, weights: [P22, P22 - 1n], types });

  it('runs an event on numbers when the bound is 2^53 - 1, on bigints when it exceeds it', () => {
    expect(d.strategy).toBe('step-bigint');
    // bound = (2^31 - 1) * 2^22 + 1 * (2^22 - 1) = 2^53 - 1: every partial sum is exact.
    expect(denseFixedBig([P31, 1n], d)).toEqual([P31 * P22 + (P22 - 1n)]);
    expect(d.counts).toEqual({ exact: 1, step: 0, bigint: 0 });
    // x2 = 3: the sum 2^53 + 2^23 - 3 is odd and above 2^53, which float64 cannot hold.
    expect(denseFixedBig([P31, 3n], d)).toEqual([P31 * P22 + 3n * (P22 - 1n)]);
    expect(d.counts).toEqual({ exact: 1, step: 0, bigint: 1 });
  });

  it('falls back when a partial sum could leave a tight accumulator, though the final sum fits', () => {
    // acc ap_int<8> with AP_SAT: the event bound 300 exceeds 127, so the steps saturate (the plain
    // sum would be 100); an event with bound 100 runs as an exact sum.
    const t = {
      input: apInt(8),
      weight: apInt(8),
      accum: apFixed(8, 8, 'AP_TRN', 'AP_SAT'),
      result: apInt(8),
    };
    const sat = prepareDenseFixed({ nIn: 3, nOut: 1, weights: [100n, 100n, -100n], types: t });
    expect(sat.strategy).toBe('step-number');
    expect(Array.from(denseFixed([1, 1, 1], sat))).toEqual([27]); // 100 + 100 -> 127, - 100 = 27
    expect(Array.from(denseFixed([1, 0, 0], sat))).toEqual([100]);
    expect(sat.counts).toEqual({ exact: 1, step: 1, bigint: 0 });
  });
});

describe('dynamic step form: per-step casts on numbers while max|w| * max|x| leaves room below 2^53', () => {
  // acc ap_int<53> AP_SAT: |acc| <= 2^52, so products up to 2^52 keep each step within 2^53.
  const types = {
    input: apInt(32),
    weight: apInt(32),
    accum: apFixed(53, 53, 'AP_TRN', 'AP_SAT'),
    result: apInt(53),
  };
  const d = prepareDenseFixed({ nIn: 2, nOut: 1, weights: [2n ** 30n, 2n ** 30n], types });

  it('saturates step by step on numbers, and uses bigints beyond the room', () => {
    expect(d.strategy).toBe('step-bigint');
    expect(d.dynamic.exactLimit).toBe(2 ** 52 - 1); // the accumulator's range is below 2^53
    // 2^51 + 2^51 = 2^52 saturates to 2^52 - 1 (exact check: bound 2^52 > 2^52 - 1 fails).
    expect(Array.from(denseFixed([2 ** 21, 2 ** 21], d))).toEqual([2 ** 52 - 1]);
    expect(d.counts).toEqual({ exact: 0, step: 1, bigint: 0 });
    expect(Array.from(denseFixed([2 ** 22 + 1, 1], d))).toEqual([2 ** 52 - 1]);
    expect(d.counts).toEqual({ exact: 0, step: 1, bigint: 1 });
  });
});

describe('sums that straddle 2^53', () => {
  // 28- to 32-bit weights and inputs of 20 to 26 bits into a 64-bit accumulator kept as the result,
  // so a float64 rounding anywhere would show in the output bits.
  const arb = fc
    .record({
      input: fixedTypeArb(28, 32, { signed: true }),
      weight: fixedTypeArb(28, 32, { signed: true }),
      xBits: fc.integer({ min: 20, max: 26 }),
    })
    .chain((r) => {
      const fa = fracBits(r.weight) + fracBits(r.input);
      const accum = apFixed(64, 64 - fa);
      return fc.record({
        types: fc.constant({ input: r.input, weight: r.weight, accum, result: accum }),
        w: bigRawsArb(r.weight, 8 * 2, 64),
        x: bigRawsArb(r.input, 8, r.xBits),
      });
    });

  it('Dense: exact on numbers below the bound, on bigints above, bits equal either way', () => {
    const tally = new PathTally();
    fc.assert(
      fc.property(arb, ({ types, w, x }) => {
        const d = prepareDenseFixed({ nIn: 8, nOut: 2, weights: w, types });
        expect(tally.record(d, () => denseFixedBig(x, d))).toEqual(denseFixedReference(x, d));
      }),
      { numRuns: 300 },
    );
    expect(tally.count('step-bigint:exact')).toBeGreaterThan(0);
    expect(tally.count('step-bigint:bigint')).toBeGreaterThan(0);
  });
});

/**
 * Random sparse events on a 4x4 grid: distinct slot positions (a pixel is kept once, as InputReduce
 * guarantees; the dynamic bound relies on it), features zero or not.
 */
function sparseEventArb(cin: number, bits: number, t: Parameters<typeof bigRawsArb>[0]) {
  return fc.integer({ min: 1, max: 5 }).chain((n) =>
    fc.record({
      feat: bigRawsArb(t, n * cin, bits),
      hash: fc
        .uniqueArray(fc.integer({ min: 0, max: 15 }), { minLength: n, maxLength: n })
        .map((cells) => cells.flatMap((p) => [Math.floor(p / 4) + 1, (p % 4) + 1])),
      n: fc.constant(n),
    }),
  );
}

const layerArb = fc.record({
  types: macTypesArb,
  cin: fc.integer({ min: 1, max: 3 }),
  cout: fc.integer({ min: 1, max: 3 }),
  // raw sizes in bits: 9 keeps float64 sums exact, 20..26 puts them near 2^53, 64 is full range
  wBits: fc.constantFrom(9, 64),
  xBits: fc.constantFrom(9, 20, 23, 26, 64),
  k: fc.constantFrom(1, 3),
});

type Layer = typeof layerArb extends fc.Arbitrary<infer L> ? L : never;

/** A random layer with `weights(l)` weights, a bias per filter and an input drawn by `input`. */
function caseArb<X>(weights: (l: Layer) => number, input: (l: Layer) => fc.Arbitrary<X>) {
  return layerArb.chain((l) =>
    fc.record({
      l: fc.constant(l),
      w: bigRawsArb(l.types.weight, weights(l), l.wBits),
      b: bigRawsArb(l.types.bias, l.cout, l.wBits),
      x: input(l),
    }),
  );
}

/** Both entry points equal the stepwise bigint reference; the tally must show every branch taken. */
function expectBranches(tally: PathTally): void {
  expect(tally.count('step-bigint:exact')).toBeGreaterThan(0); // dynamic exact form passed
  expect(tally.count('exact-check-failed')).toBeGreaterThan(0); // ... and failed
  expect(tally.count('step-bigint:step')).toBeGreaterThan(0); // dynamic step form passed
  expect(tally.count('step-bigint:bigint')).toBeGreaterThan(0); // both failed: bigint steps
}

describe('every dynamic path equals the stepwise bigint reference', () => {
  it('Dense', () => {
    const tally = new PathTally();
    const arb = caseArb((l) => 8 * l.cout, (l) => bigRawsArb(l.types.input, 8, l.xBits));
    fc.assert(
      fc.property(arb, ({ l, w, b, x }) => {
        const d = prepareDenseFixed({ nIn: 8, nOut: l.cout, weights: w, bias: b, types: l.types });
        const ref = denseFixedReference(x, d);
        expect(tally.record(d, () => denseFixedBig(x, d))).toEqual(ref);
        if (d.numberTypes) expect(denseFixed(toNum(x), d)).toEqual(toNum(ref));
      }),
      { numRuns: 600 },
    );
    expectBranches(tally);
  });

  it('SparseConv2D', () => {
    const tally = new PathTally();
    const arb = caseArb((l) => l.k * l.k * l.cin * l.cout, (l) => sparseEventArb(l.cin, l.xBits, l.types.input));
    fc.assert(
      fc.property(arb, ({ l, w, b, x: ev }) => {
        const conv = prepareSparseConv2dFixed({
          k: l.k,
          cin: l.cin,
          cout: l.cout,
          weights: w,
          bias: b,
          types: l.types,
        });
        const x: SparseTensor<bigint[]> = {
          shape: { nMax: ev.n, c: l.cin, h: 4, w: 4 },
          feat: ev.feat,
          hash: Int32Array.from(ev.hash),
        };
        const ref = sparseConv2dFixedReference(x, conv).feat;
        expect(tally.record(conv, () => sparseConv2dFixedBig(x, conv)).feat).toEqual(ref);
        if (conv.numberTypes)
          expect(sparseConv2dFixed({ ...x, feat: toNum(x.feat) }, conv).feat).toEqual(toNum(ref));
      }),
      { numRuns: 500 },
    );
    expectBranches(tally);
  });

  it('Conv2D (baseline, same padding)', () => {
    const tally = new PathTally();
    const arb = caseArb((l) => l.k * l.k * l.cin * l.cout, (l) => bigRawsArb(l.types.input, 9 * l.cin, l.xBits));
    fc.assert(
      fc.property(arb, ({ l, w, b, x }) => {
        const g = { h: 3, w: 3, k: l.k, cin: l.cin, cout: l.cout };
        const conv = prepareConv2dSameFixed({ ...g, weights: w, bias: b, types: l.types });
        const ref = conv2dSameFixedReference(x, conv);
        expect(tally.record(conv, () => conv2dSameFixedBig(x, conv))).toEqual(ref);
        if (conv.numberTypes) expect(conv2dSameFixed(toNum(x), conv)).toEqual(toNum(ref));
      }),
      { numRuns: 400 },
    );
    expectBranches(tally);
  });
});
