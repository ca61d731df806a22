/** The fitted coefficients (written by scripts/fit.ts; see README "How the estimate is fitted"). */
import type { FittedLaw } from './laws/law';
import type { LawSpec } from './laws/law';
import { applyLaw } from './laws/law';
import fitted from './laws/coefficients.json';

export interface HeldOutFigure {
  readonly law: string;
  readonly family: string;
  readonly n: number;
  readonly median: number;
  readonly max: number;
}

export interface Coefficients {
  readonly laws: Readonly<Record<string, FittedLaw>>;
  /** Constants calibrated on the published per-module breakdown (see the README). */
  readonly calibration: {
    readonly fifoLutPerCell: number;
    readonly fifoFfPerBit: number;
    readonly stageOverheadCycles: number;
    readonly iiOverheadCycles: number;
  };
  readonly heldOut: readonly HeldOutFigure[];
  readonly source: string;
}

export const COEFFICIENTS = fitted as unknown as Coefficients;

/** Evaluates a law with the given coefficient set. */
export function law<P>(coef: Coefficients, spec: LawSpec<P>, p: P): number {
  return applyLaw(spec, coef.laws[spec.name], p);
}
