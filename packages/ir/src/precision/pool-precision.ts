import { poolReciprocalRaw } from '@sparsepixels/core';
import { exactType } from './exact-type';
import { constInterval, mulIntervals, scaleInterval, typeInterval } from './interval';
import { capped, declaredOr } from './mac-precision';
import type { PrecisionContext, ResolvedPrecision } from '../ops/op-def';

/**
 * Average pooling (sparse and standard): accum 'auto' = exact type of a sum of P*P input values;
 * result 'auto' = exact type of accum * r * r, every value of the accumulator times the exact
 * 20-bit constant r^2 (so the single final cast is the identity).
 */
export function avgPoolPrecision(ctx: PrecisionContext, p: number): ResolvedPrecision | undefined {
  const x = ctx.inputTypes[0];
  if (!x) return undefined;
  const accum = declaredOr(ctx, 'accum', () => capped(ctx, exactType(scaleInterval(typeInterval(x), p * p)), 'accum'));
  if (!accum) return undefined;
  const r = BigInt(poolReciprocalRaw(p));
  const result = declaredOr(ctx, 'result', () =>
    capped(ctx, exactType(mulIntervals(typeInterval(accum), constInterval(r * r, 20))), 'result'),
  );
  return result ? { result, accum } : undefined;
}
