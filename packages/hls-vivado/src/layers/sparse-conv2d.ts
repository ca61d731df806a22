import type { LayerEmitter } from '../layer-emitter';
import { layerTemplate } from './layer-template';
import { weightsAndBias } from './weights-and-bias';

/** SparseConv2D: submanifold K x K conv on the slots (sp_sparse_conv2d.h). */
export const sparseConv2dEmitter: LayerEmitter = {
  op: 'SparseConv2D',
  headers: ['sp_sparse_conv2d.h'],
  template: layerTemplate('sparse-conv2d'),
  view(ctx) {
    const nChan = ctx.input.shape[2];
    const nFilt = Number(ctx.layer.attrs?.['filters']);
    const kernelSize = Number(ctx.layer.attrs?.['kernelSize']);
    return { nSlots: ctx.input.slots, nChan, nFilt, kernelSize, ...weightsAndBias(ctx, [kernelSize, kernelSize, nChan ?? 0, nFilt], 'kh, kw, cin, cout') };
  },
};
