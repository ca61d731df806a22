/**
 * Standard AveragePooling2D of the baseline CNN: stride P, 'valid', on a dense (h, w, c) image;
 * output floor(h/P) x floor(w/P) x c (rows and columns beyond are dropped). avg = sum * r * r with
 * the same r = floor(2^F/P)/2^F as the sparse pooling (F = reciprocalBits; docs/semantics.md), so both variants agree on the
 * same pixels. Bit-exact form: `acc += v` over the window (kh, kw ascending; one cast per step into
 * the accumulator type, default poolAccumType = exact), then the exact acc*r*r cast once into the
 * result type.
 */
import { SparsePixelsError } from '../../errors';
import { addType, castRaw, castRawBig, fracBits, mulType } from '../../fixed';
import type { FixedType } from '../../fixed';
import { checkInt, checkLength, whereOf } from '../kernel-checks';
import { checkNumberType, MAX_NUMBER_WIDTH, rawRange } from '../raw-cast';
import { checkReciprocalBits, poolReciprocalRaw, V1_RECIPROCAL_BITS } from '../sparse-pool2d';
import { poolAccumType, reciprocalType } from '../sparse-pool2d-fixed';

export interface AveragePool2dParams {
  readonly h: number;
  readonly w: number;
  readonly c: number;
  /** Pool size and stride P (<= h and w). */
  readonly p: number;
  /** Fraction bits F of r = floor(2^F/P)/2^F (default 10, the v1 constant). */
  readonly reciprocalBits?: number;
  readonly name?: string;
}

export interface AveragePool2dFixedParams extends AveragePool2dParams {
  readonly types: { readonly input: FixedType; readonly result: FixedType; readonly accum?: FixedType };
}

function check(
  x: { length: number },
  o: AveragePool2dParams,
  out: { length: number } | undefined,
): { ho: number; wo: number } {
  const where = whereOf(o.name);
  checkInt(o.h, 1, 'AveragePooling2D height', where);
  checkInt(o.w, 1, 'AveragePooling2D width', where);
  checkInt(o.c, 1, 'AveragePooling2D channels', where);
  checkInt(o.p, 1, 'AveragePooling2D pool size P', where);
  checkReciprocalBits(o.reciprocalBits ?? V1_RECIPROCAL_BITS, 'AveragePooling2D', where);
  if (o.p > o.h || o.p > o.w) {
    throw new SparsePixelsError(
      'SP_KERNEL_ARG',
      `AveragePooling2D pool size P = ${o.p} is larger than the ${o.h}x${o.w} grid; allowed P <= ${Math.min(o.h, o.w)}`,
      where,
    );
  }
  checkLength(x, o.h * o.w * o.c, `AveragePooling2D input (${o.h}x${o.w}x${o.c})`, where);
  const ho = Math.floor(o.h / o.p);
  const wo = Math.floor(o.w / o.p);
  if (out !== undefined) checkLength(out, ho * wo * o.c, 'AveragePooling2D output', where);
  return { ho, wo };
}

/** Calls visit(outIndex, inputIndices) per output element, the window in (kh, kw) order. */
function forWindows(
  o: AveragePool2dParams,
  ho: number,
  wo: number,
  visit: (out: number, window: readonly number[]) => void,
): void {
  const window: number[] = new Array<number>(o.p * o.p);
  for (let y = 0; y < ho; y++) {
    for (let x = 0; x < wo; x++) {
      for (let ch = 0; ch < o.c; ch++) {
        for (let kh = 0; kh < o.p; kh++) {
          for (let kw = 0; kw < o.p; kw++)
            window[kh * o.p + kw] = ((y * o.p + kh) * o.w + (x * o.p + kw)) * o.c + ch;
        }
        visit((y * wo + x) * o.c + ch, window);
      }
    }
  }
}

/** Float form: (sum * r) * r in float64 with the 10-bit r. */
export function averagePool2dFloat(
  x: ArrayLike<number>,
  o: AveragePool2dParams,
  out?: Float64Array,
): Float64Array {
  const { ho, wo } = check(x, o, out);
  const res = out ?? new Float64Array(ho * wo * o.c);
  const bits = o.reciprocalBits ?? V1_RECIPROCAL_BITS;
  const r = poolReciprocalRaw(o.p, bits) / 2 ** bits;
  forWindows(o, ho, wo, (i, window) => {
    let s = 0;
    for (const j of window) s += x[j] as number;
    res[i] = s * r * r;
  });
  return res;
}

/** The casts of the fixed form: `acc += v` and `res = acc * r * r` (r as ap_ufixed<F+1,1>). */
function casts(o: AveragePool2dFixedParams) {
  const { input } = o.types;
  const acc = o.types.accum ?? poolAccumType(input, o.p);
  const fa = fracBits(acc);
  const frac = Math.max(fa, fracBits(input));
  const bits = o.reciprocalBits ?? V1_RECIPROCAL_BITS;
  const rType = reciprocalType(bits);
  const r = poolReciprocalRaw(o.p, bits);
  return {
    acc,
    frac,
    accScale: 2 ** (frac - fa),
    valueScale: 2 ** (frac - fracBits(input)),
    sumWidth: addType(acc, input).width,
    outFrac: fa + 2 * bits,
    outWidth: mulType(mulType(acc, rType), rType).width,
    rr: r * r,
    rrBig: BigInt(r) * BigInt(r),
  };
}

function fitsNumber(k: ReturnType<typeof casts>, input: FixedType): boolean {
  const mag = (t: FixedType): number => {
    const { lo, hi } = rawRange(t);
    return Number(-lo > hi ? -lo : hi);
  };
  const limit = 2 ** 53;
  return (
    k.acc.width <= MAX_NUMBER_WIDTH &&
    mag(k.acc) * k.accScale + mag(input) * k.valueScale <= limit &&
    k.rr <= limit &&
    mag(k.acc) * k.rr <= limit
  );
}

/** Number raws in and out (types up to 53 bits); falls back to bigints inside when needed. */
export function averagePool2dFixed(
  x: ArrayLike<number>,
  o: AveragePool2dFixedParams,
  out?: Float64Array,
): Float64Array {
  const where = whereOf(o.name);
  const { ho, wo } = check(x, o, out);
  checkNumberType(o.types.input, 'AveragePooling2D input', where);
  checkNumberType(o.types.result, 'AveragePooling2D result', where);
  const res = out ?? new Float64Array(ho * wo * o.c);
  const k = casts(o);
  if (!fitsNumber(k, o.types.input)) {
    const big = averagePool2dFixedBig(Array.from(x, BigInt), o);
    for (let i = 0; i < res.length; i++) res[i] = Number(big[i]);
    return res;
  }
  forWindows(o, ho, wo, (i, window) => {
    let acc = 0;
    for (const j of window)
      acc = castRaw(acc * k.accScale + (x[j] as number) * k.valueScale, k.frac, k.acc, k.sumWidth);
    res[i] = castRaw(acc * k.rr, k.outFrac, o.types.result, k.outWidth);
  });
  return res;
}

/** Bigint raws in and out (any declared width up to 64 bits). */
export function averagePool2dFixedBig(
  x: ArrayLike<bigint>,
  o: AveragePool2dFixedParams,
  out?: bigint[],
): bigint[] {
  const { ho, wo } = check(x, o, out);
  const res = out ?? new Array<bigint>(ho * wo * o.c);
  const k = casts(o);
  const accScale = BigInt(k.accScale);
  const valueScale = BigInt(k.valueScale);
  const rr = k.rrBig;
  forWindows(o, ho, wo, (i, window) => {
    let acc = 0n;
    for (const j of window)
      acc = castRawBig(acc * accScale + (x[j] as bigint) * valueScale, k.frac, k.acc, k.sumWidth);
    res[i] = castRawBig(acc * rr, k.outFrac, o.types.result, k.outWidth);
  });
  return res;
}
