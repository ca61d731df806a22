import { formatType, quantizeNumberBig } from '@sparsepixels/core';
import { cppLiteral } from '../cpp-literal';
import type { LayerEmitter } from '../layer-emitter';
import { layerTemplate } from './layer-template';

/** InputReduce: dense image -> N slots + hash (sp_input_reduce.h). */
export const inputReduceEmitter: LayerEmitter = {
  op: 'InputReduce',
  headers: ['sp_input_reduce.h'],
  template: layerTemplate('input-reduce'),
  view(ctx) {
    const [height, width, nChan] = ctx.input.shape;
    const threshold = Number(ctx.layer.attrs?.['threshold'] ?? 0);
    // The threshold is compared in the input type, cast with the type's own rounding/overflow.
    const raw = quantizeNumberBig(threshold, ctx.input.fixed);
    return {
      height,
      width,
      nChan,
      nSlots: ctx.output.slots,
      threshold: cppLiteral(raw, ctx.input.fixed, `layer "${ctx.layer.name}"`),
      thresholdNote: `threshold ${threshold} cast to ${formatType(ctx.input.fixed)}`,
    };
  },
};
