import { apFixed, apUfixed, formatType } from '@sparsepixels/core';
import type { ModelIR } from '@sparsepixels/ir';
import { agreementOf, modelDecisions, type Agreement } from './agreement';
import { importError } from './import-error';

/** One input width tried: its type and how often the firmware decides as the float model. */
export interface CalibrationStep {
  readonly type: string;
  readonly fractionBits: number;
  readonly agreement: Agreement;
}

export interface CalibrationResult {
  readonly type: string;
  readonly steps: readonly CalibrationStep[];
  /** False when no width up to 24 fraction bits reached the target (the widest is returned). */
  readonly reached: boolean;
}

export const CALIBRATION_TARGET = 0.995;
export const MAX_FRACTION_BITS = 24;

/**
 * Picks the input type from calibration events: integer bits from the range of the values (sign
 * bit when any is negative), then the fewest fraction bits (0..24) whose firmware decisions equal
 * the float model's on >= 99.5 % of the events. Rounds half to even and saturates on the cast.
 * `withInput(type)` gives the model with that input type.
 */
export function calibrateInputType(withInput: (type: string) => ModelIR, x: Float64Array, count: number, onStep?: (s: CalibrationStep) => void): CalibrationResult {
  if (count < 1) throw importError('--calibrate', 'holds no events');
  let max = 0;
  let negative = false;
  for (let i = 0; i < count * (x.length / count); i++) {
    const v = x[i]!;
    if (!Number.isFinite(v)) throw importError('--calibrate', `value ${v} at index ${i} is not finite`);
    if (v < 0) negative = true;
    max = Math.max(max, Math.abs(v));
  }
  // integer bits so that max < 2^I (at least 0)
  const integer = max === 0 ? 0 : Math.max(0, Math.floor(Math.log2(max)) + 1);
  const typeWith = (f: number) => {
    const width = integer + f + (negative ? 1 : 0);
    return formatType(negative ? apFixed(width, integer + 1, 'AP_RND_CONV', 'AP_SAT') : apUfixed(width, integer, 'AP_RND_CONV', 'AP_SAT'));
  };
  const first = integer + (negative ? 1 : 0) >= 1 ? 0 : 1;
  // the float model ignores the input type; the narrowest candidate keeps its inferred types small
  const float = modelDecisions(withInput(typeWith(first)), x, count, false);
  const steps: CalibrationStep[] = [];
  for (let f = first; f <= MAX_FRACTION_BITS; f++) {
    const type = typeWith(f);
    const agreement = agreementOf(modelDecisions(withInput(type), x, count, true), float);
    const step = { type, fractionBits: f, agreement };
    steps.push(step);
    onStep?.(step);
    if (agreement.fraction >= CALIBRATION_TARGET) return { type, steps, reached: true };
  }
  return { type: steps[steps.length - 1]!.type, steps, reached: false };
}
