import { apFixed, apUfixed, formatType, type FixedType } from '@sparsepixels/core';
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

/** The input type tried with `f` fraction bits for data needing `integer` integer bits (sign excluded); undefined skips `f`. */
export type CandidateType = (f: number, integer: number, negative: boolean) => FixedType | undefined;

/** Rounds half to even and saturates (the default candidates). */
const roundingCandidate: CandidateType = (f, integer, negative) => {
  const width = integer + f + (negative ? 1 : 0);
  if (width < 1) return undefined;
  return negative ? apFixed(width, integer + 1, 'AP_RND_CONV', 'AP_SAT') : apUfixed(width, integer, 'AP_RND_CONV', 'AP_SAT');
};

/**
 * Picks the input type from calibration events: integer bits from the range of the values (sign
 * bit when any is negative), then the fewest fraction bits (0..24) whose firmware decisions equal
 * the float model's on >= 99.5 % of the events. Candidates round half to even and saturate unless
 * `candidate` says otherwise. `firmware(type)` gives the model with that input type; `float` is
 * the float model (Keras semantics), whose decisions are the reference.
 */
export function calibrateInputType(
  firmware: (type: string) => ModelIR,
  float: ModelIR,
  x: Float64Array,
  count: number,
  onStep?: (s: CalibrationStep) => void,
  candidate: CandidateType = roundingCandidate,
): CalibrationResult {
  if (count < 1) throw importError('--calibrate', 'holds no events');
  let max = 0;
  let negative = false;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (!Number.isFinite(v)) throw importError('--calibrate', `value ${v} at index ${i} is not finite`);
    if (v < 0) negative = true;
    max = Math.max(max, Math.abs(v));
  }
  // integer bits so that max < 2^I (at least 0)
  const integer = max === 0 ? 0 : Math.max(0, Math.floor(Math.log2(max)) + 1);
  const reference = modelDecisions(float, x, count, false);
  const steps: CalibrationStep[] = [];
  for (let f = 0; f <= MAX_FRACTION_BITS; f++) {
    const t = candidate(f, integer, negative);
    if (!t) continue;
    const type = formatType(t);
    const agreement = agreementOf(modelDecisions(firmware(type), x, count, true), reference);
    const step = { type, fractionBits: f, agreement };
    steps.push(step);
    onStep?.(step);
    if (agreement.fraction >= CALIBRATION_TARGET) return { type, steps, reached: true };
  }
  if (steps.length === 0) throw importError('--calibrate', `no input type with 0 to ${MAX_FRACTION_BITS} fraction bits fits the model (see --input-type)`);
  return { type: steps[steps.length - 1]!.type, steps, reached: false };
}
