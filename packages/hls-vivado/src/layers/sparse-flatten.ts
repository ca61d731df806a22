import type { BuiltinEmitter } from '../layer-emitter';
import { layerTemplate } from './layer-template';

/** SparseFlatten: slots -> dense (h, w, c) vector (sp_sparse_flatten.h). */
export const sparseFlattenEmitter: BuiltinEmitter<'SparseFlatten'> = {
  op: 'SparseFlatten',
  headers: ['sp_sparse_flatten.h'],
  template: layerTemplate('sparse-flatten'),
  view(ctx) {
    const [height, width, nChan] = ctx.input.shape;
    return { nMax: ctx.input.nMax, nChan, height, width };
  },
};
