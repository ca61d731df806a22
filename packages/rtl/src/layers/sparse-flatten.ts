import type { LayerBase } from '../model/layer-base';
import { resultCast } from '../plan/type-params';
import type { LayerPlan, PlanContext, RtlEmitter } from './layer-emitter';

export interface SparseFlattenDesc extends LayerBase {
  readonly op: 'SparseFlatten';
}

const R_KEYS = ['SF', 'SS', 'DF', 'DS', 'Q', 'O', 'NB'];

/**
 * SparseFlatten: sp_flatten, the exact scatter (the last slot with a non-zero value wins). When
 * the Dense after it is fused (layers/dense.ts) nothing reads this output in synthesis: it only
 * exists for the simulation probes.
 */
export const sparseFlattenEmitter: RtlEmitter<SparseFlattenDesc> = {
  op: 'SparseFlatten',
  describe: (_p, base) => ({ ...base, op: 'SparseFlatten' }),
  // invalid slots hold all-zero features and valid slots distinct pixels, so flatten (and the
  // fused dense) give the same bits from the features alone in both activity modes
  cores: { sp_flatten: { x: 'x_feat', xh: 'x_hash', y: 'y', control: true } },
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
