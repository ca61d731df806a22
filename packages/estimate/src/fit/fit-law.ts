/**
 * Fitting a law: weighted non-negative least squares on relative residuals (each row weighted by
 * 1 / max(y, floor)), and the leave-one-family-out check of how well it predicts a family it never saw.
 */
import type { FittedLaw, LawSpec } from '../laws/law';
import { applyLaw } from '../laws/law';
import { nnls } from './nnls';

export interface FitRow<P> {
  readonly family: string;
  readonly params: P;
  readonly y: number;
}

export interface ErrorSummary {
  readonly n: number;
  readonly median: number;
  readonly max: number;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** |pred - y| / max(y, floor) for each row. */
export function relativeErrors(pred: readonly number[], y: readonly number[], floor = 1): number[] {
  return pred.map((p, i) => Math.abs(p - y[i]!) / Math.max(Math.abs(y[i]!), floor));
}

export function summarize(errors: readonly number[]): ErrorSummary {
  return { n: errors.length, median: median(errors), max: errors.length ? Math.max(...errors) : NaN };
}

/** Fits `spec` to the rows; `floor` keeps near-zero measurements from dominating the weights. */
export function fitLaw<P>(
  spec: LawSpec<P>,
  rows: readonly FitRow<P>[],
  source: string,
  floor = 10,
): FittedLaw {
  const a = rows.map((r) => spec.compute(r.params).map((x) => x / Math.max(Math.abs(r.y), floor)));
  const b = rows.map((r) => r.y / Math.max(Math.abs(r.y), floor));
  const coef = nnls(a, b);
  const law: FittedLaw = { features: spec.features, coef, rows: rows.length, median: 0, max: 0, source };
  const err = summarize(
    relativeErrors(
      rows.map((r) => applyLaw(spec, law, r.params)),
      rows.map((r) => r.y),
      floor,
    ),
  );
  return { ...law, median: round(err.median), max: round(err.max), coef: coef.map((c) => round(c, 6)) };
}

export interface HeldOutResult {
  readonly family: string;
  readonly n: number;
  readonly median: number;
  readonly max: number;
}

/**
 * For every family: fit on all other families, predict the held-out one. `post` maps a raw law
 * value to the estimator's output (e.g. rounding cycles).
 */
export function leaveOneFamilyOut<P>(
  spec: LawSpec<P>,
  rows: readonly FitRow<P>[],
  floor = 10,
  post: (v: number) => number = (v) => v,
): HeldOutResult[] {
  const families = [...new Set(rows.map((r) => r.family))].sort();
  return families.map((family) => {
    const train = rows.filter((r) => r.family !== family);
    const test = rows.filter((r) => r.family === family);
    const law = fitLaw(spec, train, 'held-out', floor);
    const errs = relativeErrors(
      test.map((r) => post(applyLaw(spec, law, r.params))),
      test.map((r) => r.y),
      floor,
    );
    const s = summarize(errs);
    return { family, n: s.n, median: s.median, max: s.max };
  });
}

export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
