import { apUfixed, fracBits, globalPoolAccumType, globalReciprocalTable, mulType } from '@sparsepixels/core';
import type { SparseGlobalPoolDesc } from '../model/adapter';
import { poolOrder } from '../plan/accum-order';
import { bitsFor, castGroup, clog2, packRaws, resultCast, stepGroup, termCast } from '../plan/type-params';
import type { LayerPlan, PlanContext, RtlEmitter } from './layer-emitter';

const R_KEYS = ['SW', 'SF', 'SS', 'DF', 'DS', 'Q', 'O', 'NB'];

/**
 * SparseGlobalPooling2D (docs/semantics.md 5.6): sp_gpool_tree (input all-at-once; per channel a
 * masked sum tree or max tree over the N_MAX slots, k from a popcount tree) when the
 * accumulation is order-free or max, else sp_gpool_step (input slots per beat, exact steps in
 * slot order). Both look r_k up in a table of N_MAX + 1 constants and cast acc * r_k once.
 */
export const sparseGlobalPoolEmitter: RtlEmitter<SparseGlobalPoolDesc> = {
  op: 'SparseGlobalPooling2D',
  plan(layer: SparseGlobalPoolDesc, ctx: PlanContext): LayerPlan {
    const where = `layer "${layer.name}"`;
    const x = layer.input.type;
    const res = layer.output.type;
    const nMax = layer.input.nMax;
    const max = layer.mode === 'max';
    const acc = max ? x : (layer.accum ?? globalPoolAccumType(x, nMax));
    const order = max ? 'order-free' : poolOrder(x, acc, nMax);
    const tree = ctx.inputMode === 'all' && order === 'order-free';
    // r_k = floor(2^F/k)/2^F as ap_ufixed<F+1,1> (core's sparse-global-pool2d.ts); the final cast's
    // source is the exact product acc * r_k (F_acc + F fraction bits)
    const f = layer.reciprocalBits ?? 0;
    const rtw = f + 1;
    const product = mulType(acc, apUfixed(rtw, 1));
    const out = max
      ? resultCast(x, res, R_KEYS, where)
      : { RCOPY: 0, ...castGroup('R', { width: product.width, frac: fracBits(acc) + f, signed: product.signed }, res, R_KEYS, where) };
    const table = max ? new Array<bigint>(nMax + 1).fill(0n) : globalReciprocalTable(nMax, f).map(BigInt);
    const common = {
      N_MAX: nMax,
      C: layer.input.shape[2] ?? 1,
      HB: ctx.hashBits,
      XW: x.width,
      XS: x.signed ? 1 : 0,
      AW: acc.width,
      AS: acc.signed ? 1 : 0,
      RW: res.width,
      MAX: max ? 1 : 0,
      MASK: ctx.model.mask ? 1 : 0,
      KB: bitsFor(nMax),
      RTW: rtw,
      RTAB: packRaws(table, rtw),
      ...out,
    };
    if (tree) {
      // a max node is a comparator and a mux: half the adder tree's levels between registers
      const lps = max ? Math.max(1, Math.floor(ctx.lps / 2)) : ctx.lps;
      const levels = clog2(nMax);
      return {
        core: 'sp_gpool_tree',
        params: { ...common, LPS: lps, ...termCast(x, acc) },
        form: max ? 'max tree' : 'order-free sum tree',
        needs: 'all',
        output: 'all',
        latency: 4 + Math.ceil(levels / lps),
        minII: 1,
        reads: layer.source,
      };
    }
    return {
      core: 'sp_gpool_step',
      params: { ...common, L: ctx.lanes, G: ctx.beats, ...stepGroup('S', acc, x, where) },
      form: max ? `running max, ${ctx.lanes} slot(s) per beat` : `one cast per step, ${ctx.lanes} slot(s) per beat`,
      needs: 'prog',
      output: 'all',
      latency: ctx.beats + 3,
      minII: ctx.beats,
      reads: layer.source,
    };
  },
};
