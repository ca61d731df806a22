import { SparsePixelsError } from '@sparsepixels/core';
import { activationEmitter } from './layers/activation';
import { averagePooling2dEmitter } from './layers/average-pooling2d';
import { conv2dEmitter } from './layers/conv2d';
import { denseEmitter } from './layers/dense';
import { flattenEmitter } from './layers/flatten';
import { inputReduceEmitter } from './layers/input-reduce';
import { sparseActivationEmitter } from './layers/sparse-activation';
import { sparseConv2dEmitter } from './layers/sparse-conv2d';
import { sparseFlattenEmitter } from './layers/sparse-flatten';
import { sparseGlobalPooling2dEmitter } from './layers/sparse-global-pooling2d';
import { sparsePooling2dEmitter } from './layers/sparse-pooling2d';
import type { BuiltinOpType } from '@sparsepixels/ir';
import type { BuiltinEmitter, LayerEmitter } from './layer-emitter';

/**
 * The built-in emitters, one per op, in the IR's order. BuiltinOpType comes from ir's op registry,
 * so an op added there without an emitter here fails typecheck (each entry is also typed by its op).
 */
export const BUILTIN_EMITTERS = Object.freeze({
  InputReduce: inputReduceEmitter,
  SparseConv2D: sparseConv2dEmitter,
  SparseActivation: sparseActivationEmitter,
  SparsePooling2D: sparsePooling2dEmitter,
  SparseFlatten: sparseFlattenEmitter,
  SparseGlobalPooling2D: sparseGlobalPooling2dEmitter,
  Dense: denseEmitter,
  Activation: activationEmitter,
  Conv2D: conv2dEmitter,
  AveragePooling2D: averagePooling2dEmitter,
  Flatten: flattenEmitter,
} satisfies { readonly [T in BuiltinOpType]: BuiltinEmitter<T> });

const added = new Map<string, LayerEmitter>();

/**
 * Adds an emitter for an op registered by outside code (ir's registerOp). Returns a function that
 * removes it again. Built-in ops cannot be replaced.
 */
export function registerEmitter(emitter: LayerEmitter): () => void {
  if (findEmitter(emitter.op)) {
    throw new SparsePixelsError(
      'SP_HLS_DUPLICATE_EMITTER',
      `an emitter for op "${emitter.op}" is already registered`,
    );
  }
  added.set(emitter.op, emitter);
  return () => {
    if (added.get(emitter.op) === emitter) added.delete(emitter.op);
  };
}

export function findEmitter(op: string): LayerEmitter | undefined {
  return (BUILTIN_EMITTERS as Record<string, LayerEmitter>)[op] ?? added.get(op);
}

/** Every op with an emitter: built-ins first, then registered ones. */
export function listEmitterOps(): string[] {
  return [...Object.keys(BUILTIN_EMITTERS), ...added.keys()];
}
