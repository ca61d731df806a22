import type { BuiltinEmitter } from '../layer-emitter';
import { layerTemplate } from './layer-template';

/** AveragePooling2D of the standard baseline: stride P, 'valid' (sp_avg_pool2d.h). */
export const averagePooling2dEmitter: BuiltinEmitter<'AveragePooling2D'> = {
  op: 'AveragePooling2D',
  headers: ['sp_avg_pool2d.h'],
  template: layerTemplate('average-pooling2d'),
  view(ctx) {
    const [inHeight, inWidth, nChan] = ctx.input.shape;
    const accum = ctx.precision.accum ?? ctx.input.fixed;
    const accumType = ctx.typedef(`layer${ctx.index}_accum_t`, accum, `${ctx.layer.name} accumulator`);
    return { inHeight, inWidth, nChan, poolSize: ctx.attrs.poolSize, accumType };
  },
};
