import type { BuiltinEmitter } from '../layer-emitter';
import { layerTemplate } from './layer-template';
import { reuseView } from './reuse-view';
import { sparseConvWeightsAndBias } from './weights-and-bias';

/**
 * SparseConv2D: submanifold K x K conv on the slots (sp_sparse_conv2d.h), multiplying only in
 * weight columns with a non-zero tap and adding only non-zero taps; reuse factor R: N_MAX/R output
 * slots per cycle.
 */
export const sparseConv2dEmitter: BuiltinEmitter<'SparseConv2D'> = {
  op: 'SparseConv2D',
  headers: ['sp_sparse_conv2d.h'],
  reuse: true,
  template: layerTemplate('sparse-conv2d'),
  view(ctx) {
    const nChan = ctx.input.shape[2] ?? 0;
    const { filters: nFilt, kernelSize } = ctx.attrs;
    const reuse = reuseView(ctx, ctx.input.nMax ?? 1, 'N_max', 'sparse_conv2d');
    return {
      nMax: ctx.input.nMax,
      nChan,
      nFilt,
      kernelSize,
      ...reuse,
      ...sparseConvWeightsAndBias(ctx, [kernelSize, kernelSize, nChan, nFilt]),
    };
  },
};
