/**
 * Test helpers for the kernel tests: random images and types (fast-check) and straightforward dense
 * references (written independently of the kernels: plain loops over the scattered image).
 */
import fc from 'fast-check';
import { apFixed, apUfixed, fracBits, OVERFLOW_MODES, QUANT_MODES, rawMax, rawMin } from '../fixed';
import type { FixedType, OverflowMode } from '../fixed';
import type { SparseTensor } from '../sparse/sparse-tensor';

export interface ImageCase {
  readonly h: number;
  readonly w: number;
  readonly c: number;
  /** (h, w, c) values; pixel (y, x) is active iff channel 0 > 0. */
  readonly image: Float64Array;
}

/**
 * Sparse images with integer values in [-maxAbs, maxAbs] (channel 0 positive on active pixels,
 * 0 elsewhere), a fraction `density` of pixels active.
 */
export function imageArb(
  opts: { maxSide?: number; maxC?: number; maxAbs?: number; minSide?: number } = {},
): fc.Arbitrary<ImageCase> {
  const { maxSide = 9, maxC = 3, maxAbs = 7, minSide = 1 } = opts;
  return fc
    .record({
      h: fc.integer({ min: minSide, max: maxSide }),
      w: fc.integer({ min: minSide, max: maxSide }),
      c: fc.integer({ min: 1, max: maxC }),
    })
    .chain(({ h, w, c }) =>
      fc
        .array(
          fc.record({
            on: fc.boolean(),
            ch0: fc.integer({ min: 1, max: maxAbs }),
            rest: fc.array(fc.integer({ min: -maxAbs, max: maxAbs }), { minLength: c - 1, maxLength: c - 1 }),
          }),
          { minLength: h * w, maxLength: h * w },
        )
        .map((pixels) => {
          const image = new Float64Array(h * w * c);
          pixels.forEach((p, k) => {
            if (!p.on) return;
            image[k * c] = p.ch0;
            p.rest.forEach((v, j) => (image[k * c + 1 + j] = v));
          });
          return { h, w, c, image };
        }),
    );
}

/** Integers in [lo, hi] as a Float64Array of the given length. */
export function intArrayArb(length: number, lo: number, hi: number): fc.Arbitrary<Float64Array> {
  return fc
    .array(fc.integer({ min: lo, max: hi }), { minLength: length, maxLength: length })
    .map((a) => Float64Array.from(a));
}


/** Declared fixed types with every Q/O (AP_WRAP_SM only on signed types), widths in [minW, maxW]. */
export function fixedTypeArb(
  minW: number,
  maxW: number,
  opts: { signed?: boolean } = {},
): fc.Arbitrary<FixedType> {
  return fc
    .record({
      signed: opts.signed === undefined ? fc.boolean() : fc.constant(opts.signed),
      width: fc.integer({ min: minW, max: maxW }),
      intOffset: fc.integer({ min: -3, max: 3 }),
      quant: fc.constantFrom(...QUANT_MODES),
      overflow: fc.constantFrom(...OVERFLOW_MODES),
      satBits: fc.integer({ min: 0, max: 2 }),
    })
    .map(({ signed, width, intOffset, quant, overflow, satBits }) => {
      const integer = Math.round(width / 2) + intOffset;
      const o = overflow === 'AP_WRAP_SM' && !signed ? 'AP_WRAP' : overflow;
      const n = o === 'AP_WRAP' || o === 'AP_WRAP_SM' ? Math.min(satBits, width) : 0;
      return signed ? apFixed(width, integer, quant, o, n) : apUfixed(width, integer, quant, o, n);
    });
}

/**
 * The types of a random MAC layer (input, weight, bias, result) and its accumulator: random
 * ('narrow'), wide enough to be exact ('wide'), or just the fraction bits needed with 1..`edgeIntMax`
 * integer bits ('edge'), so the MAC plan must decide on the bounds.
 */
export function macTypesArb(edgeIntMax: number): fc.Arbitrary<{ input: FixedType; weight: FixedType; bias: FixedType; result: FixedType; accum: FixedType; accKind: 'narrow' | 'wide' | 'edge' }> {
  return fc
    .record({
      input: fixedTypeArb(2, 12),
      weight: fixedTypeArb(2, 12),
      bias: fixedTypeArb(2, 12),
      result: fixedTypeArb(2, 16),
      narrowAcc: fixedTypeArb(2, 24),
      accKind: fc.constantFrom('narrow' as const, 'wide' as const, 'edge' as const),
      edgeInt: fc.integer({ min: 1, max: edgeIntMax }),
      edgeSigned: fc.boolean(),
      edgeO: fc.constantFrom('AP_WRAP', 'AP_SAT', 'AP_SAT_SYM') as fc.Arbitrary<OverflowMode>,
    })
    .map(({ input, weight, bias, result, narrowAcc, accKind, edgeInt, edgeSigned, edgeO }) => {
      const fa = Math.max(fracBits(weight) + fracBits(input), fracBits(bias));
      const ia = Math.max(edgeInt, 1 - fa);
      const edge = (edgeSigned ? apFixed : apUfixed)(ia + fa, ia, 'AP_TRN', edgeO);
      const accum = accKind === 'wide' ? apFixed(48, 48 - fa) : accKind === 'edge' ? edge : narrowAcc;
      return { input, weight, bias, result, accum, accKind };
    });
}

/** Random raws of a type (number form; width <= 53). */
export function rawsArb(t: FixedType, length: number): fc.Arbitrary<Float64Array> {
  return intArrayArb(length, rawMin(t), rawMax(t));
}

/** Dense (h, w, c) image of a sparse tensor written independently of sparseFlatten: active slots only. */
export function scatterActive(x: SparseTensor<ArrayLike<number>>): Float64Array {
  const { nMax, c, h, w } = x.shape;
  const img = new Float64Array(h * w * c);
  for (let i = 0; i < nMax; i++) {
    let active = false;
    for (let k = 0; k < c; k++) if (x.feat[i * c + k] !== 0) active = true;
    if (!active) continue;
    const y = (x.hash[2 * i] as number) - 1;
    const z = (x.hash[2 * i + 1] as number) - 1;
    for (let k = 0; k < c; k++) img[(y * w + z) * c + k] = x.feat[i * c + k] as number;
  }
  return img;
}

/** Dense 'same' stride-1 cross-correlation (Keras Conv2D) of an (h, w, cin) image, no bias, float64. */
export function denseConvSame(
  img: Float64Array,
  h: number,
  w: number,
  cin: number,
  k: number,
  cout: number,
  weights: ArrayLike<number>,
): Float64Array {
  const r = (k - 1) / 2;
  const out = new Float64Array(h * w * cout);
  for (let y = 0; y < h; y++)
    for (let z = 0; z < w; z++)
      for (let f = 0; f < cout; f++) {
        let s = 0;
        for (let a = 0; a < k; a++)
          for (let b = 0; b < k; b++) {
            const yy = y + a - r;
            const zz = z + b - r;
            if (yy < 0 || yy >= h || zz < 0 || zz >= w) continue;
            for (let c = 0; c < cin; c++)
              s +=
                (weights[((a * k + b) * cin + c) * cout + f] as number) *
                (img[(yy * w + zz) * cin + c] as number);
          }
        out[(y * w + z) * cout + f] = s;
      }
  return out;
}
