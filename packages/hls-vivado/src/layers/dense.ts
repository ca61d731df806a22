import type { BuiltinEmitter } from '../layer-emitter';
import { layerTemplate } from './layer-template';
import { weightsAndBias } from './weights-and-bias';

/** Dense, latency strategy (sp_dense.h). */
export const denseEmitter: BuiltinEmitter<'Dense'> = {
  op: 'Dense',
  headers: ['sp_dense.h'],
  template: layerTemplate('dense'),
  view(ctx) {
    const nIn = ctx.input.size;
    const nOut = ctx.attrs.units;
    return { nIn, nOut, ...weightsAndBias(ctx, [nIn, nOut], 'n_in, n_out') };
  },
};
