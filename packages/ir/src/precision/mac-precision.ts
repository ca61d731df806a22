import type { FixedType } from '@sparsepixels/core';
import { DIAGNOSTICS } from '../diagnostics';
import type { PrecisionContext, ResolvedPrecision } from '../ops/op-def';
import { exactType } from './exact-type';
import { addIntervals, hull, mulIntervals, scaleInterval, typeInterval, ZERO, type Interval } from './interval';

/** How the bias enters a multiply-accumulate (docs/semantics.md#precision-inference). */
export type BiasRule = 'if-nonzero' | 'first';

/**
 * The interval of every partial sum of `terms` products x*w plus the bias. 'if-nonzero' (sparse and
 * standard conv): the bias is added after the terms unless the sum is 0, so partial sums span
 * terms-only and terms+bias. 'first' (dense): acc starts at the bias. Zero is in every type's range,
 * so partial sums of fewer terms lie inside the full-count interval.
 */
export function macInterval(x: Interval, w: Interval, b: Interval | undefined, terms: number, rule: BiasRule): Interval {
  const sum = scaleInterval(mulIntervals(x, w), terms);
  if (!b) return sum;
  return rule === 'first' ? addIntervals(sum, b) : addIntervals(sum, hull(ZERO, b));
}

/** Checks the 64-bit cap; reports and returns undefined when an exact type would be wider. */
export function capped(ctx: PrecisionContext, t: FixedType, what: string): FixedType | undefined {
  if (t.width <= 64) return t;
  ctx.report(DIAGNOSTICS.tooWide.at(`${ctx.where}/precision/${what}`, ctx.layer.name, what, t.width));
  return undefined;
}

/** A declared type or, for 'auto'/absent, the inferred one. */
export function declaredOr(ctx: PrecisionContext, key: 'result' | 'accum', infer: () => FixedType | undefined) {
  const d = ctx.declared[key];
  return d !== undefined && d !== 'auto' ? d : infer();
}

/**
 * Precision rule of conv and dense layers: accum 'auto' = the exact type of every partial sum for
 * the declared input, weight and bias types (F = max(Fx + Fw, Fb)); result 'auto' = the accum type.
 */
export function macPrecision(ctx: PrecisionContext, terms: number, rule: BiasRule): ResolvedPrecision | undefined {
  const xt = ctx.inputTypes[0];
  const wt = ctx.weightTypes['kernel'];
  if (!xt || !wt) return undefined;
  const bt = ctx.weightTypes['bias'];
  const accum = declaredOr(ctx, 'accum', () => {
    const iv = macInterval(typeInterval(xt), typeInterval(wt), bt && typeInterval(bt), terms, rule);
    return capped(ctx, exactType(iv), 'accum');
  });
  if (!accum) return undefined;
  const result = declaredOr(ctx, 'result', () => accum);
  if (!result) return undefined;
  return bt ? { result, accum, weight: wt, bias: bt } : { result, accum, weight: wt };
}
