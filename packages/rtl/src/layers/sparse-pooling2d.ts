import { apUfixed, fracBits, mulType, poolAccumType, poolReciprocalRaw } from '@sparsepixels/core';
import type { SparsePoolDesc } from '../model/adapter';
import { poolOrder } from '../plan/accum-order';
import { castGroup, clog2, resultCast, stepGroup, termCast } from '../plan/type-params';
import type { LayerPlan, PlanContext, RtlEmitter } from './layer-emitter';

const R_KEYS = ['SW', 'SF', 'SS', 'DF', 'DS', 'Q', 'O', 'NB'];

/**
 * SparsePooling2D: sp_pool_gather (input all-at-once; owner i per beat gathers its cell with a
 * masked sum tree or max; output progressive) when the accumulation is order-free or max, else
 * sp_pool_scatter (input slots per beat, exact steps in slot order; output all-at-once).
 */
export const sparsePoolEmitter: RtlEmitter<SparsePoolDesc> = {
  op: 'SparsePooling2D',
  plan(layer: SparsePoolDesc, ctx: PlanContext): LayerPlan {
    const where = `layer "${layer.name}"`;
    const x = layer.input.type;
    const res = layer.output.type;
    const max = layer.mode === 'max';
    const acc = max ? x : (layer.accum ?? poolAccumType(x, layer.p));
    const order = max ? 'order-free' : poolOrder(x, acc, layer.p * layer.p);
    const gather = ctx.inputMode === 'all' && order === 'order-free';
    // r = floor(2^F/P)/2^F as ap_ufixed<F+1,1> (core's sparse-pool2d-fixed.ts), held squared: rr
    // has 2F fraction bits and at most 2F + 2 bits
    const f = layer.reciprocalBits ?? 10;
    const rType = apUfixed(f + 1, 1);
    const rr = BigInt(poolReciprocalRaw(layer.p, f)) ** 2n;
    const product = mulType(mulType(acc, rType), rType);
    // avg: the final cast's source is the exact product acc * rr (width of (acc * r) * r, F_acc + 2F)
    const out = max
      ? resultCast(x, res, R_KEYS, where)
      : { RCOPY: 0, ...castGroup('R', { width: product.width, frac: fracBits(acc) + 2 * f, signed: product.signed }, res, R_KEYS, where) };
    const common = {
      N_MAX: layer.input.nMax,
      C: layer.input.shape[2] ?? 1,
      P: layer.p,
      HO: layer.output.shape[0] ?? 1,
      WO: layer.output.shape[1] ?? 1,
      HB: ctx.hashBits,
      L: ctx.lanes,
      G: ctx.beats,
      XW: x.width,
      XS: x.signed ? 1 : 0,
      AW: acc.width,
      AS: acc.signed ? 1 : 0,
      RW: res.width,
      MAX: max ? 1 : 0,
      MASK: ctx.model.mask ? 1 : 0,
      RRW: 2 * f + 2,
      RR: { width: 2 * f + 2, value: rr },
      ...out,
    };
    if (gather) {
      const levels = clog2(layer.input.nMax);
      const tl = max || levels === 0 ? 0 : Math.ceil(levels / ctx.lps);
      return {
        core: 'sp_pool_gather',
        params: { ...common, LPS: ctx.lps, ...termCast(x, acc) },
        form: max ? 'gather, max' : 'gather, order-free sum tree',
        needs: 'all',
        output: 'prog',
        latency: 4 + tl,
        minII: ctx.beats,
        reads: layer.source,
      };
    }
    return {
      core: 'sp_pool_scatter',
      params: { ...common, ...stepGroup('S', acc, x, where) },
      form: max ? 'scatter, max' : 'scatter, one cast per step',
      needs: 'prog',
      output: 'all',
      latency: ctx.beats + 2,
      minII: ctx.beats,
      reads: layer.source,
    };
  },
};
