import type { BuiltinEmitter } from '../layer-emitter';
import { activationView } from './activations/registry';
import { layerTemplate } from './layer-template';

/** SparseActivation: the activation on each active slot's channels, hash copied through (sp_sparse_activation.h). */
export const sparseActivationEmitter: BuiltinEmitter<'SparseActivation'> = {
  op: 'SparseActivation',
  headers: ['sp_sparse_activation.h'],
  template: layerTemplate('sparse-activation'),
  view(ctx) {
    const nChan = ctx.input.shape[2] ?? 1;
    return { nMax: ctx.input.nMax, nChan, ...activationView(ctx, nChan) };
  },
};
