/**
 * A cost law: a metric (LUT, FF, cycles, ...) as a non-negative combination of structural features
 * (pixel pairs, multiply-accumulates times accumulator bits, ...). The feature functions are
 * declared once here and used by both the estimator and the fitting script, so a fitted
 * coefficient always multiplies the quantity it was fitted on.
 */
export interface LawSpec<P> {
  /** `<Op>.<metric>`, the key of the coefficients file. */
  readonly name: string;
  /** Human names of the features, in order (documentation and the coefficients file). */
  readonly features: readonly string[];
  compute(p: P): number[];
}

/** What the fitting script stores per law. */
export interface FittedLaw {
  readonly features: readonly string[];
  readonly coef: readonly number[];
  /** Rows it was fitted on, and its in-sample median / max relative error. */
  readonly rows: number;
  readonly median: number;
  readonly max: number;
  /** Where the rows came from. */
  readonly source: string;
}

export function applyLaw<P>(spec: LawSpec<P>, fitted: FittedLaw | undefined, p: P): number {
  if (!fitted)
    throw new Error(`no fitted coefficients for law ${spec.name}; run packages/estimate/scripts/fit.ts`);
  if (
    fitted.features.length !== spec.features.length ||
    fitted.features.some((f, i) => f !== spec.features[i])
  ) {
    throw new Error(
      `coefficients of ${spec.name} were fitted on other features; re-run packages/estimate/scripts/fit.ts`,
    );
  }
  const x = spec.compute(p);
  let y = 0;
  for (let i = 0; i < x.length; i++) y += x[i]! * fitted.coef[i]!;
  return y;
}
