import { preparedReciprocalBits } from '@sparsepixels/ir';
import type { BuiltinEmitter } from '../layer-emitter';
import { layerTemplate } from './layer-template';
import { accumTypedef } from './weights-and-bias';

/** SparsePooling2D: avg or max pooling of the slots, pooled hash out (sp_sparse_pool2d.h). */
export const sparsePooling2dEmitter: BuiltinEmitter<'SparsePooling2D'> = {
  op: 'SparsePooling2D',
  headers: ['sp_sparse_pool2d.h'],
  template: layerTemplate('sparse-pooling2d'),
  view(ctx) {
    const [inHeight, inWidth, nChan] = ctx.input.shape;
    // Max pooling has no accumulator; the C++ config still names one (the input type).
    const accumType = accumTypedef(ctx, ctx.precision.accum ?? ctx.input.fixed);
    // avg: r = floor(2^F/P)/2^F with F = reciprocalBits (precision inference writes it); max: unused
    const recipBits = ctx.attrs.mode === 'avg' ? preparedReciprocalBits(ctx.attrs, ctx.layer.name) : 0;
    return { nMax: ctx.input.nMax, nChan, poolSize: ctx.attrs.poolSize, inHeight, inWidth, poolMode: ctx.attrs.mode, accumType, recipBits };
  },
};
