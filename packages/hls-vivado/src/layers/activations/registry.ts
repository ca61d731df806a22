import { SparsePixelsError } from '@sparsepixels/core';
import type { ActivationContext, ActivationEmitter } from './activation-emitter';
import { sigmoidEmitter } from './sigmoid';
import { softmaxEmitter } from './softmax';

/** The activation functions of the Activation and SparseActivation ops (one file each). */
export const ACTIVATION_EMITTERS: readonly ActivationEmitter[] = Object.freeze([
  { name: 'relu', view: () => ({ fn: 'relu' }) },
  { name: 'linear', view: () => ({ fn: 'linear' }) },
  sigmoidEmitter,
  softmaxEmitter,
]);

/** Template fields of the layer's activation over rows of `rowLength` values. */
export function activationView(ctx: ActivationContext, rowLength: number) {
  const name = ctx.attrs.activation;
  const emitter = ACTIVATION_EMITTERS.find((a) => a.name === name);
  if (!emitter) {
    throw new SparsePixelsError(
      'SP_HLS_UNSUPPORTED',
      `activation "${name}" has no HLS kernel; supported: ${ACTIVATION_EMITTERS.map((a) => a.name).join(', ')}`,
      `layer "${ctx.layer.name}"`,
    );
  }
  return { constants: [], types: [], tables: [], ...emitter.view(ctx, rowLength) };
}
