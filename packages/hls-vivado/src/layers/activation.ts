import type { LayerContext, LayerEmitter } from '../layer-emitter';
import { activationView } from './activations/registry';
import { layerTemplate } from './layer-template';

/** Activation of the dense path: relu, linear, sigmoid (table), softmax (tables). */
export const activationEmitter: LayerEmitter = {
  op: 'Activation',
  headers: ['sp_activation.h', 'sp_sigmoid.h', 'sp_softmax.h'],
  template: layerTemplate('activation'),
  view: (ctx: LayerContext) => ({ nIn: ctx.input.size, ...activationView(ctx, ctx.input.size) }),
};
