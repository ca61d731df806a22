import { activationOp } from './activation';
import { averagePooling2dOp } from './average-pooling2d';
import { conv2dOp } from './conv2d';
import { denseOp } from './dense';
import { flattenOp } from './flatten';
import { inputReduceOp } from './input-reduce';
import type { AttrsOfOp, LayerOfOp } from './op-def';
import { sparseActivationOp } from './sparse-activation';
import { sparseConv2dOp } from './sparse-conv2d';
import { sparseFlattenOp } from './sparse-flatten';
import { sparseGlobalPooling2dOp } from './sparse-global-pooling2d';
import { sparsePooling2dOp } from './sparse-pooling2d';

/**
 * The ops of IR version 1, in the order the schema lists them. Adding an op: one file with
 * defineOp + one line here; the schema (npm run gen:schema), the LayerIR union and BuiltinOpType
 * follow from this list.
 */
export const BUILTIN_OPS = Object.freeze([
  inputReduceOp,
  sparseConv2dOp,
  sparseActivationOp,
  sparsePooling2dOp,
  sparseFlattenOp,
  sparseGlobalPooling2dOp,
  denseOp,
  activationOp,
  conv2dOp, // standard baseline
  averagePooling2dOp, // standard baseline
  flattenOp, // standard baseline
] as const);

/** One of the built-in op definitions. */
export type BuiltinOp = (typeof BUILTIN_OPS)[number];

/** The name of a built-in op ('InputReduce' | 'SparseConv2D' | ...). */
export type BuiltinOpType = BuiltinOp['type'];

/** The built-in op named T. */
export type BuiltinOpOf<T extends BuiltinOpType> = Extract<BuiltinOp, { readonly type: T }>;

/** A layer of one of the built-in ops, typed by its op (a union discriminated on `op`). */
export type BuiltinLayerIR = LayerOfOp<BuiltinOp>;

/** The layer type of built-in op T, e.g. LayerOfType<'Dense'>. */
export type LayerOfType<T extends BuiltinOpType> = LayerOfOp<BuiltinOpOf<T>>;

/** The resolved attributes of built-in op T (defaults filled in), e.g. AttrsOfType<'SparsePooling2D'>. */
export type AttrsOfType<T extends BuiltinOpType> = AttrsOfOp<BuiltinOpOf<T>>;

/** Narrows a layer to built-in op T (`if (isLayerOf(layer, 'Dense')) layer.attrs.units`). */
export function isLayerOf<T extends BuiltinOpType>(
  layer: { readonly op: string },
  op: T,
): layer is LayerOfType<T> {
  return layer.op === op;
}

/** The built-in op named T with its precise types (e.g. for assertAttrs in a trainable layer). */
export function builtinOp<T extends BuiltinOpType>(type: T): BuiltinOpOf<T> {
  return BUILTIN_OPS.find((o): o is BuiltinOpOf<T> => o.type === type)!;
}
