import type { BuiltinEmitter } from '../layer-emitter';
import { layerTemplate } from './layer-template';
import { nonZeroWeightsAndBias } from './weights-and-bias';

/** Conv2D of the standard baseline: 'same', stride 1 (sp_conv2d.h), on the non-zero weights only. */
export const conv2dEmitter: BuiltinEmitter<'Conv2D'> = {
  op: 'Conv2D',
  headers: ['sp_conv2d.h'],
  template: layerTemplate('conv2d'),
  view(ctx) {
    const [height, width, nChan = 1] = ctx.input.shape;
    const { filters: nFilt, kernelSize } = ctx.attrs;
    return { height, width, nChan, nFilt, kernelSize, ...nonZeroWeightsAndBias(ctx, [kernelSize, kernelSize, nChan, nFilt], 'kh, kw, cin, cout') };
  },
};
