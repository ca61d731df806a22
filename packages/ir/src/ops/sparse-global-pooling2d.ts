import {
  globalReciprocalRaw,
  sparseGlobalPool2dFixed,
  sparseGlobalPool2dFixedBig,
  sparseGlobalPool2dFloat,
  fracBits,
  type FixedType,
} from '@sparsepixels/core';
import { DIAGNOSTICS } from '../diagnostics';
import { sparseView, type LayerKernel } from '../interpret/runtime';
import { exactType } from '../precision/exact-type';
import { scaleInterval, typeInterval, type Interval } from '../precision/interval';
import { capped, declaredOr } from '../precision/mac-precision';
import { MAX_RECIPROCAL_BITS, preparedReciprocalBits } from '../precision/pool-precision';
import { attr } from './attr-descriptors';
import { defineOp } from './define-op';
import { fixedKernel } from './fixed-kernel';
import type { AnyLayerIR, Attrs, CompileContext, PrecisionContext, ResolvedPrecision } from './op-def';
import { imageInput, passThroughPrecision, RECIPROCAL_BITS_ATTR, refuseReciprocalBits } from './op-helpers';
import { denseTensor, type DenseTensorInfo, type SparseTensorInfo } from './tensor-info';

const GLOBAL_POOL_ATTRS = Object.freeze({
  mode: attr.enum(['avg', 'max'], {
    description: 'avg = sum over the k active slots * r_k with r_k = floor(2^F / k) / 2^F; max = the largest active value (0 when none is active)',
  }),
  reciprocalBits: RECIPROCAL_BITS_ATTR,
});

type Ctx = CompileContext<AnyLayerIR, Attrs<typeof GLOBAL_POOL_ATTRS>, SparseTensorInfo, DenseTensorInfo>;
type PCtx = PrecisionContext<AnyLayerIR, Attrs<typeof GLOBAL_POOL_ATTRS>, SparseTensorInfo>;

/** Every sum the accumulator can reach with k terms (the declared accumulator's range, if declared). */
interface Sums {
  readonly accum: FixedType;
  sums(k: number): Interval;
}

function avgSums(ctx: PCtx, x: FixedType, nMax: number): Sums | undefined {
  const accum = declaredOr(ctx, 'accum', () => capped(ctx, exactType(scaleInterval(typeInterval(x), nMax)), 'accum'));
  if (!accum) return undefined;
  const declared = ctx.declared.accum !== undefined && ctx.declared.accum !== 'auto';
  return { accum, sums: (k) => (declared ? typeInterval(accum) : scaleInterval(typeInterval(x), k)) };
}

/** The output LSB the reciprocal must be accurate to: the declared result's, else the accumulator's. */
function criterionFrac(ctx: PCtx, accum: FixedType): number {
  const d = ctx.declared.result;
  return d !== undefined && d !== 'auto' ? fracBits(d) : fracBits(accum);
}

/**
 * The smallest F (0..32) with |s * r_k - s / k| < 2^-(fOut+1) for every k = 1..nMax and every sum
 * s of k terms; undefined when none is. In integers: mag * (2^F - k q_k) * 2^(fOut+1) < k * 2^F * 2^f.
 */
export function inferGlobalReciprocalBits(nMax: number, s: Sums['sums'], fOut: number): number | undefined {
  for (let f = 0; f <= MAX_RECIPROCAL_BITS; f++) {
    const two = 1n << BigInt(f);
    let ok = true;
    for (let k = 1; k <= nMax && ok; k++) {
      const iv = s(k);
      const mag = iv.hi > -iv.lo ? iv.hi : -iv.lo;
      const kb = BigInt(k);
      const base = Math.min(fOut + 1, iv.f);
      const lhs = (mag * (two - kb * BigInt(globalReciprocalRaw(k, f)))) << BigInt(fOut + 1 - base);
      ok = lhs < (kb * two) << BigInt(iv.f - base);
    }
    if (ok) return f;
  }
  return undefined;
}

function reciprocalBits(ctx: PCtx, nMax: number, t: Sums): number | undefined {
  if (ctx.attrs.reciprocalBits !== undefined) return ctx.attrs.reciprocalBits;
  const bits = inferGlobalReciprocalBits(nMax, t.sums, criterionFrac(ctx, t.accum));
  if (bits === undefined) ctx.report(DIAGNOSTICS.noReciprocal.at(`${ctx.where}/attrs`, ctx.layer.name, MAX_RECIPROCAL_BITS, 'sum/k'));
  return bits;
}

/**
 * avg: accum 'auto' = exact type of a sum of nMax inputs; r_k with F = attrs.reciprocalBits or
 * inferred. result 'auto': every value of acc * r_k (k = 0..nMax), exact with an explicit F, else
 * truncated to the criterion's fraction bits (the accumulator's), so the mean stays on its grid.
 */
function globalAvgPrecision(ctx: PCtx): ResolvedPrecision | undefined {
  const x = ctx.inputTypes[0];
  const nMax = ctx.inputs[0]?.nMax;
  if (!x || nMax === undefined) return undefined;
  const t = avgSums(ctx, x, nMax);
  const bits = t && reciprocalBits(ctx, nMax, t);
  if (!t || bits === undefined) return undefined;
  const f0 = t.sums(1).f + bits;
  let lo = 0n;
  let hi = 0n;
  for (let k = 1; k <= nMax; k++) {
    const q = BigInt(globalReciprocalRaw(k, bits));
    const s = t.sums(k);
    if (s.lo * q < lo) lo = s.lo * q;
    if (s.hi * q > hi) hi = s.hi * q;
  }
  const fOut = ctx.attrs.reciprocalBits !== undefined ? f0 : Math.min(f0, criterionFrac(ctx, t.accum));
  const shift = BigInt(f0 - fOut);
  const result = declaredOr(ctx, 'result', () => capped(ctx, exactType({ lo: lo >> shift, hi: hi >> shift, f: fOut }), 'result'));
  return result ? { result, accum: t.accum } : undefined;
}

function params(ctx: Ctx) {
  const avg = ctx.attrs.mode === 'avg';
  return {
    mode: ctx.attrs.mode,
    reciprocalBits: avg ? preparedReciprocalBits(ctx.attrs, ctx.layer.name) : 0,
    name: ctx.layer.name,
    types: { input: ctx.inputTypes[0]!, result: ctx.precision.result, ...(avg && { accum: ctx.precision.accum }) },
  };
}

function compileFixed(ctx: Ctx): LayerKernel {
  const shape = ctx.inputs[0]!;
  const p = params(ctx);
  return fixedKernel({
    types: [p.types.input, p.types.result, p.types.accum],
    result: p.types.result,
    size: ctx.output.size,
    number: (x, out, t) => ({ data: sparseGlobalPool2dFixed(sparseView(shape, x, t), p, out) }),
    bigint: (x, out, t) => ({ data: sparseGlobalPool2dFixedBig(sparseView(shape, x, t), p, out) }),
  });
}

function compileFloat(ctx: Ctx): LayerKernel<Float64Array> {
  const shape = ctx.inputs[0]!;
  const { mode, reciprocalBits, name } = params(ctx);
  const out = new Float64Array(ctx.output.size);
  const p = { mode, name, ...(mode === 'avg' && { reciprocalBits }) };
  return { run: ([x]) => ({ data: sparseGlobalPool2dFloat(sparseView(shape, x!.data, x!), p, out) }) };
}

/**
 * Per channel, the average or maximum over the event's active slots (valid bits under activity
 * 'mask', a non-zero feature under 'nonzero'): a sparse [H, W, C] tensor becomes a dense [C] vector
 * (docs/semantics.md, SparseGlobalPooling2D).
 */
export const sparseGlobalPooling2dOp = defineOp({
  type: 'SparseGlobalPooling2D',
  since: 2,
  description: 'Sparse global average or max pooling over the active slots: sparse [H, W, C] -> dense [C]',
  sparse: true,
  inputKind: 'sparse',
  outputKind: 'dense',
  attrs: GLOBAL_POOL_ATTRS,
  precisions: ['result', 'accum'],
  weights: [],
  inferShape(ctx) {
    const x = imageInput(ctx);
    return x && denseTensor([x.c]);
  },
  inferPrecision(ctx) {
    if (ctx.attrs.mode === 'avg') return globalAvgPrecision(ctx);
    refuseReciprocalBits(ctx, 'mode max has no reciprocal');
    return passThroughPrecision(ctx);
  },
  inferAttrs(ctx, resolved) {
    if (ctx.attrs.mode !== 'avg' || ctx.attrs.reciprocalBits !== undefined) return undefined;
    const nMax = ctx.inputs[0]?.nMax;
    const x = ctx.inputTypes[0];
    if (nMax === undefined || !x || !resolved.accum) return undefined;
    const t = avgSums(ctx, x, nMax);
    const bits = t && inferGlobalReciprocalBits(nMax, t.sums, criterionFrac(ctx, t.accum));
    return bits === undefined ? undefined : { reciprocalBits: bits };
  },
  compile: compileFixed,
  compileFloat,
  paramCount: () => 0,
  // avg: one multiplication by r_k per channel; max: none.
  opCount: (a, [x]) => (a.mode === 'avg' ? (x?.c ?? 0) : 0),
});
