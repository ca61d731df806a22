/** Output geometry: `full` (H+kH-1, W+kW-1), `same` (H, W), `valid` (H-kH+1, W-kW+1). */
export type Mode = 'full' | 'same' | 'valid';

/** Arithmetic and output type. */
export type Dtype = 'float64' | 'float32';

export type Method = 'direct' | 'precomputed' | 'lazy' | 'gather-scatter';

export type FloatArray = Float64Array | Float32Array;

/**
 * A batch of `nImages` sparse images of `height` x `width`, one CSR row per image (the layout of a
 * scipy CSR matrix of shape (nImages, height*width)): image i's non-zeros are
 * `indices[indptr[i] .. indptr[i+1])` (flat pixel index `row*width + col`, ascending, no duplicates)
 * with values `data[...]` at the same positions. One image is a batch of one.
 */
export interface SparseImages<T extends FloatArray = FloatArray> {
  nImages: number;
  height: number;
  width: number;
  indptr: Int32Array;
  indices: Int32Array;
  data: T;
}

/** A 2-D kernel: rows of numbers, or row-major values with their shape. */
export type KernelInput =
  | readonly (readonly number[])[]
  | { height: number; width: number; data: ArrayLike<number> };

export interface ConvolveOptions {
  /** Default `same`. */
  mode?: Mode;
  /** Default `auto`: picked per call from the fitted cost model (see `chooseMethod`). */
  method?: Method | 'auto';
  /** Default: `float32` when the input values are a Float32Array, else `float64`. */
  dtype?: Dtype;
  /**
   * Threads for a batch (the calling thread plus `threads - 1` pooled workers). Default `auto`: one
   * thread unless the cost model predicts enough work to pay for splitting the batch.
   */
  threads?: number | 'auto';
  /** `gather-scatter` only: cap on its dense accumulator, in bytes (default 256 MiB). */
  maxBufferBytes?: number;
}
