import type { LayerEmitter } from '../layer-emitter';
import { activationView } from './activations/registry';
import { layerTemplate } from './layer-template';

/** SparseActivation: the activation on each active slot's channels, hash copied through (sp_sparse_activation.h). */
export const sparseActivationEmitter: LayerEmitter = {
  op: 'SparseActivation',
  headers: ['sp_sparse_activation.h'],
  template: layerTemplate('sparse-activation'),
  view(ctx) {
    const nChan = ctx.input.shape[2] ?? 1;
    return { nSlots: ctx.input.slots, nChan, ...activationView(ctx, nChan) };
  },
};
