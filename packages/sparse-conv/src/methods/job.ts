import type { FloatArray } from '../types';

/**
 * Everything a method's kernel reads for one call, as plain numbers and typed arrays so that the
 * same object can be posted to a worker thread (the arrays then live on SharedArrayBuffers).
 * Input pixel (r, c) with value v adds v * k[a][b] to output (r - top + a, c - left + b).
 */
export interface ConvJob {
  height: number;
  width: number;
  outHeight: number;
  outWidth: number;
  top: number;
  left: number;
  kernelHeight: number;
  /** float32 arithmetic: every product and every sum rounded to float32. */
  f32: boolean;
  indptr: Int32Array;
  indices: Int32Array;
  data: FloatArray;
  tapRowStart: Int32Array;
  tapCol: Int32Array;
  tapVal: Float64Array;
  /** `precomputed`: for input pixel p, its output positions and weights are [ptr[p], ptr[p+1]). */
  tablePtr?: Int32Array;
  tableCol?: Int32Array;
  tableVal?: Float64Array;
  /** `gather-scatter`: images per dense accumulator chunk. */
  chunkImages?: number;
  /** `direct`: its generated scatters (see direct-codegen.ts), made once per convolver. */
  directSources?: DirectSources;
}

/**
 * Two phases per range of images, so that a batch can be split over threads and written straight
 * into one output: `count` returns an upper bound of each image's output non-zeros (exact unless
 * sums cancel to zero), `fill` writes each image at its offset and returns what it really wrote.
 * A method may keep state from `count` to `fill` (lazy and gather-scatter keep their results).
 */
export interface PhaseKernel {
  count(job: ConvJob, i0: number, i1: number, counts: Int32Array): unknown;
  fill(
    job: ConvJob,
    i0: number,
    i1: number,
    state: unknown,
    outIndptr: Int32Array,
    outIndices: Int32Array,
    outData: FloatArray,
    written: Int32Array,
  ): void;
}

/** Texts of direct's three scatters: bits only (count), sums and bits, sums only (fill). */
export interface DirectSources {
  stride: number;
  markBits: string;
  sumsAndBits: string;
  sumsOnly: string;
}
