import { macDesc, whereOf, type LayerBase, type MacDesc } from '../model/layer-base';
import { clog2, packRaws, stepGroup } from '../plan/type-params';
import { beatPlan, SPARSE_PORTS, treeStages, type LayerPlan, type PlanContext, type RtlEmitter } from './layer-emitter';
import { biasOf, convOrder, macParams, nonZeroGroups } from './mac-params';

export interface SparseConvDesc extends LayerBase, MacDesc {
  readonly op: 'SparseConv2D';
  readonly k: number;
  readonly cin: number;
  readonly cout: number;
}

/**
 * SparseConv2D: sp_conv_gather when the input is all-at-once and the accumulator is order-free
 * (output slot i per beat: N_MAX taps, a sum tree; output progressive), else sp_conv_scatter (input
 * slot j per beat added to all N_MAX accumulators in slot order; output all-at-once).
 */
export const sparseConvEmitter: RtlEmitter<SparseConvDesc> = {
  op: 'SparseConv2D',
  describe: (p, base) => ({
    ...base,
    op: 'SparseConv2D',
    k: p.attrs.kernelSize,
    cin: base.input.shape[2] ?? 1,
    cout: p.attrs.filters,
    ...macDesc(p, whereOf(base)),
  }),
  cores: { sp_conv_gather: SPARSE_PORTS, sp_conv_scatter: SPARSE_PORTS },
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
      const params = { ...common, LPS: ctx.lps, ...macParams(layer, layer.input, layer.output, where, { term: true, step: false }) };
      return beatPlan('gather', 'sp_conv_gather', params, 'gather, order-free sum tree', 4 + treeStages(n * layer.cin, ctx.lps), ctx, layer);
    }
    const params = { ...common, MODE: order === 'order-free' ? 0 : 1, ...macParams(layer, layer.input, layer.output, where, { term: true, step: true }) };
    return beatPlan('scatter', 'sp_conv_scatter', params, order === 'order-free' ? 'scatter, order-free' : 'scatter, one cast per step', ctx.beats + 4, ctx, layer);
  },
};
