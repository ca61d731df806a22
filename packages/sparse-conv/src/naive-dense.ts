// Test oracle: the textbook dense convolution, out[o][q] = sum over input pixels (r, c) of
// x[r][c] * k[o + top - r][q + left - c], summed over (r, c) in row-major order, every term
// included (zeros too), then read out in row-major order with exact zeros dropped. With
// `f32`, every product and every sum is rounded to float32. The mode offsets are written out here
// from scipy.signal.convolve2d's definition, independently of geometry.ts. Not exported.
import type { Mode, SparseImages } from './types';

export function naiveDenseConvolve(
  x: SparseImages,
  kernel: { height: number; width: number; data: ArrayLike<number> },
  mode: Mode,
  f32 = false,
): SparseImages<Float64Array> {
  const { height: H, width: W } = x;
  const [kh, kw] = [kernel.height, kernel.width];
  // out[o][q] = full[o + top][q + left]; full is (H + kh - 1) x (W + kw - 1).
  const top = mode === 'full' ? 0 : mode === 'same' ? Math.floor((kh - 1) / 2) : kh - 1;
  const left = mode === 'full' ? 0 : mode === 'same' ? Math.floor((kw - 1) / 2) : kw - 1;
  const Ho = mode === 'full' ? H + kh - 1 : mode === 'same' ? H : H - kh + 1;
  const Wo = mode === 'full' ? W + kw - 1 : mode === 'same' ? W : W - kw + 1;
  const round = f32 ? Math.fround : (v: number): number => v;
  const k = Array.from(kernel.data, round);
  const indptr = new Int32Array(x.nImages + 1);
  const indices: number[] = [];
  const data: number[] = [];
  for (let img = 0; img < x.nImages; img++) {
    const dense = new Float64Array(H * W);
    for (let p = x.indptr[img]!; p < x.indptr[img + 1]!; p++) dense[x.indices[p]!] = round(x.data[p]!);
    for (let o = 0; o < Ho; o++)
      for (let q = 0; q < Wo; q++) {
        let s = 0;
        for (let r = 0; r < H; r++)
          for (let c = 0; c < W; c++) {
            const a = o + top - r;
            const b = q + left - c;
            if (a >= 0 && a < kernel.height && b >= 0 && b < kernel.width)
              s = round(s + round(dense[r * W + c]! * k[a * kernel.width + b]!));
          }
        if (s !== 0) {
          indices.push(o * Wo + q);
          data.push(s);
        }
      }
    indptr[img + 1] = indices.length;
  }
  return {
    nImages: x.nImages,
    height: Ho,
    width: Wo,
    indptr,
    indices: Int32Array.from(indices),
    data: Float64Array.from(data),
  };
}
