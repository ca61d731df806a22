import type { LayerEmitter } from '../layer-emitter';
import { layerTemplate } from './layer-template';

/** SparseFlatten: slots -> dense (h, w, c) vector (sp_sparse_flatten.h). */
export const sparseFlattenEmitter: LayerEmitter = {
  op: 'SparseFlatten',
  headers: ['sp_sparse_flatten.h'],
  template: layerTemplate('sparse-flatten'),
  view(ctx) {
    const [height, width, nChan] = ctx.input.shape;
    return { nSlots: ctx.input.slots, nChan, height, width };
  },
};
