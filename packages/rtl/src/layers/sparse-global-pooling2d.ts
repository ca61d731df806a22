import { apUfixed, globalPoolAccumType, globalReciprocalTable, mulType } from '@sparsepixels/core';
import { modelFail, whereOf } from '../model/layer-base';
import { bitsFor, packRaws, poolResultCast, stepGroup, termCast } from '../plan/type-params';
import { beatPlan, SPARSE_TO_VECTOR_PORTS, treeStages, type LayerPlan, type PlanContext, type RtlEmitter } from './layer-emitter';
import { poolingParams, poolingTypes, type PoolingDesc } from './sparse-pooling2d';

export interface SparseGlobalPoolDesc extends PoolingDesc {
  readonly op: 'SparseGlobalPooling2D';
}

/**
 * SparseGlobalPooling2D (docs/semantics.md 5.6): sp_gpool_tree (input all-at-once; per channel a
 * masked sum tree or max tree over the N_MAX slots, k from a popcount tree) when the
 * accumulation is order-free or max, else sp_gpool_step (input slots per beat, exact steps in
 * slot order). Both look r_k up in a table of N_MAX + 1 constants and cast acc * r_k once.
 */
export const sparseGlobalPoolEmitter: RtlEmitter<SparseGlobalPoolDesc> = {
  op: 'SparseGlobalPooling2D',
  describe(p, base): SparseGlobalPoolDesc {
    const { mode, reciprocalBits } = p.attrs;
    if (mode === 'max') return { ...base, op: 'SparseGlobalPooling2D', mode };
    // prepareModel infers F when the document leaves it out (docs/semantics.md section 5.6)
    const bits = reciprocalBits ?? modelFail('has no prepared reciprocalBits', whereOf(base));
    return { ...base, op: 'SparseGlobalPooling2D', mode, reciprocalBits: bits, ...(p.precision.accum ? { accum: p.precision.accum } : {}) };
  },
  cores: { sp_gpool_tree: SPARSE_TO_VECTOR_PORTS, sp_gpool_step: SPARSE_TO_VECTOR_PORTS },
  plan(layer: SparseGlobalPoolDesc, ctx: PlanContext): LayerPlan {
    const nMax = layer.input.nMax;
    const types = poolingTypes(layer, (xt) => globalPoolAccumType(xt, nMax), nMax);
    const { where, x, res, max, acc, order } = types;
    const tree = ctx.inputMode === 'all' && order === 'order-free';
    // r_k = floor(2^F/k)/2^F as ap_ufixed<F+1,1> (core's sparse-global-pool2d.ts); the final cast's
    // source is the exact product acc * r_k (F_acc + F fraction bits)
    const f = layer.reciprocalBits ?? 0;
    const rtw = f + 1;
    const product = mulType(acc, apUfixed(rtw, 1));
    const out = poolResultCast({ max, input: x, accum: acc, product, recipFrac: f }, res, where);
    const table = max ? new Array<bigint>(nMax + 1).fill(0n) : globalReciprocalTable(nMax, f).map(BigInt);
    const common = {
      ...poolingParams(layer, types, ctx),
      KB: bitsFor(nMax),
      RTW: rtw,
      RTAB: packRaws(table, rtw),
      ...out,
    };
    if (tree) {
      // a max node is a comparator and a mux: half the adder tree's levels between registers
      const lps = max ? Math.max(1, Math.floor(ctx.lps / 2)) : ctx.lps;
      return {
        core: 'sp_gpool_tree',
        params: { ...common, LPS: lps, ...termCast(x, acc) },
        form: max ? 'max tree' : 'order-free sum tree',
        needs: 'all',
        output: 'all',
        latency: 4 + treeStages(nMax, lps),
        minII: 1,
        reads: layer.source,
      };
    }
    const params = { ...common, L: ctx.lanes, G: ctx.beats, ...stepGroup('S', acc, x, where) };
    const form = max ? `running max, ${ctx.lanes} slot(s) per beat` : `one cast per step, ${ctx.lanes} slot(s) per beat`;
    return beatPlan('scatter', 'sp_gpool_step', params, form, ctx.beats + 3, ctx, layer);
  },
};
