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
    const literal = cppLiteral(raw, ctx.input.fixed, `layer "${ctx.layer.name}"`);
    // build.thresholdInput: the threshold is a top-level input; the test bench passes the IR's value
    const port =
      ctx.build.thresholdInput === true
        ? ctx.topInput({
            name: 'threshold_in',
            type: ctx.input.type,
            tbValue: `${ctx.input.type}(${literal})`,
          })
        : '';
    return {
      thresholdPort: port,
      height,
      width,
      nChan,
      nMax,
      threshold: literal,
      thresholdNote: `threshold ${threshold} cast to ${formatType(ctx.input.fixed)}`,
    };
  },
};
