/**
 * SparseGlobalPooling2D(avg | max) (docs/semantics.md, "SparseGlobalPooling2D"): a sparse tensor
 * of N slots and C channels becomes a dense vector of C values, per channel the maximum or the
 * average over the event's active slots (valid bit under activity "mask", any non-zero feature
 * under "nonzero"). With k active slots:
 *   max: the first active slot's value, replaced by any later active value that is strictly
 *        greater, converted to the result type; 0 when k = 0.
 *   avg: acc = 0; acc += x[j][c] for the active slots j ascending (one conversion per step into
 *        the accumulator type); out = acc * r_k exactly, converted once, with the per-count
 *        reciprocal r_k = floor(2^F / k) / 2^F held as ap_ufixed<F+1,1> (r_0 = 0, so k = 0 gives 0).
 * The float form uses the same r_k when F is given, else the exact 1/k (training).
 */
import { SparsePixelsError } from '../errors';
import { addType, castRaw, castRawBig, fracBits, mulType } from '../fixed';
import type { FixedType } from '../fixed';
import type { SparseTensor } from '../sparse/sparse-tensor';
import { checkLength, checkSparseTensor, isSlotActive, whereOf } from './kernel-checks';
import { checkNumberType, MAX_NUMBER_WIDTH, rawConverter, rawConverterBig, rawRange } from './raw-cast';
import { checkReciprocalBits, type PoolMode } from './sparse-pool2d';
import { reciprocalType } from './sparse-pool2d-fixed';

export interface SparseGlobalPool2dParams {
  readonly mode: PoolMode;
  /** avg: fraction bits F of r_k = floor(2^F/k)/2^F (0..32); the float form uses 1/k without it. */
  readonly reciprocalBits?: number;
  readonly name?: string;
}

export interface SparseGlobalPool2dFixedParams extends SparseGlobalPool2dParams {
  readonly reciprocalBits: number;
  readonly types: {
    readonly input: FixedType;
    readonly result: FixedType;
    /** avg only; omitted = the input type with ceil(log2 N) more integer bits (any N-term sum fits). */
    readonly accum?: FixedType;
  };
}

/** The raw of r_k = floor(2^F / k) / 2^F (F fraction bits); 0 for k = 0. */
export function globalReciprocalRaw(k: number, bits: number): number {
  return k === 0 ? 0 : Math.floor(2 ** bits / k);
}

/** The reciprocal table of a layer: raws of r_0 ... r_nMax (what the firmware indexes by k). */
export function globalReciprocalTable(nMax: number, bits: number): number[] {
  return Array.from({ length: nMax + 1 }, (_, k) => globalReciprocalRaw(k, bits));
}

/** The accumulator an N-slot average needs when none is given: every sum of N inputs is exact. */
export function globalPoolAccumType(input: FixedType, nMax: number): FixedType {
  const extra = Math.ceil(Math.log2(nMax));
  return Object.freeze({ ...input, width: input.width + extra, integer: input.integer + extra, quant: 'AP_TRN', overflow: 'AP_WRAP', satBits: 0 } as FixedType);
}

function check(x: SparseTensor<ArrayLike<number> | readonly bigint[]>, p: SparseGlobalPool2dParams, out?: { length: number }): void {
  const where = whereOf(p.name);
  checkSparseTensor(x, 'SparseGlobalPooling2D input', where);
  if (x.valid) checkLength(x.valid, x.shape.nMax, 'SparseGlobalPooling2D input validity bits', where);
  if (p.mode !== 'avg' && p.mode !== 'max') {
    throw new SparsePixelsError('SP_KERNEL_ARG', `SparseGlobalPooling2D mode "${String(p.mode)}" is unknown; allowed avg, max`, where);
  }
  if (p.reciprocalBits !== undefined) checkReciprocalBits(p.reciprocalBits, 'SparseGlobalPooling2D', where);
  if (out !== undefined) checkLength(out, x.shape.c, 'SparseGlobalPooling2D output', where);
}

/** The active slots of one event, ascending. */
function activeSlots(x: SparseTensor<ArrayLike<number> | readonly bigint[]>): number[] {
  const s: number[] = [];
  for (let i = 0; i < x.shape.nMax; i++) if (isSlotActive(x, i)) s.push(i);
  return s;
}

/** Float form (training and the float reference): avg = sum * r_k, max = the largest value. */
export function sparseGlobalPool2dFloat(x: SparseTensor, params: SparseGlobalPool2dParams, out?: Float64Array): Float64Array {
  check(x, params, out);
  const { c } = x.shape;
  const res = out ?? new Float64Array(c);
  const slots = activeSlots(x);
  const k = slots.length;
  const bits = params.reciprocalBits;
  const r = bits === undefined ? (k === 0 ? 0 : 1 / k) : globalReciprocalRaw(k, bits) / 2 ** bits;
  for (let ch = 0; ch < c; ch++) {
    let acc = 0;
    for (const [n, j] of slots.entries()) {
      const v = x.feat[j * c + ch]!;
      acc = params.mode === 'avg' ? acc + v : n === 0 || v > acc ? v : acc;
    }
    res[ch] = params.mode === 'avg' ? acc * r : acc;
  }
  return res;
}

/** The layer's constant types (computed per call; a layer has C outputs, so this is cheap). */
function avgTypes(params: SparseGlobalPool2dFixedParams, nMax: number) {
  const { input } = params.types;
  const acc = params.types.accum ?? globalPoolAccumType(input, nMax);
  const fa = fracBits(acc);
  const frac = Math.max(fa, fracBits(input));
  const product = mulType(acc, reciprocalType(params.reciprocalBits));
  return { acc, fa, frac, sumWidth: addType(acc, input).width, outFrac: fa + params.reciprocalBits, outWidth: product.width };
}

/** Number raws (types up to 53 bits); falls back to bigints when an exact intermediate would not fit 2^53. */
export function sparseGlobalPool2dFixed(x: SparseTensor, params: SparseGlobalPool2dFixedParams, out?: Float64Array): Float64Array {
  const where = whereOf(params.name);
  const { input, result } = params.types;
  checkNumberType(input, 'SparseGlobalPooling2D input', where);
  checkNumberType(result, 'SparseGlobalPooling2D result', where);
  check(x, params, out);
  const { nMax, c } = x.shape;
  const res = out ?? new Float64Array(c);
  const slots = activeSlots(x);
  if (params.mode === 'max') {
    const toResult = rawConverter(input, result);
    for (let ch = 0; ch < c; ch++) {
      let best = 0;
      for (const [n, j] of slots.entries()) {
        const v = x.feat[j * c + ch]!;
        if (n === 0 || v > best) best = v;
      }
      res[ch] = slots.length === 0 ? 0 : toResult(best);
    }
    return res;
  }
  const t = avgTypes(params, nMax);
  const mag = (ty: FixedType) => {
    const { lo, hi } = rawRange(ty);
    return Number(-lo > hi ? -lo : hi);
  };
  const fits =
    t.acc.width <= MAX_NUMBER_WIDTH &&
    mag(t.acc) * 2 ** (t.frac - t.fa) + mag(input) * 2 ** (t.frac - fracBits(input)) <= 2 ** 53 &&
    mag(t.acc) * 2 ** params.reciprocalBits <= 2 ** 53;
  if (!fits) {
    const big = sparseGlobalPool2dFixedBig({ ...x, feat: Array.from(x.feat, BigInt) }, params);
    for (let ch = 0; ch < c; ch++) res[ch] = Number(big[ch]);
    return res;
  }
  const r = globalReciprocalRaw(slots.length, params.reciprocalBits);
  const accScale = 2 ** (t.frac - t.fa);
  const valueScale = 2 ** (t.frac - fracBits(input));
  for (let ch = 0; ch < c; ch++) {
    let acc = 0;
    for (const j of slots) acc = castRaw(acc * accScale + x.feat[j * c + ch]! * valueScale, t.frac, t.acc, t.sumWidth);
    res[ch] = castRaw(acc * r, t.outFrac, result, t.outWidth);
  }
  return res;
}

/** Bigint raws (any declared width up to 64 bits). */
export function sparseGlobalPool2dFixedBig(
  x: SparseTensor<readonly bigint[]>,
  params: SparseGlobalPool2dFixedParams,
  out?: bigint[],
): bigint[] {
  check(x, params, out);
  const { input, result } = params.types;
  const { nMax, c } = x.shape;
  const res = out ?? new Array<bigint>(c);
  const slots = activeSlots(x);
  if (params.mode === 'max') {
    const toResult = rawConverterBig(input, result);
    for (let ch = 0; ch < c; ch++) {
      let best = 0n;
      for (const [n, j] of slots.entries()) {
        const v = x.feat[j * c + ch]!;
        if (n === 0 || v > best) best = v;
      }
      res[ch] = slots.length === 0 ? 0n : toResult(best);
    }
    return res;
  }
  const t = avgTypes(params, nMax);
  const r = BigInt(globalReciprocalRaw(slots.length, params.reciprocalBits));
  const accScale = 1n << BigInt(t.frac - t.fa);
  const valueScale = 1n << BigInt(t.frac - fracBits(input));
  for (let ch = 0; ch < c; ch++) {
    let acc = 0n;
    for (const j of slots) acc = castRawBig(acc * accScale + x.feat[j * c + ch]! * valueScale, t.frac, t.acc, t.sumWidth);
    res[ch] = castRawBig(acc * r, t.outFrac, result, t.outWidth);
  }
  return res;
}
