/**
 * One normative `acc += v` step on bigint raws (docs/semantics.md#accumulate): the exact sum of the
 * accumulator and the term, aligned to the larger number of fraction bits, converted once into the
 * accumulator type with its own quantization and overflow (the sum expression's width is the
 * source width, which AP_WRAP_SM reads).
 */
import { addType, castRaw, castRawBig, fracBits, type FixedType } from '@sparsepixels/core';

export interface StepPlan {
  readonly acc: FixedType;
  readonly frac: number;
  readonly accShift: bigint;
  readonly termShift: bigint;
  readonly width: number;
  /** The same shifts as factors, for the number form. */
  readonly accScale: number;
  readonly termScale: number;
}

export function planStep(acc: FixedType, term: FixedType): StepPlan {
  const fa = fracBits(acc);
  const ft = fracBits(term);
  const frac = Math.max(fa, ft);
  return {
    acc,
    frac,
    accShift: BigInt(frac - fa),
    termShift: BigInt(frac - ft),
    width: addType(acc, term).width,
    accScale: 2 ** (frac - fa),
    termScale: 2 ** (frac - ft),
  };
}

export function step(acc: bigint, term: bigint, s: StepPlan): bigint {
  return castRawBig((acc << s.accShift) + (term << s.termShift), s.frac, s.acc, s.width);
}

/**
 * The same step on number raws: exact when the sum type is at most 53 bits wide (every aligned
 * operand and the sum are then integers below 2^53), which the caller checks (numberSafe).
 */
export function stepNumber(acc: number, term: number, s: StepPlan): number {
  return castRaw(acc * s.accScale + term * s.termScale, s.frac, s.acc, s.width);
}

/** Whether a layer's steps can run on numbers with the same bits (every width involved <= 53). */
export function numberSafe(widths: readonly number[]): boolean {
  return widths.every((w) => w <= 53);
}
