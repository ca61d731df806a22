import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apFixed, apUfixed, quantizeNumber } from '../fixed';
import { errorOf } from '../fixed/error-of.test-util';
import {
  inputReduceFixed,
  inputReduceFixedBig,
  inputReduceFixedFromFloat,
  inputReduceFloat,
} from './input-reduce';
import { fixedTypeArb, imageArb, rawsArb } from './sparse-fixtures.test-util';

// A 3x4 image with 2 channels, (h, w, c) order. Channel 0 decides activity.
//   row 0: 0.0  0.9  0.0  0.6
//   row 1: 0.5  0.0  0.7  0.0      (0.5 is not > 0.5)
//   row 2: 0.0  0.0  0.0  0.8
const ch0 = [0, 0.9, 0, 0.6, 0.5, 0, 0.7, 0, 0, 0, 0, 0.8];
const image = new Float64Array(24);
ch0.forEach((v, p) => {
  image[2 * p] = v;
  image[2 * p + 1] = p + 100; // channel 1 = pixel index + 100, so copied channels are recognisable
});

describe('inputReduceFloat', () => {
  it('keeps the first N active pixels in raster order with 1-based hashes and counts the rest', () => {
    // Active (> 0.5): (0,1) 0.9, (0,3) 0.6, (1,2) 0.7, (2,3) 0.8. With N = 3 the last is dropped.
    const { tensor, dropped } = inputReduceFloat(image, { h: 3, w: 4, c: 2, nMax: 3, threshold: 0.5 });
    expect(Array.from(tensor.feat)).toEqual([0.9, 101, 0.6, 103, 0.7, 106]);
    expect(Array.from(tensor.hash)).toEqual([1, 2, 1, 4, 2, 3]);
    expect(dropped).toBe(1);
    expect(tensor.shape).toEqual({ nMax: 3, c: 2, h: 3, w: 4 });
  });

  it('fills unused slots with zeros and hash (1, 1)', () => {
    const { tensor, dropped } = inputReduceFloat(image, { h: 3, w: 4, c: 2, nMax: 6, threshold: 0.65 });
    // Active (> 0.65): 0.9 at (0,1), 0.7 at (1,2), 0.8 at (2,3).
    expect(Array.from(tensor.feat)).toEqual([0.9, 101, 0.7, 106, 0.8, 111, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(tensor.hash)).toEqual([1, 2, 2, 3, 3, 4, 1, 1, 1, 1, 1, 1]);
    expect(dropped).toBe(0);
  });

  it('reuses an output buffer, clearing what a previous event left', () => {
    const first = inputReduceFloat(image, { h: 3, w: 4, c: 2, nMax: 4, threshold: 0 }).tensor;
    const { tensor } = inputReduceFloat(
      new Float64Array(24),
      { h: 3, w: 4, c: 2, nMax: 4, threshold: 0 },
      first,
    );
    expect(tensor).toBe(first);
    expect(Array.from(tensor.feat)).toEqual(new Array(8).fill(0));
    expect(Array.from(tensor.hash)).toEqual(new Array(8).fill(1));
  });

  it('rejects bad sizes with one-line messages', () => {
    const o = { h: 3, w: 4, c: 2, nMax: 3, threshold: 0 };
    expect(errorOf(() => inputReduceFloat(image, { ...o, nMax: 0 }))).toMatchInlineSnapshot(
      `"SP_KERNEL_ARG: InputReduce N = 0 is not allowed; expected an integer >= 1"`,
    );
    expect(
      errorOf(() => inputReduceFloat(image.subarray(1), { ...o, name: 'reduce' })),
    ).toMatchInlineSnapshot(
      `"SP_ARRAY_LENGTH: layer "reduce": InputReduce image (3x4x2) has 23 elements; expected 24"`,
    );
    expect(errorOf(() => inputReduceFloat(image, { ...o, w: 4.5 }))).toMatchInlineSnapshot(
      `"SP_KERNEL_ARG: InputReduce image width = 4.5 is not allowed; expected an integer >= 1"`,
    );
  });
});

describe('inputReduceFixed', () => {
  it('compares raws with the threshold cast to the input type with its own rounding', () => {
    // ap_ufixed<4,1,AP_RND>: 3 fraction bits. threshold 0.33 -> 2.64 LSB -> rounds to 3 (0.375).
    // Pixel raws 3 (0.375) and 4 (0.5): only raw 4 is > 3, though 0.375 > 0.33 in float.
    const t = apUfixed(4, 1, 'AP_RND');
    expect(quantizeNumber(0.33, t)).toBe(3);
    const img = Float64Array.from([3, 4, 0, 2]);
    const { tensor, dropped } = inputReduceFixed(img, { h: 2, w: 2, c: 1, nMax: 2, threshold: 0.33, input: t });
    expect(Array.from(tensor.feat)).toEqual([4, 0]);
    expect(Array.from(tensor.hash)).toEqual([1, 2, 1, 1]);
    expect(dropped).toBe(0);
    // In float the same pixel values 0.375 and 0.5 are both above 0.33.
    expect(
      inputReduceFloat([0.375, 0.5, 0, 0.25], { h: 2, w: 2, c: 1, nMax: 2, threshold: 0.33 }).tensor.feat,
    ).toEqual(Float64Array.from([0.375, 0.5]));
  });

  it('converts kept features to the result type', () => {
    // input ap_fixed<8,4> (F = 4), result ap_fixed<4,2> (F = 2, AP_TRN, AP_WRAP):
    // raw 37 = 2.3125 -> floor(37/4) = 9 -> wraps in 4 bits to -7 (-1.75); raw -6 = -0.375 -> floor(-1.5) = -2.
    const img = Float64Array.from([37, -6]);
    const { tensor } = inputReduceFixed(img, {
      h: 1,
      w: 1,
      c: 2,
      nMax: 1,
      threshold: 0,
      input: apFixed(8, 4),
      result: apFixed(4, 2),
    });
    expect(Array.from(tensor.feat)).toEqual([-7, -2]);
  });

  it('rejects types wider than 53 bits on the number path', () => {
    expect(
      errorOf(() => inputReduceFixed([0], { h: 1, w: 1, c: 1, nMax: 1, threshold: 0, input: apFixed(60, 30) })),
    ).toMatchInlineSnapshot(
      `"SP_TYPE_WIDE: InputReduce input type is 60 bits wide; number raws allow at most 53 bits (use the *FixedBig kernel)"`,
    );
  });

  it('number path equals bigint path on random images, types and thresholds', () => {
    const arb = fc
      .record({
        input: fixedTypeArb(2, 20),
        result: fixedTypeArb(2, 20),
        threshold: fc.double({ min: -4, max: 4, noNaN: true }),
      })
      .chain((r) =>
        fc
          .record({
            h: fc.integer({ min: 1, max: 6 }),
            w: fc.integer({ min: 1, max: 6 }),
            c: fc.integer({ min: 1, max: 2 }),
            nMax: fc.integer({ min: 1, max: 8 }),
          })
          .chain((s) => rawsArb(r.input, s.h * s.w * s.c).map((img) => ({ ...r, ...s, img }))),
      );
    fc.assert(
      fc.property(arb, ({ img, ...o }) => {
        const a = inputReduceFixed(img, o);
        const b = inputReduceFixedBig(Array.from(img, BigInt), o);
        expect(a.tensor.feat).toEqual(Float64Array.from(b.tensor.feat, Number));
        expect(a.tensor.hash).toEqual(b.tensor.hash);
        expect(a.dropped).toBe(b.dropped);
      }),
      { numRuns: 300 },
    );
  });

  it('with integer-valued images and a wide type, equals the float form', () => {
    fc.assert(
      fc.property(
        imageArb(),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 3 }),
        ({ h, w, c, image: img }, nMax, thr) => {
          const t = apFixed(16, 8); // F = 8: an integer v has raw v * 256
          const raws = img.map((v) => v * 256);
          const a = inputReduceFixed(raws, { h, w, c, nMax, threshold: thr, input: t });
          const b = inputReduceFloat(img, { h, w, c, nMax, threshold: thr });
          expect(a.tensor.feat).toEqual(b.tensor.feat.map((v) => v * 256));
          expect(a.tensor.hash).toEqual(b.tensor.hash);
          expect(a.dropped).toBe(b.dropped);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('from a float image: the same bits as quantizing every pixel first', () => {
    const arb = fc
      .record({
        input: fixedTypeArb(2, 12),
        result: fixedTypeArb(2, 12),
        threshold: fc.double({ min: -2, max: 2, noNaN: true }),
        h: fc.integer({ min: 1, max: 6 }),
        w: fc.integer({ min: 1, max: 6 }),
        c: fc.integer({ min: 1, max: 2 }),
        nMax: fc.integer({ min: 1, max: 8 }),
      })
      .chain((r) =>
        fc
          .array(fc.oneof(fc.constant(0), fc.double({ min: -40, max: 40, noNaN: true })), {
            minLength: r.h * r.w * r.c,
            maxLength: r.h * r.w * r.c,
          })
          .map((img) => ({ ...r, img: Float64Array.from(img) })),
      );
    fc.assert(
      fc.property(arb, ({ img, ...o }) => {
        const a = inputReduceFixedFromFloat(img, o);
        const b = inputReduceFixed(
          img.map((v) => quantizeNumber(v, o.input)),
          o,
        );
        expect(a.tensor.feat).toEqual(b.tensor.feat);
        expect(a.tensor.hash).toEqual(b.tensor.hash);
        expect(a.dropped).toBe(b.dropped);
      }),
      { numRuns: 300 },
    );
  });
});
