/**
 * A multiply-accumulate layer (sparse conv or dense) prepared once: types resolved, weight and bias
 * raws checked and converted, strategy chosen (mac-plan.ts), and the per-step cast constants
 * computed. The step functions are the normative `acc += v` of ap_fixed: exact sum, one cast into
 * the accumulator type (ap-types-semantics §7), with the C++ expression's width as the source width.
 */
import { apUint, castRaw, castRawBig, fracBits } from '../fixed';
import type { FixedType } from '../fixed';
import { addShape, mulShape, shapeOf } from './expression-shape';
import { planMac, type MacStrategy, type MacTypes } from './mac-plan';
import { checkedBigRaws, rawConverter, rawConverterBig } from './raw-cast';

export interface MacTypesInput extends Omit<MacTypes, 'bias'> {
  /** Bias type; omitted = ap_uint<1> (the bias is then all zeros). */
  readonly bias?: FixedType;
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
}

function stepCast(acc: FixedType, value: { width: number; integer: number; signed: boolean }): StepCast {
  const fa = fracBits(acc);
  const fv = value.width - value.integer;
  const frac = Math.max(fa, fv);
  return {
    frac,
    accScale: 2 ** (frac - fa),
    valueScale: 2 ** (frac - fv),
    accScaleBig: 1n << BigInt(frac - fa),
    valueScaleBig: 1n << BigInt(frac - fv),
    width: addShape(shapeOf(acc), value).width,
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
): PreparedMac {
  const types: MacTypes = { ...typesIn, bias: typesIn.bias ?? apUint(1) };
  const weightsBig = checkedBigRaws(weights, types.weight, `${what} weights`, where);
  const biasBig =
    bias === undefined
      ? new Array<bigint>(nOut).fill(0n)
      : checkedBigRaws(bias, types.bias, `${what} bias`, where);
  const strategy = planMac(types, weightsBig, biasBig, nOut);
  const product = mulShape(shapeOf(types.weight), shapeOf(types.input));
  const term = stepCast(types.accum, product);
  const biasStep = stepCast(types.accum, shapeOf(types.bias));
  const fa = fracBits(types.accum);
  const exact = strategy === 'exact-number';
  const wScale = exact ? 2 ** (fa - (product.width - product.integer)) : 1;
  const bScale = exact ? 2 ** (fa - fracBits(types.bias)) : 1;
  const narrow = strategy !== 'step-bigint';
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
    toResult: narrow ? rawConverter(types.accum, types.result) : () => NaN,
    toResultBig: rawConverterBig(types.accum, types.result),
    biasToAcc: narrow ? rawConverter(types.bias, types.accum) : () => NaN,
    biasToAccBig: rawConverterBig(types.bias, types.accum),
  };
}

/** One `acc += v` step on number raws (step-number strategy only). */
export function stepNumber(acc: number, v: number, s: StepCast, accType: FixedType): number {
  return castRaw(acc * s.accScale + v * s.valueScale, s.frac, accType, s.width);
}

/** One `acc += v` step on bigint raws. */
export function stepBig(acc: bigint, v: bigint, s: StepCast, accType: FixedType): bigint {
  return castRawBig(acc * s.accScaleBig + v * s.valueScaleBig, s.frac, accType, s.width);
}
