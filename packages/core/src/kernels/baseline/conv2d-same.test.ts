import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apFixed, fracBits, rawMax, rawMin } from '../../fixed';
import type { FixedType } from '../../fixed';
import { conv2dSameFixed, conv2dSameFixedBig, conv2dSameFloat, prepareConv2dSameFixed, type Conv2dSameGeometry } from './conv2d-same';

/** Weights for K=3, cin=cout=1: only taps (1,1) = 1, (1,2) = 10 and (2,1) = 100 are non-zero. */
function sparseKernel(): number[] {
  const w = new Array<number>(9).fill(0);
  w[1 * 3 + 1] = 1;
  w[1 * 3 + 2] = 10;
  w[2 * 3 + 1] = 100;
  return w;
}

describe('conv2dSameFloat', () => {
  it('adds the bias to every output and treats padding as zeros (hand-computed)', () => {
    // out(y, x) = 0.5 + x(y, x) + 10 x(y, x+1) + 100 x(y+1, x), outside pixels = 0
    const image = [1, 2, 0, 0, 0, 0, 0, 0, 3];
    const out = conv2dSameFloat(image, {
      h: 3,
      w: 3,
      cin: 1,
      cout: 1,
      k: 3,
      weights: sparseKernel(),
      bias: [0.5],
    });
    expect(Array.from(out)).toEqual([21.5, 2.5, 0.5, 0.5, 0.5, 300.5, 0.5, 30.5, 3.5]);
  });

  it('uses the Keras (kh, kw, cin, cout) layout', () => {
    // 1x1 kernel, cin = 2, cout = 2: out[f] = sum_c w[c][f] * x[c]; w = [[1, 2], [3, 4]]
    const out = conv2dSameFloat([5, 7], { h: 1, w: 1, cin: 2, cout: 2, k: 1, weights: [1, 2, 3, 4] });
    expect(Array.from(out)).toEqual([5 * 1 + 7 * 3, 5 * 2 + 7 * 4]);
  });

  it('rejects bad geometry with one-line messages', () => {
    const p = { h: 3, w: 3, cin: 1, cout: 1, weights: new Array<number>(16).fill(0) };
    expect(() => conv2dSameFloat(new Array(9).fill(0), { ...p, k: 4 })).toThrowErrorMatchingInlineSnapshot(
      `[SparsePixelsError: Conv2D kernel size K = 4 is even; K must be odd]`,
    );
    expect(() =>
      conv2dSameFloat(new Array(9).fill(0), {
        ...p,
        k: 5,
        weights: new Array<number>(25).fill(0),
        name: 'c1',
      }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[SparsePixelsError: layer "c1": Conv2D kernel size K = 5 is larger than the 3x3 grid; allowed K <= 3]`,
    );
    expect(() =>
      conv2dSameFloat(new Array(8).fill(0), { ...p, k: 3, weights: sparseKernel() }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[SparsePixelsError: Conv2D input (3x3x1) has 8 elements; expected 9]`,
    );
  });
});

const xT = apFixed(6, 3);
const wT = apFixed(5, 2);
const bT = apFixed(6, 2);

/** Raws and values drawn on a type's grid. */
function gridArb(t: FixedType, n: number) {
  return fc.array(fc.integer({ min: rawMin(t), max: rawMax(t) }), { minLength: n, maxLength: n });
}

const geometryArb = fc
  .record({
    h: fc.integer({ min: 1, max: 5 }),
    w: fc.integer({ min: 1, max: 5 }),
    cin: fc.integer({ min: 1, max: 2 }),
    cout: fc.integer({ min: 1, max: 2 }),
    k: fc.constantFrom(1, 3, 5),
  })
  .filter((g) => g.k <= g.h && g.k <= g.w);

const caseArb = geometryArb.chain((g) =>
  fc.record({
    g: fc.constant(g),
    x: gridArb(xT, g.h * g.w * g.cin),
    w: gridArb(wT, g.k * g.k * g.cin * g.cout),
    b: gridArb(bT, g.cout),
  }),
);

/** The prepared layer of a case with `accum` as accumulator and result type. */
function prepareCase(g: Conv2dSameGeometry, w: number[], b: number[], accum: FixedType) {
  return prepareConv2dSameFixed({ ...g, weights: w, bias: b, types: { input: xT, weight: wT, bias: bT, accum, result: accum } });
}

describe('conv2dSameFixed', () => {
  it('with an exact accumulator equals the float form on grid values', () => {
    const accum = apFixed(40, 20);
    fc.assert(
      fc.property(caseArb, ({ g, x, w, b }) => {
        const conv = prepareCase(g, w, b, accum);
        const raws = conv2dSameFixed(x, conv);
        const sx = 2 ** -fracBits(xT);
        const float = conv2dSameFloat(
          x.map((v) => v * sx),
          {
            ...g,
            weights: w.map((v) => v * 2 ** -fracBits(wT)),
            bias: b.map((v) => v * 2 ** -fracBits(bT)),
          },
        );
        // Values on dyadic grids with few bits: float64 sums are exact, so compare exactly.
        expect(Array.from(raws, (r) => r * 2 ** -fracBits(accum))).toEqual(Array.from(float));
      }),
      { numRuns: 200 },
    );
  });

  it('wraps a narrow accumulator at every step exactly like an independent bigint reference', () => {
    // accum F = Fx + Fw = 3 + 3 = 6 >= Fb = 4, AP_TRN/AP_WRAP: each step is acc = wrap(acc + w*x).
    const accum = apFixed(9, 3);
    fc.assert(
      fc.property(caseArb, ({ g, x, w, b }) => {
        const conv = prepareCase(g, w, b, accum);
        const expected = referenceWrap(g, x, w, b, accum.width, 2 ** (fracBits(accum) - fracBits(bT)));
        expect(Array.from(conv2dSameFixed(x, conv))).toEqual(expected.map(Number));
        expect(conv2dSameFixedBig(x.map(BigInt), conv)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

/** acc = wrap(bias << s); acc = wrap(acc + w*x) over taps (kh, kw, c) with padding skipped (0 adds nothing under WRAP). */
function referenceWrap(
  g: { h: number; w: number; cin: number; cout: number; k: number },
  x: number[],
  w: number[],
  b: number[],
  width: number,
  biasScale: number,
): bigint[] {
  const r = (g.k - 1) / 2;
  const out: bigint[] = [];
  for (let y = 0; y < g.h; y++) {
    for (let xx = 0; xx < g.w; xx++) {
      for (let f = 0; f < g.cout; f++) {
        let acc = BigInt.asIntN(width, BigInt(b[f]! * biasScale));
        for (let kh = 0; kh < g.k; kh++) {
          for (let kw = 0; kw < g.k; kw++) {
            const iy = y + kh - r;
            const ix = xx + kw - r;
            if (iy < 0 || iy >= g.h || ix < 0 || ix >= g.w) continue;
            for (let c = 0; c < g.cin; c++) {
              const wv = BigInt(w[((kh * g.k + kw) * g.cin + c) * g.cout + f]!);
              acc = BigInt.asIntN(width, acc + wv * BigInt(x[(iy * g.w + ix) * g.cin + c]!));
            }
          }
        }
        out.push(acc);
      }
    }
  }
  return out;
}
