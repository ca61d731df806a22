import { formatType, quantizeNumberBig } from '@sparsepixels/core';
import { cppLiteral } from '../cpp-literal';
import type { BuiltinEmitter } from '../layer-emitter';
import { layerTemplate } from './layer-template';

/** InputReduce: dense image -> N_MAX slots + hash (sp_input_reduce.h). */
export const inputReduceEmitter: BuiltinEmitter<'InputReduce'> = {
  op: 'InputReduce',
  headers: ['sp_input_reduce.h'],
  template: layerTemplate('input-reduce'),
  view(ctx) {
    const [height, width, nChan] = ctx.input.shape;
    const { threshold, nMax } = ctx.attrs;
    // The threshold is compared in the input type, cast with the type's own rounding/overflow.
    const raw = quantizeNumberBig(threshold, ctx.input.fixed);
    return {
      height,
      width,
      nChan,
      nMax,
      threshold: cppLiteral(raw, ctx.input.fixed, `layer "${ctx.layer.name}"`),
      thresholdNote: `threshold ${threshold} cast to ${formatType(ctx.input.fixed)}`,
    };
  },
};
