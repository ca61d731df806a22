/**
 * How a multiply-accumulate kernel (sparse conv, dense) may compute `acc += w * x` bit-exactly.
 * The normative semantics is one cast per step: the exact product is added exactly to acc and the
 * sum is quantized/overflowed into the accumulator type (castRaw with fracSrc = max(F_acc, F_w+F_x)).
 * When the types and the actual weights prove that no step can quantize or overflow, every cast
 * is the identity and a plain integer sum cast once at the end gives the same bits, much faster.
 * Decided once per layer (the weights are known); events the static strategy leaves to a slower
 * form may still take a faster one after a per-event check (mac-dynamic.ts).
 */
import { fracBits } from '../fixed';
import type { FixedType } from '../fixed';
import { fixedPointRange, MAX_NUMBER_WIDTH, rawRange } from './raw-cast';

export interface MacTypes {
  readonly input: FixedType;
  readonly weight: FixedType;
  readonly bias: FixedType;
  readonly accum: FixedType;
  readonly result: FixedType;
}

/**
 * - `exact-number`: no step quantizes or overflows and every partial sum is within 2^53: sum
 *   integers in float64 (weights pre-scaled to the accumulator's fraction bits), cast once.
 * - `step-number`: one castRaw per step; every exact intermediate is within 2^53.
 * - `step-bigint`: one castRawBig per step (the reference, always exact).
 */
export type MacStrategy = 'exact-number' | 'step-number' | 'step-bigint';

const LIMIT = 2n ** 53n;

function absBig(v: bigint): bigint {
  return v < 0n ? -v : v;
}

function maxBig(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

/** Sum of the negative and of the positive parts of every term w*x over x's range, per output. */
function termBounds(
  weights: readonly bigint[],
  nOut: number,
  x: FixedType,
): { neg: bigint[]; pos: bigint[] } {
  const { lo, hi } = rawRange(x);
  const neg = new Array<bigint>(nOut).fill(0n);
  const pos = new Array<bigint>(nOut).fill(0n);
  for (let t = 0; t < weights.length; t++) {
    const w = weights[t] as bigint;
    const a = w * lo;
    const b = w * hi;
    const f = t % nOut;
    neg[f] = (neg[f] as bigint) + (a < b ? (a < 0n ? a : 0n) : b < 0n ? b : 0n);
    pos[f] = (pos[f] as bigint) + (a > b ? (a > 0n ? a : 0n) : b > 0n ? b : 0n);
  }
  return { neg, pos };
}

/** True when every partial sum (bias included, before or after the terms) stays in the cast-invariant range. */
function exactSumsFit(
  types: MacTypes,
  weights: readonly bigint[],
  bias: readonly bigint[],
  nOut: number,
): boolean {
  const fa = fracBits(types.accum);
  const fp = fracBits(types.weight) + fracBits(types.input);
  const fb = fracBits(types.bias);
  if (fa < fp || fa < fb) return false;
  const sp = 1n << BigInt(fa - fp);
  const sb = 1n << BigInt(fa - fb);
  const { lo, hi } = fixedPointRange(types.accum);
  const { neg, pos } = termBounds(weights, nOut, types.input);
  for (let f = 0; f < nOut; f++) {
    const b = (bias[f] as bigint) * sb;
    const low = (neg[f] as bigint) * sp + (b < 0n ? b : 0n);
    const high = (pos[f] as bigint) * sp + (b > 0n ? b : 0n);
    if (low < lo || high > hi || -low > LIMIT || high > LIMIT) return false;
  }
  return true;
}

/** True when every exact intermediate of the stepwise form is within 2^53 (products, sums, bias step). */
function stepsFitNumber(types: MacTypes, weights: readonly bigint[], bias: readonly bigint[]): boolean {
  if (types.accum.width > MAX_NUMBER_WIDTH) return false;
  const fa = fracBits(types.accum);
  const fp = fracBits(types.weight) + fracBits(types.input);
  const fb = fracBits(types.bias);
  const xr = rawRange(types.input);
  const ar = rawRange(types.accum);
  const maxX = maxBig(absBig(xr.lo), xr.hi);
  const maxAcc = maxBig(absBig(ar.lo), ar.hi);
  let maxW = 0n;
  for (const w of weights) maxW = maxBig(maxW, absBig(w));
  let maxB = 0n;
  for (const b of bias) maxB = maxBig(maxB, absBig(b));
  const fs = Math.max(fa, fp);
  const fsb = Math.max(fa, fb);
  const step = maxAcc * (1n << BigInt(fs - fa)) + maxW * maxX * (1n << BigInt(fs - fp));
  const biasStep = maxAcc * (1n << BigInt(fsb - fa)) + maxB * (1n << BigInt(fsb - fb));
  return step <= LIMIT && biasStep <= LIMIT;
}

/**
 * Chooses the strategy for a layer. `weights` are raws laid out with the output index fastest
 * (Keras conv (kh, kw, cin, cout) and dense (in, out) both are); `bias` has one raw per output.
 * Number strategies also need every declared tensor type to fit number raws.
 */
export function planMac(
  types: MacTypes,
  weights: readonly bigint[],
  bias: readonly bigint[],
  nOut: number,
): MacStrategy {
  const { input, weight, result } = types;
  const narrow = [input, weight, types.bias, result].every((t) => t.width <= MAX_NUMBER_WIDTH);
  if (!narrow) return 'step-bigint';
  if (exactSumsFit(types, weights, bias, nOut)) return 'exact-number';
  if (stepsFitNumber(types, weights, bias)) return 'step-number';
  return 'step-bigint';
}
