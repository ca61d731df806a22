import type { BuiltinEmitter } from '../layer-emitter';
import { activationView } from './activations/registry';
import { layerTemplate } from './layer-template';

/** Activation of the dense path: relu, linear, sigmoid (table), softmax (tables). */
export const activationEmitter: BuiltinEmitter<'Activation'> = {
  op: 'Activation',
  headers: ['sp_activation.h', 'sp_sigmoid.h', 'sp_softmax.h'],
  template: layerTemplate('activation'),
  view: (ctx) => ({ nIn: ctx.input.size, ...activationView(ctx, ctx.input.size) }),
};
