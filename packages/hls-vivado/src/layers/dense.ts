import type { BuiltinEmitter } from '../layer-emitter';
import { denseReuseTables } from './dense-reuse-tables';
import { layerTemplate } from './layer-template';
import { reuseView } from './reuse-view';
import { nonZeroWeightsAndBias } from './weights-and-bias';

/**
 * Dense, latency strategy (sp_dense.h), on the non-zero weights only; a reuse factor R > 1 shares
 * the multipliers of the non-zero terms R times (dense_reuse: ceil(nonzero / R) per output).
 */
export const denseEmitter: BuiltinEmitter<'Dense'> = {
  op: 'Dense',
  headers: ['sp_dense.h'],
  reuse: true,
  template: layerTemplate('dense'),
  view(ctx) {
    const nIn = ctx.input.size;
    const nOut = ctx.attrs.units;
    const { kernel, reuse } = reuseView(ctx, nIn, 'n_in', 'dense');
    const weights = reuse ? denseReuseTables(ctx, nIn, nOut, reuse.factor) : { ...nonZeroWeightsAndBias(ctx, [nIn, nOut], 'n_in, n_out'), reuse: null };
    return { nIn, nOut, kernel, ...weights };
  },
};
