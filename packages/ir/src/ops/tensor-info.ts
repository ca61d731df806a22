import type { SparseShape } from '@sparsepixels/core';

/** What flows between layers: a dense tensor or a sparse one (nMax slots of C features + hashes). */
export type TensorKind = 'dense' | 'sparse';

/** A dense tensor: logical shape ([H, W, C] or [n]) and its number of values per event. */
export interface DenseTensorInfo {
  readonly kind: 'dense';
  readonly shape: readonly number[];
  /** Values per event: the product of the shape. */
  readonly size: number;
}

/**
 * A sparse tensor: the logical [H, W, C] grid and nMax slots of C features. It is itself a core
 * SparseShape ({nMax, c, h, w}), so kernels take it as it is.
 */
export interface SparseTensorInfo extends SparseShape {
  readonly kind: 'sparse';
  readonly shape: readonly number[];
  /** Feature values per event: nMax * C (the 2 * nMax hash coordinates travel beside them). */
  readonly size: number;
}

/** The static description of a tensor, computed once by shape inference. */
export type TensorInfo = DenseTensorInfo | SparseTensorInfo;

/** The tensor of kind K. */
export type TensorOfKind<K extends TensorKind> = K extends 'sparse' ? SparseTensorInfo : DenseTensorInfo;

export function denseTensor(shape: readonly number[]): DenseTensorInfo {
  return Object.freeze({
    kind: 'dense',
    shape: Object.freeze([...shape]),
    size: shape.reduce((a, b) => a * b, 1),
  });
}

/** A sparse [H, W, C] tensor of nMax slots. */
export function sparseTensor(shape: readonly number[], nMax: number): SparseTensorInfo {
  const [h = 0, w = 0, c = 0] = shape;
  return Object.freeze({ kind: 'sparse', shape: Object.freeze([...shape]), nMax, c, h, w, size: nMax * c });
}
