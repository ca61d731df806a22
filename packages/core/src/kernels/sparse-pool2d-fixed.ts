/**
 * Bit-exact SparsePooling2D (docs/semantics.md#sparse-pooling2d; cells and gathering as in sparse-pool2d.ts).
 * avg: `acc += v` per gathered value (one cast per step into the accumulator type, zeros of
 * inactive slots included), then `res = acc * r * r` with r = floor(2^F/P)/2^F held as
 * ap_ufixed<F+1,1> (F = reciprocalBits, 10 in v1; P = 1 gives r = 1): the exact product cast once
 * into the result type. Validity bits (activity "mask") as in sparse-pool2d.ts.
 * The accumulator defaults to poolAccumType(input, P), which holds any sum of P*P inputs exactly;
 * a declared accumulator is honoured (it wraps or saturates as it says).
 * max: the largest gathered raw (input type), then `res = max` (identical types copy bits).
 */
import { addType, apUfixed, castRaw, castRawBig, fracBits, mulType } from '../fixed';
import type { FixedType } from '../fixed';
import type { SparseTensor } from '../sparse/sparse-tensor';
import { validOf, whereOf } from './kernel-checks';
import { checkNumberType, MAX_NUMBER_WIDTH, rawConverter, rawConverterBig, rawRange } from './raw-cast';
import { pooledValidity, poolEvent, poolReciprocalRaw, V1_RECIPROCAL_BITS, type SparsePool2dParams } from './sparse-pool2d';

export interface SparsePool2dTypes {
  readonly input: FixedType;
  readonly result: FixedType;
  /** avg only; omitted = poolAccumType(input, p). */
  readonly accum?: FixedType;
}

export interface SparsePool2dFixedParams extends SparsePool2dParams {
  readonly types: SparsePool2dTypes;
}

/** The input type with ceil(log2(P*P)) more integer bits (AP_TRN, AP_WRAP): any P*P sum fits exactly. */
export function poolAccumType(input: FixedType, p: number): FixedType {
  const extra = Math.ceil(Math.log2(p * p));
  const t: FixedType = {
    ...input,
    width: input.width + extra,
    integer: input.integer + extra,
    quant: 'AP_TRN',
    overflow: 'AP_WRAP',
    satBits: 0,
  };
  return Object.freeze(t);
}

/** The type of r with F fraction bits: ap_ufixed<F+1,1> (v1: ap_ufixed<11,1>). */
export function reciprocalType(bits: number): FixedType {
  return apUfixed(bits + 1, 1);
}

interface PoolCasts {
  readonly acc: FixedType;
  readonly frac: number;
  readonly accScale: number;
  readonly valueScale: number;
  readonly accScaleBig: bigint;
  readonly valueScaleBig: bigint;
  readonly sumWidth: number;
  readonly outFrac: number;
  readonly outWidth: number;
  /** r * r as a raw with 2F fraction bits (exact up to F = 26; bigint above). */
  readonly rr: number;
  readonly rrBig: bigint;
  readonly fitsNumber: boolean;
  /** max: input -> result (number raws; identical types copy). */
  readonly toResult: (raw: number) => number;
}

const castCache = new WeakMap<SparsePool2dFixedParams, PoolCasts>();

/** The layer's constants, computed once per params object (callers reuse it for every event). */
function poolCasts(params: SparsePool2dFixedParams): PoolCasts {
  let k = castCache.get(params);
  if (k === undefined) {
    k = computePoolCasts(params);
    castCache.set(params, k);
  }
  return k;
}

function computePoolCasts(params: SparsePool2dFixedParams): PoolCasts {
  const { input } = params.types;
  const acc = params.types.accum ?? poolAccumType(input, params.p);
  const fa = fracBits(acc);
  const frac = Math.max(fa, fracBits(input));
  const bits = params.reciprocalBits ?? V1_RECIPROCAL_BITS;
  const rType = reciprocalType(bits);
  const product = mulType(mulType(acc, rType), rType);
  const rr = poolReciprocalRaw(params.p, bits);
  const k = {
    acc,
    frac,
    accScale: 2 ** (frac - fa),
    valueScale: 2 ** (frac - fracBits(input)),
    accScaleBig: 1n << BigInt(frac - fa),
    valueScaleBig: 1n << BigInt(frac - fracBits(input)),
    sumWidth: addType(acc, input).width,
    outFrac: fa + 2 * bits,
    outWidth: product.width,
    rr: rr * rr,
    rrBig: BigInt(rr) * BigInt(rr),
  };
  const narrow = input.width <= MAX_NUMBER_WIDTH && params.types.result.width <= MAX_NUMBER_WIDTH;
  const toResult = narrow ? rawConverter(input, params.types.result) : () => NaN;
  return { ...k, fitsNumber: fitsNumber(k, input), toResult };
}

/** Every exact intermediate of the number form is within 2^53. */
function fitsNumber(k: Omit<PoolCasts, 'fitsNumber' | 'toResult'>, input: FixedType): boolean {
  if (k.acc.width > MAX_NUMBER_WIDTH) return false;
  const big = (t: FixedType) => {
    const { lo, hi } = rawRange(t);
    return Number(-lo > hi ? -lo : hi);
  };
  const limit = 2 ** 53;
  return (
    big(k.acc) * k.accScale + big(input) * k.valueScale <= limit && k.rr <= limit && big(k.acc) * k.rr <= limit
  );
}

/** Number raws in and out (types up to 53 bits). */
export function sparsePool2dFixed(
  x: SparseTensor,
  params: SparsePool2dFixedParams,
  out?: Float64Array,
  outHash?: Int32Array,
): SparseTensor {
  const where = whereOf(params.name);
  const { input, result } = params.types;
  checkNumberType(input, 'SparsePooling2D input', where);
  checkNumberType(result, 'SparsePooling2D result', where);
  const k = poolCasts(params);
  if (params.mode === 'avg' && !k.fitsNumber) {
    const big = sparsePool2dFixedBig({ ...x, feat: Array.from(x.feat, BigInt) }, params, undefined, outHash);
    const feat = out ?? new Float64Array(big.feat.length);
    for (let i = 0; i < feat.length; i++) feat[i] = Number(big.feat[i]);
    return { shape: big.shape, feat, hash: big.hash, ...validOf(big) };
  }
  const { nMax, c } = x.shape;
  const { hash, owner, shape } = poolEvent(x, params, out?.length, outHash);
  const feat = out ?? new Float64Array(nMax * c);
  feat.fill(0);
  const toResult = k.toResult;
  for (let i = 0; i < nMax; i++) {
    if (owner[i] !== i) continue;
    for (let ch = 0; ch < c; ch++) {
      let acc = params.mode === 'avg' ? 0 : (x.feat[i * c + ch] as number);
      for (let j = i; j < nMax; j++) {
        if (owner[j] !== i) continue;
        const v = x.feat[j * c + ch] as number;
        if (params.mode === 'max') acc = v > acc ? v : acc;
        else acc = castRaw(acc * k.accScale + v * k.valueScale, k.frac, k.acc, k.sumWidth);
      }
      feat[i * c + ch] =
        params.mode === 'max' ? toResult(acc) : castRaw(acc * k.rr, k.outFrac, result, k.outWidth);
    }
  }
  return { shape, feat, hash, ...pooledValidity(x, owner, nMax) };
}

/** Bigint raws in and out (any declared width up to 64 bits). */
export function sparsePool2dFixedBig(
  x: SparseTensor<readonly bigint[]>,
  params: SparsePool2dFixedParams,
  out?: bigint[],
  outHash?: Int32Array,
): SparseTensor<bigint[]> {
  const { input, result } = params.types;
  const k = poolCasts(params);
  const { nMax, c } = x.shape;
  const { hash, owner, shape } = poolEvent(x, params, out?.length, outHash);
  const feat = out ?? new Array<bigint>(nMax * c);
  feat.fill(0n);
  const toResult = rawConverterBig(input, result);
  const { accScaleBig: accScale, valueScaleBig: valueScale } = k;
  const rr = k.rrBig;
  for (let i = 0; i < nMax; i++) {
    if (owner[i] !== i) continue;
    for (let ch = 0; ch < c; ch++) {
      let acc = params.mode === 'avg' ? 0n : (x.feat[i * c + ch] as bigint);
      for (let j = i; j < nMax; j++) {
        if (owner[j] !== i) continue;
        const v = x.feat[j * c + ch] as bigint;
        if (params.mode === 'max') acc = v > acc ? v : acc;
        else acc = castRawBig(acc * accScale + v * valueScale, k.frac, k.acc, k.sumWidth);
      }
      feat[i * c + ch] =
        params.mode === 'max' ? toResult(acc) : castRawBig(acc * rr, k.outFrac, result, k.outWidth);
    }
  }
  return { shape, feat, hash, ...pooledValidity(x, owner, nMax) };
}
