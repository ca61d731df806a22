/**
 * Raster scans over an (h, w, c) channels-last image that call `visit(q)` (q = index of a pixel's
 * channel 0) for candidate pixels in order. Images are sparse, so the loops are tuned for skipping:
 * with one channel, four pixels are tested per step before looking at any of them individually.
 */

/** Candidates: channel 0 > thr. */
export function scanAbove(
  image: ArrayLike<number>,
  thr: number,
  c: number,
  size: number,
  visit: (q: number) => void,
): void {
  let q = 0;
  if (c === 1) {
    for (; q + 4 <= size; q += 4) {
      if (
        !(
          (image[q] as number) > thr ||
          (image[q + 1] as number) > thr ||
          (image[q + 2] as number) > thr ||
          (image[q + 3] as number) > thr
        )
      )
        continue;
      for (let r = q; r < q + 4; r++) if ((image[r] as number) > thr) visit(r);
    }
  }
  for (; q < size; q += c) if ((image[q] as number) > thr) visit(q);
}

/** Candidates: channel 0 != 0 (NaN included). */
export function scanNonZero(
  image: ArrayLike<number>,
  c: number,
  size: number,
  visit: (q: number) => void,
): void {
  let q = 0;
  if (c === 1) {
    for (; q + 4 <= size; q += 4) {
      if (image[q] === 0 && image[q + 1] === 0 && image[q + 2] === 0 && image[q + 3] === 0) continue;
      for (let r = q; r < q + 4; r++) if (image[r] !== 0) visit(r);
    }
  }
  for (; q < size; q += c) if (image[q] !== 0) visit(q);
}
