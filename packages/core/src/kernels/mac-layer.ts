/**
 * A multiply-accumulate layer (sparse conv or dense) prepared once: types resolved, weight and bias
 * raws checked and converted, strategy chosen (mac-plan.ts), and the per-step cast constants
 * computed. The step functions are the normative `acc += v` of ap_fixed: exact sum, one cast into
 * the accumulator type (docs/semantics.md#accumulate), with the C++ expression's width as the source width.
 * Each kernel keeps its number step loop and its bigint reference loop as twins, and its own per-event
 * frame: one generic loop over both raw forms ran the number step path at 0.48x (Dense) and 0.72x
 * (SparseConv2D) of the twins, and one frame shared by the kernels at 0.91x (Dense), measured A/B in
 * one process; V8 then sees several forms at each call and store.
 */
import { addType, apUint, castRaw, castRawBig, fracBits, mulType } from '../fixed';
import type { FixedType } from '../fixed';
import { exactBound, planMacDynamic, stepFits, type MacDynamic } from './mac-dynamic';
import { planMac, type MacStrategy, type MacTypes } from './mac-plan';
import { checkedBigRaws, rawConverter, rawConverterBig } from './raw-cast';

export interface MacTypesInput extends Omit<MacTypes, 'bias'> {
  /** Bias type; omitted = ap_uint<1> (the bias is then all zeros). */
  readonly bias?: FixedType;
}

/** The constants of a MAC layer (Dense, SparseConv2D, Conv2D): values (float forms) or raws. */
export interface MacConstants<V> {
  /** Keras layout: the output index fastest. */
  readonly weights: V;
  /** One per output; omitted = zeros. */
  readonly bias?: V;
}

/** What a fixed MAC layer's prepare function takes: weight raws in types.weight, bias raws in types.bias. */
export interface MacLayerConstants extends MacConstants<ArrayLike<number> | readonly bigint[]> {
  readonly types: MacTypesInput;
}

/** Scaling of one step: the exact value is acc*accScale + v*valueScale with `frac` fraction bits. */
interface StepCast {
  readonly frac: number;
  readonly accScale: number;
  readonly valueScale: number;
  readonly accScaleBig: bigint;
  readonly valueScaleBig: bigint;
  /** Width of the C++ sum expression (the cast's source). */
  readonly width: number;
}

export interface PreparedMac {
  readonly types: MacTypes;
  readonly strategy: MacStrategy;
  readonly nOut: number;
  readonly weightsBig: readonly bigint[];
  readonly biasBig: readonly bigint[];
  /** exact-number: raws scaled to the accumulator's fraction bits; step-number: plain raws. */
  readonly weightsNum: Float64Array;
  readonly biasNum: Float64Array;
  /** `acc += w*x` and `acc += bias`. */
  readonly term: StepCast;
  readonly biasStep: StepCast;
  /** accumulator -> result (identical types copy). */
  readonly toResult: (raw: number) => number;
  readonly toResultBig: (raw: bigint) => bigint;
  /** bias -> accumulator, for dense's bias-first start. */
  readonly biasToAcc: (raw: number) => number;
  readonly biasToAccBig: (raw: bigint) => bigint;
  /** Per-event checks that run events on numbers beyond what the static strategy proves. */
  readonly dynamic: MacDynamic;
  /** How many events ran on each path (mutable; for tests and benchmarks). */
  readonly counts: MacPathCounts;
  /** Whether every declared tensor type fits number raws (the number kernels' precondition). */
  readonly numberTypes: boolean;
}

/** The form one event runs in: exact float sum, number steps, or bigint steps. */
export type MacPath = 'exact' | 'step' | 'bigint';

export type MacPathCounts = Record<MacPath, number>;

function stepCast(acc: FixedType, value: FixedType): StepCast {
  const fa = fracBits(acc);
  const fv = fracBits(value);
  const frac = Math.max(fa, fv);
  return {
    frac,
    accScale: 2 ** (frac - fa),
    valueScale: 2 ** (frac - fv),
    accScaleBig: 1n << BigInt(frac - fa),
    valueScaleBig: 1n << BigInt(frac - fv),
    width: addType(acc, value).width,
  };
}

/** Checks and converts the constants and picks the strategy. `weights` has the output index fastest. */
export function prepareMac(
  typesIn: MacTypesInput,
  weights: ArrayLike<number> | readonly bigint[],
  bias: ArrayLike<number> | readonly bigint[] | undefined,
  nOut: number,
  what: string,
  where?: string,
  period?: number,
): PreparedMac {
  const types: MacTypes = { ...typesIn, bias: typesIn.bias ?? apUint(1) };
  const weightsBig = checkedBigRaws(weights, types.weight, `${what} weights`, where);
  const biasBig =
    bias === undefined
      ? new Array<bigint>(nOut).fill(0n)
      : checkedBigRaws(bias, types.bias, `${what} bias`, where);
  const strategy = planMac(types, weightsBig, biasBig, nOut);
  const product = mulType(types.weight, types.input);
  const term = stepCast(types.accum, product);
  const biasStep = stepCast(types.accum, types.bias);
  const fa = fracBits(types.accum);
  const exact = strategy === 'exact-number';
  const wScale = exact ? 2 ** (fa - fracBits(product)) : 1;
  const bScale = exact ? 2 ** (fa - fracBits(types.bias)) : 1;
  const narrow = strategy !== 'step-bigint';
  const dynamic = planMacDynamic(
    { accum: types.accum, bias: types.bias, productFrac: fracBits(product), term, biasStep },
    weightsBig,
    biasBig,
    nOut,
    period ?? Math.max(1, weightsBig.length / nOut),
  );
  const numberTypes = [types.input, types.weight, types.bias, types.result].every((t) => t.width <= 53);
  return {
    types,
    strategy,
    nOut,
    weightsBig,
    biasBig,
    weightsNum: narrow ? Float64Array.from(weightsBig, (w) => Number(w) * wScale) : new Float64Array(0),
    biasNum: narrow ? Float64Array.from(biasBig, (b) => Number(b) * bScale) : new Float64Array(0),
    term,
    biasStep,
    toResult: rawConverter(types.accum, types.result),
    toResultBig: rawConverterBig(types.accum, types.result),
    biasToAcc: rawConverter(types.bias, types.accum),
    biasToAccBig: rawConverterBig(types.bias, types.accum),
    dynamic,
    counts: { exact: 0, step: 0, bigint: 0 },
    numberTypes,
  };
}

/**
 * The path of one event with number inputs x (channel fastest): the static strategy when it covers
 * every input, else the first dynamic form whose check passes (mac-dynamic.ts), else bigint steps.
 * The number forms need a number-sized accumulator only for the step form (checked by the plan).
 */
export function chooseMacPath(m: PreparedMac, x: ArrayLike<number>): MacPath {
  let path: MacPath;
  if (m.strategy === 'exact-number') path = 'exact';
  else if (m.dynamic.exactLimit >= 0 && exactBound(x, m.dynamic) <= m.dynamic.exactLimit) path = 'exact';
  else if (m.strategy === 'step-number' || stepFits(x, m.dynamic)) path = 'step';
  else path = 'bigint';
  m.counts[path]++;
  return path;
}

/** Converts bigint raws to numbers into `buf` (inexact beyond 2^53, which the checks then reject). */
export function bigToNumbers(x: ArrayLike<bigint>, buf: Float64Array): Float64Array {
  for (let k = 0; k < x.length; k++) buf[k] = Number(x[k] as bigint);
  return buf;
}

/** One `acc += v` step on number raws (step-number strategy only). */
export function stepNumber(acc: number, v: number, s: StepCast, accType: FixedType): number {
  return castRaw(acc * s.accScale + v * s.valueScale, s.frac, accType, s.width);
}

/** One `acc += v` step on bigint raws. */
export function stepBig(acc: bigint, v: bigint, s: StepCast, accType: FixedType): bigint {
  return castRawBig(acc * s.accScaleBig + v * s.valueScaleBig, s.frac, accType, s.width);
}

/** Weights and bias of the exact path (scaled to the accumulator's fraction bits). */
export function exactArrays(m: PreparedMac): { weights: Float64Array; bias: Float64Array } {
  return m.strategy === 'exact-number'
    ? { weights: m.weightsNum, bias: m.biasNum }
    : { weights: m.dynamic.exactWeights, bias: m.dynamic.exactBias };
}
