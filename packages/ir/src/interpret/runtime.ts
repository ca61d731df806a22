import type { FixedType, SparseShape } from '@sparsepixels/core';

/**
 * Raw fixed-point values of one tensor: exact integers in a Float64Array when the type is at most
 * 53 bits wide, bigints otherwise (types up to 64 bits).
 */
export type RawArray = Float64Array | bigint[];

/**
 * One event's tensor at run time. Dense: `data` in row-major (h, w, c) order. Sparse: `data` is
 * `feat[nMax*C]` and `hash[2*nMax]` the 1-based (h, w) of each slot (docs/semantics.md#sparse-tensor).
 */
export interface RuntimeTensor<R = RawArray> {
  readonly data: R;
  readonly hash?: Int32Array;
  readonly sparse?: SparseShape;
  /** Sparse, activity 'mask': the validity bit of each slot (nMax entries); absent under 'nonzero'. */
  readonly valid?: Uint8Array;
  /** Active pixels an InputReduce-like layer dropped in this event (summed into overflowCount). */
  readonly dropped?: number;
}

/** A compiled layer: runs one event. Output buffers may be reused by the next call. */
export interface LayerKernel<R = RawArray> {
  run(inputs: readonly RuntimeTensor<R>[]): RuntimeTensor<R>;
}

/** A weight tensor converted once: raws in its type (fixed) or the plain values (float). */
export interface CompiledWeight {
  readonly type: FixedType;
  readonly raw: Float64Array | bigint[];
  readonly values: Float64Array;
}

/** A wide type needs bigint raws (castRaw returns numbers only up to 53 bits). */
export function isWide(t: FixedType): boolean {
  return t.width > 53;
}

/** Core's sparse tensor of one event from a runtime tensor: features, hash and validity bits (if any). */
export function sparseView<F>(
  shape: SparseShape,
  feat: F,
  x: RuntimeTensor<unknown>,
): { shape: SparseShape; feat: F; hash: Int32Array; valid?: Uint8Array } {
  return x.valid ? { shape, feat, hash: x.hash!, valid: x.valid } : { shape, feat, hash: x.hash! };
}
