/**
 * The sparse neighbour window, written once for every sparse convolution (the bit-exact kernels,
 * their MAC counts and the training layers' neighbour lists). Slot j is in the K x K window of
 * slot i when |h_j - h_i| <= R and |w_j - w_i| <= R (R = (K-1)/2); its kernel tap is then
 * (R + h_j - h_i) * K + (R + w_j - w_i). Kernels visit j in ascending order (the normative
 * accumulation order, docs/semantics.md), active or not: an inactive slot's features are zero, so
 * its terms add nothing.
 */

/**
 * The kernel tap of a neighbour at offset (dh, dw) = (h_j - h_i, w_j - w_i), or -1 when it lies
 * outside the window. Small enough for the engine to inline in the hot loops over j (which hoist
 * slot i's coordinates), where a callback per neighbour measured slower than the inline test.
 */
export function windowTap(dh: number, dw: number, k: number): number {
  const r = (k - 1) >> 1;
  return dh < -r || dh > r || dw < -r || dw > r ? -1 : (r + dh) * k + (r + dw);
}

/** Calls visit(j, tap) for every slot j in the window of slot i, j ascending (for code off the hot path). */
export function forNeighbours(
  hash: ArrayLike<number>,
  nMax: number,
  i: number,
  k: number,
  visit: (j: number, tap: number) => void,
): void {
  const hi = hash[2 * i] as number;
  const wi = hash[2 * i + 1] as number;
  for (let j = 0; j < nMax; j++) {
    const tap = windowTap((hash[2 * j] as number) - hi, (hash[2 * j + 1] as number) - wi, k);
    if (tap >= 0) visit(j, tap);
  }
}
