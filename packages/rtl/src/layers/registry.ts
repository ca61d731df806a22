import type { LayerDesc } from '../model/adapter';
import { activationEmitter, sparseActivationEmitter } from './activation';
import { denseEmitter } from './dense';
import { inputReduceEmitter } from './input-reduce';
import type { RtlEmitter } from './layer-emitter';
import { sparseConvEmitter } from './sparse-conv2d';
import { sparseFlattenEmitter } from './sparse-flatten';
import { sparseGlobalPoolEmitter } from './sparse-global-pooling2d';
import { sparsePoolEmitter } from './sparse-pooling2d';

/** The description type whose op can be K (ActivationDesc serves two ops). */
type DescOf<K> = LayerDesc extends infer D ? (D extends { op: infer O } ? (K extends O ? D : never) : never) : never;
type EmitterTable = { readonly [K in LayerDesc['op']]: RtlEmitter<DescOf<K>> };

/** The RTL emitter of every op the backend supports (one per op; the compiler checks the list). */
export const RTL_EMITTERS: EmitterTable = Object.freeze({
  InputReduce: inputReduceEmitter,
  SparseConv2D: sparseConvEmitter,
  SparseActivation: sparseActivationEmitter,
  SparsePooling2D: sparsePoolEmitter,
  SparseGlobalPooling2D: sparseGlobalPoolEmitter,
  SparseFlatten: sparseFlattenEmitter,
  Dense: denseEmitter,
  Activation: activationEmitter,
});

export function emitterOf(layer: LayerDesc): RtlEmitter {
  return RTL_EMITTERS[layer.op] as RtlEmitter;
}

export const RTL_OPS: readonly string[] = Object.keys(RTL_EMITTERS);
