/** Logical layout of one event's sparse tensor (docs/semantics.md#sparse-tensor). */
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
 * bigints on the wide path) and the element type travels beside it. Unused slots hold zeros and
 * hash (1, 1).
 *
 * Which slots are active (docs/semantics.md, activity): with `valid` present (activity "mask"),
 * slot i is active iff valid[i] is 1, whatever its features (a kept pixel whose features are all
 * zero is still computed); without it (activity "nonzero", the v1 rule), slot i is active iff any
 * of its c features is non-zero. An invalid slot always holds zero features.
 */
export interface SparseTensor<F extends ArrayLike<number> | readonly bigint[] = Float64Array> {
  readonly shape: SparseShape;
  readonly feat: F;
  readonly hash: Int32Array;
  /** Per-slot validity bit (nMax entries, 0 or 1) under activity "mask"; absent under "nonzero". */
  readonly valid?: Uint8Array;
}

/** The two activity rules of docs/semantics.md: an explicit validity bit, or "any feature non-zero". */
export type Activity = 'mask' | 'nonzero';
