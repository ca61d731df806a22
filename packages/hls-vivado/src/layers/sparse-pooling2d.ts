import type { BuiltinEmitter } from '../layer-emitter';
import { layerTemplate } from './layer-template';
import { poolingView } from './pooling-view';

/** SparsePooling2D: avg or max pooling of the slots, pooled hash out (sp_sparse_pool2d.h). */
export const sparsePooling2dEmitter: BuiltinEmitter<'SparsePooling2D'> = {
  op: 'SparsePooling2D',
  headers: ['sp_sparse_pool2d.h'],
  template: layerTemplate('sparse-pooling2d'),
  view: (ctx) => ({
    ...poolingView(ctx, ctx.attrs.mode === 'avg'),
    nMax: ctx.input.nMax,
    poolMode: ctx.attrs.mode,
  }),
};
