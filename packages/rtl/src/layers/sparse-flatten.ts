import type { SparseFlattenDesc } from '../model/adapter';
import { resultCast } from '../plan/type-params';
import type { LayerPlan, PlanContext, RtlEmitter } from './layer-emitter';

const R_KEYS = ['SF', 'SS', 'DF', 'DS', 'Q', 'O', 'NB'];

/**
 * SparseFlatten: sp_flatten, the exact scatter (the last slot with a non-zero value wins). When
 * the Dense after it is fused (layers/dense.ts) nothing reads this output in synthesis: it only
 * exists for the simulation probes.
 */
export const sparseFlattenEmitter: RtlEmitter<SparseFlattenDesc> = {
  op: 'SparseFlatten',
  plan(layer: SparseFlattenDesc, ctx: PlanContext): LayerPlan {
    const x = layer.input.type;
    return {
      core: 'sp_flatten',
      params: {
        N_MAX: layer.input.nMax,
        C: layer.input.shape[2] ?? 1,
        HO: layer.input.shape[0] ?? 1,
        WO: layer.input.shape[1] ?? 1,
        HB: ctx.hashBits,
        XW: x.width,
        RW: layer.output.type.width,
        ...resultCast(x, layer.output.type, R_KEYS, `layer "${layer.name}"`),
      },
      form: 'priority scatter',
      needs: 'all',
      output: 'all',
      latency: 2,
      minII: 1,
      reads: layer.source,
    };
  },
};
