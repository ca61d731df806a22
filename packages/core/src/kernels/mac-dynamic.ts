/**
 * Per-event checks that let a MAC layer run on plain numbers when the static plan (mac-plan.ts)
 * cannot prove it for every possible input, but the actual event is small (sparse inputs, small
 * activations). Both checks are sufficient conditions computed in float64 whose rounding can only
 * make them fail, never pass wrongly; when a check fails the event runs on bigints.
 *
 * - exact form: no product or bias has more fraction bits than the accumulator. Let
 *   S = max|bias| + sum_k |x_k| * max_row(k)|w| (weights scaled to the accumulator's fraction bits).
 *   Every partial sum of every output lies in [-S, S]. If the computed S <= limit, with
 *   limit = min(2^53 - 1, the accumulator's cast-invariant range), every intermediate of S was an
 *   integer below 2^53 (rounding is monotone: a true value >= 2^53 rounds to >= 2^53), so S is
 *   exact, every product and partial sum is an integer below 2^53 (exact in float64) and no
 *   per-step cast changes anything: the float sum equals the stepwise bigint result.
 * - step form (accumulator up to 53 bits): each step adds acc * 2^a + w * x * 2^b. If
 *   max|w| * max|x| <= productLimit = floor((2^53 - max|acc| * 2^a) / 2^b), every step's exact
 *   value is within 2^53, where castRaw on numbers is exact.
 */
import { fracBits } from '../fixed';
import type { FixedType } from '../fixed';
import { fixedPointRange, rawRange } from './raw-cast';

const TWO53 = 2n ** 53n;

export interface MacDynamic {
  /** Largest bound S of the exact form (see above); -1 when the exact form is unavailable. */
  readonly exactLimit: number;
  /** Weights and bias scaled to the accumulator's fraction bits (empty when unavailable). */
  readonly exactWeights: Float64Array;
  readonly exactBias: Float64Array;
  /** Per input channel c (weight row r feeds channel r % period): max |scaled weight| of its rows. */
  readonly exactChannelMax: Float64Array;
  readonly exactBiasMax: number;
  /** Largest max|w| * max|x| of the step form; -1 when unavailable. */
  readonly stepProductLimit: number;
  readonly stepWeightMax: number;
  /** Plain weight and bias raws (empty when some raw exceeds 2^53). */
  readonly stepWeights: Float64Array;
  readonly stepBias: Float64Array;
}

export interface MacDynamicInput {
  readonly accum: FixedType;
  readonly bias: FixedType;
  /** Shape of the exact product w * x: its fraction bits. */
  readonly productFrac: number;
  /** `acc += w*x` and `acc += bias` step scalings (mac-layer's StepCast). */
  readonly term: { readonly accScaleBig: bigint; readonly valueScaleBig: bigint };
  readonly biasStep: { readonly accScaleBig: bigint; readonly valueScaleBig: bigint };
}

const abs = (v: bigint): bigint => (v < 0n ? -v : v);

function maxAbs(a: readonly bigint[]): bigint {
  let m = 0n;
  for (const v of a) if (abs(v) > m) m = abs(v);
  return m;
}

const EMPTY = new Float64Array(0);

function exactForm(
  p: MacDynamicInput,
  weights: readonly bigint[],
  bias: readonly bigint[],
  nOut: number,
  period: number,
): Pick<MacDynamic, 'exactLimit' | 'exactWeights' | 'exactBias' | 'exactChannelMax' | 'exactBiasMax'> {
  const fa = fracBits(p.accum);
  const fb = fracBits(p.bias);
  const none = {
    exactLimit: -1,
    exactWeights: EMPTY,
    exactBias: EMPTY,
    exactChannelMax: EMPTY,
    exactBiasMax: 0,
  };
  if (fa < p.productFrac || fa < fb) return none;
  const sp = 1n << BigInt(fa - p.productFrac);
  const sb = 1n << BigInt(fa - fb);
  const { lo, hi } = fixedPointRange(p.accum);
  const limitBig = [TWO53 - 1n, hi, -lo].reduce((a, b) => (a < b ? a : b));
  const biasMax = maxAbs(bias) * sb;
  if (limitBig < 0n || biasMax > limitBig) return none;
  const chan = new Array<bigint>(period).fill(0n);
  for (let t = 0; t < weights.length; t++) {
    const c = Math.floor(t / nOut) % period;
    const v = abs(weights[t] as bigint) * sp;
    if (v > (chan[c] as bigint)) chan[c] = v;
  }
  // Number(v) of an integer >= 2^53 is >= 2^53 > limit, so an oversized weight only makes checks fail.
  return {
    exactLimit: Number(limitBig),
    exactWeights: Float64Array.from(weights, (w) => Number(w * sp)),
    exactBias: Float64Array.from(bias, (b) => Number(b * sb)),
    exactChannelMax: Float64Array.from(chan, Number),
    exactBiasMax: Number(biasMax),
  };
}

function stepForm(
  p: MacDynamicInput,
  weights: readonly bigint[],
  bias: readonly bigint[],
): Pick<MacDynamic, 'stepProductLimit' | 'stepWeightMax' | 'stepWeights' | 'stepBias'> {
  const wMax = maxAbs(weights);
  const bMax = maxAbs(bias);
  if (wMax > TWO53 || bMax > TWO53) {
    return { stepProductLimit: -1, stepWeightMax: 0, stepWeights: EMPTY, stepBias: EMPTY };
  }
  const stepWeights = Float64Array.from(weights, Number);
  const stepBias = Float64Array.from(bias, Number);
  const base = { stepWeightMax: Number(wMax), stepWeights, stepBias };
  const r = rawRange(p.accum);
  const accMax = abs(r.lo) > r.hi ? abs(r.lo) : r.hi;
  const biasStep = accMax * p.biasStep.accScaleBig + bMax * p.biasStep.valueScaleBig;
  const room = TWO53 - accMax * p.term.accScaleBig;
  if (p.accum.width > 53 || biasStep > TWO53 || room < 0n) return { ...base, stepProductLimit: -1 };
  return { ...base, stepProductLimit: Number(room / p.term.valueScaleBig) };
}

/**
 * Plans both dynamic forms once per layer. `weights` has the output index fastest; weight row
 * r = t / nOut multiplies input channel r % period (dense: period = nIn; convs: period = cin).
 */
export function planMacDynamic(
  p: MacDynamicInput,
  weights: readonly bigint[],
  bias: readonly bigint[],
  nOut: number,
  period: number,
): MacDynamic {
  return { ...exactForm(p, weights, bias, nOut, period), ...stepForm(p, weights, bias) };
}

/** The bound S of the exact form for one event (x laid out channel fastest, period channels). */
export function exactBound(x: ArrayLike<number>, d: MacDynamic): number {
  const chan = d.exactChannelMax;
  const period = chan.length;
  let s = d.exactBiasMax;
  let c = 0;
  for (let k = 0; k < x.length; k++) {
    const v = x[k] as number;
    if (v !== 0) s += Math.abs(v) * (chan[c] as number);
    if (++c === period) c = 0;
  }
  return s;
}

/** True when every step of the step form is within 2^53 for this event. */
export function stepFits(x: ArrayLike<number>, d: MacDynamic): boolean {
  if (d.stepProductLimit < 0) return false;
  let m = 0;
  for (let k = 0; k < x.length; k++) {
    const v = Math.abs(x[k] as number);
    if (v > m) m = v;
  }
  return m * d.stepWeightMax <= d.stepProductLimit;
}
