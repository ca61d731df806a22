import type { BuiltinEmitter } from '../layer-emitter';
import { layerTemplate } from './layer-template';

/** SparsePooling2D: avg or max pooling of the slots, pooled hash out (sp_sparse_pool2d.h). */
export const sparsePooling2dEmitter: BuiltinEmitter<'SparsePooling2D'> = {
  op: 'SparsePooling2D',
  headers: ['sp_sparse_pool2d.h'],
  template: layerTemplate('sparse-pooling2d'),
  view(ctx) {
    const [inHeight, inWidth, nChan] = ctx.input.shape;
    // Max pooling has no accumulator; the C++ config still names one (the input type).
    const accum = ctx.precision.accum ?? ctx.input.fixed;
    const accumType = ctx.typedef(`layer${ctx.index}_accum_t`, accum, `${ctx.layer.name} accumulator`);
    return { nMax: ctx.input.nMax, nChan, poolSize: ctx.attrs.poolSize, inHeight, inWidth, poolMode: ctx.attrs.mode, accumType };
  },
};
