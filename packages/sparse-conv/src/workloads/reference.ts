// A plain reference for the workload files: per image, scatter every (pixel, kernel entry) product
// into a dense float64 frame, then read the frame out in row-major order dropping exact zeros.
// Deliberately simple and independent of the package's methods; the generator records its
// checksums (and small outputs) as the reference a benchmark run is checked against.
import type { SparseImages } from '../types';

export function referenceConvolve(
  x: SparseImages,
  kernel: { height: number; width: number; data: ArrayLike<number> },
  top: number,
  left: number,
  outHeight: number,
  outWidth: number,
): SparseImages<Float64Array> {
  const frame = new Float64Array(outHeight * outWidth);
  const indices: number[] = [];
  const data: number[] = [];
  const indptr = new Int32Array(x.nImages + 1);
  for (let img = 0; img < x.nImages; img++) {
    for (let p = x.indptr[img]!; p < x.indptr[img + 1]!; p++) {
      const r = Math.floor(x.indices[p]! / x.width);
      const c = x.indices[p]! % x.width;
      for (let a = 0; a < kernel.height; a++) {
        const o = r - top + a;
        if (o < 0 || o >= outHeight) continue;
        for (let b = 0; b < kernel.width; b++) {
          const q = c - left + b;
          if (q >= 0 && q < outWidth)
            frame[o * outWidth + q]! += x.data[p]! * kernel.data[a * kernel.width + b]!;
        }
      }
    }
    for (let i = 0; i < frame.length; i++) {
      if (frame[i] !== 0) {
        indices.push(i);
        data.push(frame[i]!);
        frame[i] = 0;
      }
    }
    indptr[img + 1] = indices.length;
  }
  return {
    nImages: x.nImages,
    height: outHeight,
    width: outWidth,
    indptr,
    indices: Int32Array.from(indices),
    data: Float64Array.from(data),
  };
}
