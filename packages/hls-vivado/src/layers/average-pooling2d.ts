import { preparedReciprocalBits } from '@sparsepixels/ir';
import type { BuiltinEmitter } from '../layer-emitter';
import { layerTemplate } from './layer-template';
import { accumTypedef } from './weights-and-bias';

/** AveragePooling2D of the standard baseline: stride P, 'valid' (sp_avg_pool2d.h). */
export const averagePooling2dEmitter: BuiltinEmitter<'AveragePooling2D'> = {
  op: 'AveragePooling2D',
  headers: ['sp_avg_pool2d.h'],
  template: layerTemplate('average-pooling2d'),
  view(ctx) {
    const [inHeight, inWidth, nChan] = ctx.input.shape;
    const accumType = accumTypedef(ctx, ctx.precision.accum ?? ctx.input.fixed);
    const recipBits = preparedReciprocalBits(ctx.attrs, ctx.layer.name);
    return { inHeight, inWidth, nChan, poolSize: ctx.attrs.poolSize, accumType, recipBits };
  },
};
