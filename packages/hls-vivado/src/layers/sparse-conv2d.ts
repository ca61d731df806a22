import type { BuiltinEmitter } from '../layer-emitter';
import { layerTemplate } from './layer-template';
import { weightsAndBias } from './weights-and-bias';

/** SparseConv2D: submanifold K x K conv on the slots (sp_sparse_conv2d.h). */
export const sparseConv2dEmitter: BuiltinEmitter<'SparseConv2D'> = {
  op: 'SparseConv2D',
  headers: ['sp_sparse_conv2d.h'],
  template: layerTemplate('sparse-conv2d'),
  view(ctx) {
    const nChan = ctx.input.shape[2] ?? 0;
    const { filters: nFilt, kernelSize } = ctx.attrs;
    return { nMax: ctx.input.nMax, nChan, nFilt, kernelSize, ...weightsAndBias(ctx, [kernelSize, kernelSize, nChan, nFilt], 'kh, kw, cin, cout') };
  },
};
