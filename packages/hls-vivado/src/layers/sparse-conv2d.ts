import type { LayerEmitter } from '../layer-emitter';
import { layerTemplate } from './layer-template';
import { reuseView } from './reuse-view';
import { weightsAndBias } from './weights-and-bias';

/** SparseConv2D: submanifold K x K conv on the slots (sp_sparse_conv2d.h); reuse factor R: N/R output slots per cycle. */
export const sparseConv2dEmitter: LayerEmitter = {
  op: 'SparseConv2D',
  headers: ['sp_sparse_conv2d.h'],
  reuse: true,
  template: layerTemplate('sparse-conv2d'),
  view(ctx) {
    const nChan = ctx.input.shape[2];
    const nFilt = Number(ctx.layer.attrs?.['filters']);
    const kernelSize = Number(ctx.layer.attrs?.['kernelSize']);
    const reuse = reuseView(ctx, ctx.input.slots ?? 1, 'N_max', 'sparse_conv2d');
    return {
      nSlots: ctx.input.slots,
      nChan,
      nFilt,
      kernelSize,
      ...reuse,
      ...weightsAndBias(ctx, [kernelSize, kernelSize, nChan ?? 0, nFilt], 'kh, kw, cin, cout'),
    };
  },
};
