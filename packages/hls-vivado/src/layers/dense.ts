import type { BuiltinEmitter } from '../layer-emitter';
import { layerTemplate } from './layer-template';
import { reuseView } from './reuse-view';
import { weightsAndBias } from './weights-and-bias';

/** Dense, latency strategy (sp_dense.h); a reuse factor R > 1 shares the multipliers R times (dense_reuse). */
export const denseEmitter: BuiltinEmitter<'Dense'> = {
  op: 'Dense',
  headers: ['sp_dense.h'],
  reuse: true,
  template: layerTemplate('dense'),
  view(ctx) {
    const nIn = ctx.input.size;
    const nOut = ctx.attrs.units;
    return {
      nIn,
      nOut,
      ...reuseView(ctx, nIn, 'n_in', 'dense'),
      ...weightsAndBias(ctx, [nIn, nOut], 'n_in, n_out'),
    };
  },
};
