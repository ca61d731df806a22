/** Logical layout of one event's sparse tensor (SPEC §4). */
export interface SparseShape {
  /** Capacity: number of slots (N_max). */
  readonly nMax: number;
  /** Channels per slot. */
  readonly c: number;
  /** Logical grid height and width. */
  readonly h: number;
  readonly w: number;
}

/**
 * One event as N slots: `feat[nMax*c]` slot-major, channel-minor; `hash[2n]` holds 1-based (h, w) per
 * slot. For fixed-point kernels `feat` holds raw integers (exact in a Float64Array up to 2^53, or
 * bigints on the wide path) and the element type travels beside it. A slot is active iff any of its
 * c features is non-zero. Unused slots hold zeros and hash (1, 1).
 */
export interface SparseTensor<F extends ArrayLike<number> | readonly bigint[] = Float64Array> {
  readonly shape: SparseShape;
  readonly feat: F;
  readonly hash: Int32Array;
}
