/**
 * What the HLS kernels multiply when a kernel has zero weights (hls-include/nnet_utils: sp_dense.h,
 * sp_conv2d.h, sp_sparse_conv2d.h): one product per non-zero weight (Dense, Conv2D), and per slot
 * pair one product per weight column (c, f) that has a non-zero tap (SparseConv2D). Kernels are in
 * Keras layout, the output channel last. A missing kernel counts as dense.
 */

/** Non-zero weights of each output channel (the terms of its adder tree). */
export function nonZeroPerOutput(kernel: readonly number[] | undefined, nOut: number, nIn: number): number[] {
  if (!kernel?.length) return new Array<number>(nOut).fill(nIn);
  const counts = new Array<number>(nOut).fill(0);
  kernel.forEach((w, k) => {
    if (w !== 0) counts[k % nOut]!++;
  });
  return counts;
}

/** Per filter, the input channels c whose K x K taps hold a non-zero weight. */
export function nonZeroColumns(kernel: readonly number[] | undefined, taps: number, c: number, f: number): number[] {
  if (!kernel?.length) return new Array<number>(f).fill(c);
  const counts = new Array<number>(f).fill(0);
  for (let col = 0; col < c * f; col++) {
    for (let t = 0; t < taps; t++) {
      if (kernel[t * c * f + col] !== 0) {
        counts[col % f]!++;
        break;
      }
    }
  }
  return counts;
}

export const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** A weight that needs no multiplier: 0 (no product at all) or +-2^k (a shift). */
export const trivial = (w: number): boolean => w === 0 || Number.isInteger(Math.log2(Math.abs(w)));
