import type { SparseConvDesc } from '../model/adapter';
import { clog2, packRaws, stepGroup } from '../plan/type-params';
import type { LayerPlan, PlanContext, RtlEmitter } from './layer-emitter';
import { biasOf, convOrder, macParams, nonZeroGroups } from './mac-params';

/**
 * SparseConv2D: sp_conv_gather when the input is all-at-once and the accumulator is order-free
 * (output slot i per beat: N_MAX taps, a sum tree; output progressive), else sp_conv_scatter (input
 * slot j per beat added to all N_MAX accumulators in slot order; output all-at-once).
 */
export const sparseConvEmitter: RtlEmitter<SparseConvDesc> = {
  op: 'SparseConv2D',
  plan(layer: SparseConvDesc, ctx: PlanContext): LayerPlan {
    const where = `layer "${layer.name}"`;
    const order = convOrder(layer, layer.input, layer.cout);
    const bias = biasOf(layer, layer.cout);
    const gather = ctx.inputMode === 'all' && order === 'order-free';
    const n = layer.input.nMax;
    const common = {
      N_MAX: n,
      CIN: layer.cin,
      COUT: layer.cout,
      K: layer.k,
      HB: ctx.hashBits,
      L: ctx.lanes,
      G: ctx.beats,
      DB: Math.max(1, clog2(layer.k)),
      MASK: ctx.model.mask ? 1 : 0,
      NZ: nonZeroGroups(layer.weights, layer.cin * layer.cout),
      BW: bias.type.width,
      BS: bias.type.signed ? 1 : 0,
      BIAS: packRaws(bias.raws, bias.type.width),
      ...stepGroup('B', layer.accum, bias.type, where),
    };
    if (gather) {
      const levels = clog2(n * layer.cin);
      const tl = levels === 0 ? 0 : Math.ceil(levels / ctx.lps);
      return {
        core: 'sp_conv_gather',
        params: { ...common, LPS: ctx.lps, ...macParams(layer, layer.input, layer.output, where, { term: true, step: false }) },
        form: 'gather, order-free sum tree',
        needs: 'all',
        output: 'prog',
        latency: 4 + tl,
        minII: ctx.beats,
        reads: layer.source,
      };
    }
    return {
      core: 'sp_conv_scatter',
      params: { ...common, MODE: order === 'order-free' ? 0 : 1, ...macParams(layer, layer.input, layer.output, where, { term: true, step: true }) },
      form: order === 'order-free' ? 'scatter, order-free' : 'scatter, one cast per step',
      needs: 'prog',
      output: 'all',
      latency: ctx.beats + 4,
      minII: ctx.beats,
      reads: layer.source,
    };
  },
};
