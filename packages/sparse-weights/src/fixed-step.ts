/**
 * One normative `acc += v` step on bigint raws (docs/semantics.md#accumulate): the exact sum of the
 * accumulator and the term, aligned to the larger number of fraction bits, converted once into the
 * accumulator type with its own quantization and overflow (the sum expression's width is the
 * source width, which AP_WRAP_SM reads).
 */
import { addType, castRawBig, fracBits, type FixedType } from '@sparsepixels/core';

export interface StepPlan {
  readonly acc: FixedType;
  readonly frac: number;
  readonly accShift: bigint;
  readonly termShift: bigint;
  readonly width: number;
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
  };
}

export function step(acc: bigint, term: bigint, s: StepPlan): bigint {
  return castRawBig((acc << s.accShift) + (term << s.termShift), s.frac, s.acc, s.width);
}
