import { apUfixed, mulType, poolAccumType, poolReciprocalRaw, V1_RECIPROCAL_BITS, type FixedType } from '@sparsepixels/core';
import { whereOf, type LayerBase } from '../model/layer-base';
import { poolOrder } from '../plan/accum-order';
import { poolResultCast, stepGroup, termCast, type Params } from '../plan/type-params';
import { beatPlan, SPARSE_PORTS, treeStages, type LayerPlan, type PlanContext, type RtlEmitter } from './layer-emitter';

/** What both pooling ops describe: the mode and, for avg, the accumulator and the reciprocal's F. */
export interface PoolingDesc extends LayerBase {
  readonly mode: 'avg' | 'max';
  /** avg only. */
  readonly accum?: FixedType;
  /** avg only: F of the reciprocal floor(2^F/d)/2^F (the prepared reciprocalBits). */
  readonly reciprocalBits?: number;
}

export interface SparsePoolDesc extends PoolingDesc {
  readonly op: 'SparsePooling2D';
  readonly p: number;
}

/**
 * The types of a pooling layer: input, result, accumulator (max: the input's; avg: the layer's
 * or `defaultAccum`) and whether `terms` of them sum in any order.
 */
export function poolingTypes(layer: PoolingDesc, defaultAccum: (x: FixedType) => FixedType, terms: number) {
  const x = layer.input.type;
  const max = layer.mode === 'max';
  const acc = max ? x : (layer.accum ?? defaultAccum(x));
  const order = max ? 'order-free' : poolOrder(x, acc, terms);
  return { where: whereOf(layer), x, res: layer.output.type, max, acc, order };
}

/** The parameters every pooling core takes: slots, channels, hash bits, the three types, mode and rule. */
export function poolingParams(layer: PoolingDesc, t: ReturnType<typeof poolingTypes>, ctx: PlanContext): Params {
  return {
    N_MAX: layer.input.nMax,
    C: layer.input.shape[2] ?? 1,
    HB: ctx.hashBits,
    XW: t.x.width,
    XS: t.x.signed ? 1 : 0,
    AW: t.acc.width,
    AS: t.acc.signed ? 1 : 0,
    RW: t.res.width,
    MAX: t.max ? 1 : 0,
    MASK: ctx.model.mask ? 1 : 0,
  };
}

/**
 * SparsePooling2D: sp_pool_gather (input all-at-once; owner i per beat gathers its cell with a
 * masked sum tree or max; output progressive) when the accumulation is order-free or max, else
 * sp_pool_scatter (input slots per beat, exact steps in slot order; output all-at-once).
 */
export const sparsePoolEmitter: RtlEmitter<SparsePoolDesc> = {
  op: 'SparsePooling2D',
  describe(pl, base): SparsePoolDesc {
    const { mode, poolSize, reciprocalBits } = pl.attrs;
    const accum = mode === 'avg' ? pl.precision.accum : undefined;
    // r = floor(2^F/P)/2^F with the prepared F (docs/semantics.md section 5.2)
    const recip = mode === 'avg' ? { reciprocalBits: reciprocalBits ?? V1_RECIPROCAL_BITS } : {};
    return { ...base, op: 'SparsePooling2D', p: poolSize, mode, ...(accum ? { accum } : {}), ...recip };
  },
  cores: { sp_pool_gather: SPARSE_PORTS, sp_pool_scatter: SPARSE_PORTS },
  plan(layer: SparsePoolDesc, ctx: PlanContext): LayerPlan {
    const types = poolingTypes(layer, (xt) => poolAccumType(xt, layer.p), layer.p * layer.p);
    const { where, x, res, max, acc, order } = types;
    const gather = ctx.inputMode === 'all' && order === 'order-free';
    // r = floor(2^F/P)/2^F as ap_ufixed<F+1,1> (core's sparse-pool2d-fixed.ts), held squared: rr
    // has 2F fraction bits and at most 2F + 2 bits
    const f = layer.reciprocalBits ?? 10;
    const rType = apUfixed(f + 1, 1);
    const rr = BigInt(poolReciprocalRaw(layer.p, f)) ** 2n;
    const product = mulType(mulType(acc, rType), rType);
    // avg: the final cast's source is the exact product acc * rr (width of (acc * r) * r, F_acc + 2F)
    const out = poolResultCast({ max, input: x, accum: acc, product, recipFrac: 2 * f }, res, where);
    const common = {
      ...poolingParams(layer, types, ctx),
      P: layer.p,
      HO: layer.output.shape[0] ?? 1,
      WO: layer.output.shape[1] ?? 1,
      L: ctx.lanes,
      G: ctx.beats,
      RRW: 2 * f + 2,
      RR: { width: 2 * f + 2, value: rr },
      ...out,
    };
    if (gather) {
      const latency = 4 + (max ? 0 : treeStages(layer.input.nMax, ctx.lps));
      const params = { ...common, LPS: ctx.lps, ...termCast(x, acc) };
      return beatPlan('gather', 'sp_pool_gather', params, max ? 'gather, max' : 'gather, order-free sum tree', latency, ctx, layer);
    }
    const params = { ...common, ...stepGroup('S', acc, x, where) };
    return beatPlan('scatter', 'sp_pool_scatter', params, max ? 'scatter, max' : 'scatter, one cast per step', ctx.beats + 2, ctx, layer);
  },
};
