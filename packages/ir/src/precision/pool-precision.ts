import { fracBits, poolReciprocalRaw, SparsePixelsError, type FixedType } from '@sparsepixels/core';
import { DIAGNOSTICS } from '../diagnostics';
import { exactType } from './exact-type';
import { constInterval, mulIntervals, scaleInterval, typeInterval, type Interval } from './interval';
import { capped, declaredOr } from './mac-precision';
import type { PrecisionContext, ResolvedPrecision } from '../ops/op-def';

/** The largest reciprocal precision inference tries (and attrs.reciprocalBits allows). */
export const MAX_RECIPROCAL_BITS = 32;

/** What pooling's precision rule and its attribute inference share. */
interface PoolTypes {
  readonly accum: FixedType;
  /** Every sum the accumulator can reach. */
  readonly sums: Interval;
}

function poolAccum(ctx: PrecisionContext, p: number): PoolTypes | undefined {
  const x = ctx.inputTypes[0];
  if (!x) return undefined;
  const sumOfInputs = scaleInterval(typeInterval(x), p * p);
  const accum = declaredOr(ctx, 'accum', () => capped(ctx, exactType(sumOfInputs), 'accum'));
  if (!accum) return undefined;
  const declared = ctx.declared.accum !== undefined && ctx.declared.accum !== 'auto';
  return { accum, sums: declared ? typeInterval(accum) : sumOfInputs };
}

/**
 * Fraction bits of the output LSB the reciprocal must be accurate to: the declared result type's,
 * else those at which sum / P^2 of a power-of-two P is exact (F_acc + 2 ceil(log2 P)).
 */
function criterionFrac(ctx: PrecisionContext, accum: FixedType, p: number): number {
  const d = ctx.declared.result;
  if (d !== undefined && d !== 'auto') return fracBits(d);
  return fracBits(accum) + 2 * Math.ceil(Math.log2(p));
}

/**
 * The smallest F (0..MAX_RECIPROCAL_BITS) with r = floor(2^F / P) / 2^F such that
 * |s * r^2 - s / P^2| < 2^-(fOut+1) (half an output LSB) for every sum s = raw * 2^-sums.f with
 * raw in [sums.lo, sums.hi]; exact (F = log2 P) for powers of two. Undefined when none is.
 */
export function inferReciprocalBits(p: number, sums: Interval, fOut: number): number | undefined {
  const mag = sums.hi > -sums.lo ? sums.hi : -sums.lo;
  const pp = BigInt(p * p);
  for (let f = 0; f <= MAX_RECIPROCAL_BITS; f++) {
    const q = (1n << BigInt(f)) / BigInt(p);
    const four = 1n << BigInt(2 * f);
    // mag * 2^-sf * (4^F - P^2 q^2) / (P^2 4^F) < 2^-(fOut+1), both sides times 2^(sf + fOut + 1) * P^2 4^F
    const base = Math.min(fOut + 1, sums.f);
    const lhs = (mag * (four - pp * q * q)) << BigInt(fOut + 1 - base);
    const rhs = (pp * four) << BigInt(sums.f - base);
    if (lhs < rhs) return f;
  }
  return undefined;
}

/** The reciprocal precision of an avg-pooling layer: attrs.reciprocalBits when given, else inferred. */
function reciprocalBits(ctx: PrecisionContext, p: number, t: PoolTypes): number | undefined {
  const given = ctx.attrs['reciprocalBits'];
  if (typeof given === 'number') return given;
  const bits = inferReciprocalBits(p, t.sums, criterionFrac(ctx, t.accum, p));
  if (bits === undefined) ctx.report(DIAGNOSTICS.noReciprocal.at(`${ctx.where}/attrs`, ctx.layer.name, MAX_RECIPROCAL_BITS));
  return bits;
}

/**
 * Average pooling (sparse and standard): accum 'auto' = exact type of a sum of P*P input values;
 * r = floor(2^F/P)/2^F with F = attrs.reciprocalBits (v1 documents: 10) or inferred
 * (inferReciprocalBits, docs/semantics.md). result 'auto': with an explicit F, the exact type of
 * accum * r * r (the single final cast is the identity); with an inferred F, the values of
 * accum * r * r truncated to the criterion's fraction bits (F_acc + 2 ceil(log2 P), or the exact
 * product for powers of two).
 */
export function avgPoolPrecision(ctx: PrecisionContext, p: number): ResolvedPrecision | undefined {
  const t = poolAccum(ctx, p);
  if (!t) return undefined;
  const bits = reciprocalBits(ctx, p, t);
  if (bits === undefined) return undefined;
  const r = BigInt(poolReciprocalRaw(p, bits));
  const product = mulIntervals(typeInterval(t.accum), constInterval(r * r, 2 * bits));
  // An explicit reciprocal (v1 documents: 10 bits) keeps the exact product; an inferred one gets
  // the criterion's fraction bits (the product truncated once), so the result stays narrow.
  const explicit = typeof ctx.attrs['reciprocalBits'] === 'number';
  const resultInterval = explicit ? product : truncated(product, criterionFrac(ctx, t.accum, p));
  const result = declaredOr(ctx, 'result', () => capped(ctx, exactType(resultInterval), 'result'));
  return result ? { result, accum: t.accum } : undefined;
}

/** The interval of the values of `iv` truncated (floor, AP_TRN) to f fraction bits. */
function truncated(iv: Interval, f: number): Interval {
  if (f >= iv.f) return { lo: iv.lo << BigInt(f - iv.f), hi: iv.hi << BigInt(f - iv.f), f };
  const s = BigInt(iv.f - f);
  return { lo: iv.lo >> s, hi: iv.hi >> s, f };
}

/** The attribute avg pooling infers: reciprocalBits, when the layer leaves it out. */
export function avgPoolAttrs(ctx: PrecisionContext, p: number): { reciprocalBits?: number } | undefined {
  if (typeof ctx.attrs['reciprocalBits'] === 'number') return undefined;
  const t = poolAccum(ctx, p);
  const bits = t && inferReciprocalBits(p, t.sums, criterionFrac(ctx, t.accum, p));
  return bits === undefined ? undefined : { reciprocalBits: bits };
}

/**
 * The reciprocal precision of a prepared avg-pooling layer (precision inference always writes it);
 * a layer that did not go through prepareModel is refused (SP7002).
 */
export function preparedReciprocalBits(attrs: { readonly reciprocalBits?: number }, layerName: string): number {
  if (attrs.reciprocalBits !== undefined) return attrs.reciprocalBits;
  const d = DIAGNOSTICS.notPrepared.at('', `layer "${layerName}" has no reciprocalBits`);
  throw new SparsePixelsError(d.code, d.message);
}
