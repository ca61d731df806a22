/**
 * The multiply-accumulates one event actually needs in a MAC layer (docs/weight-store.md#mac-counts),
 * following the kernels' normative term order (docs/semantics.md#accumulation-order):
 *
 * - `inputSparse`: terms whose input value is non-zero, every weight counted (an input-sparse engine);
 * - `inputAndWeightSparse`: of those, the terms whose weight is non-zero too (a zero-skipping engine).
 *
 * A term's weight is `w[row * C_out + o]`, row = tap * C_in + c (Keras layout, output channel
 * fastest); `nonZeroPerRow` counts the non-zero weights of each row once per layer, so an event
 * costs one pass over its non-zero inputs. The worst case, the same for every event, is the op's
 * operation count. Raws may be numbers or bigints (loose `!= 0` serves both).
 */
import type { SparseShape } from '../sparse/sparse-tensor';
import { forNeighbours } from './neighbour-window';
import { slotActive } from './kernel-checks';

export interface EventMacCounts {
  readonly inputSparse: number;
  readonly inputAndWeightSparse: number;
}

type Raws = ArrayLike<number | bigint>;

/** Non-zero weights of each kernel row (the C_out weights of one tap and input channel). */
export function nonZeroPerRow(weights: Raws, cout: number): Int32Array {
  const rows = new Int32Array(Math.floor(weights.length / cout));
  for (let r = 0; r < rows.length; r++) {
    let n = 0;
    for (let o = 0; o < cout; o++) if (weights[r * cout + o] != 0) n++;
    rows[r] = n;
  }
  return rows;
}

/** Dense: row i is input i. */
export function denseMacCounts(x: Raws, rows: Int32Array, cout: number): EventMacCounts {
  let inputSparse = 0;
  let inputAndWeightSparse = 0;
  for (let i = 0; i < rows.length; i++) {
    if (x[i] == 0) continue;
    inputSparse += cout;
    inputAndWeightSparse += rows[i]!;
  }
  return { inputSparse, inputAndWeightSparse };
}

export interface Conv2dCountGeometry {
  readonly h: number;
  readonly w: number;
  readonly cin: number;
  readonly cout: number;
  readonly k: number;
}

/**
 * Conv2D ('same', stride 1): an input pixel (ih, iw) is a term of every output (oh, ow) within
 * r = (K-1)/2 of it inside the image, at tap (ih - oh + r, iw - ow + r); padding taps read zeros.
 */
export function conv2dSameMacCounts(x: Raws, g: Conv2dCountGeometry, rows: Int32Array): EventMacCounts {
  const { h, w, cin, cout, k } = g;
  const r = (k - 1) >> 1;
  let inputSparse = 0;
  let inputAndWeightSparse = 0;
  for (let ih = 0; ih < h; ih++) {
    for (let iw = 0; iw < w; iw++) {
      for (let c = 0; c < cin; c++) {
        if (x[(ih * w + iw) * cin + c] == 0) continue;
        for (let oh = Math.max(0, ih - r); oh <= Math.min(h - 1, ih + r); oh++) {
          for (let ow = Math.max(0, iw - r); ow <= Math.min(w - 1, iw + r); ow++) {
            inputSparse += cout;
            inputAndWeightSparse += rows[((ih - oh + r) * k + (iw - ow + r)) * cin + c]!;
          }
        }
      }
    }
  }
  return { inputSparse, inputAndWeightSparse };
}

/**
 * SparseConv2D: for every active slot i (its validity bit under activity "mask", else a non-zero
 * feature), every slot j of its K x K window
 * (the kernel's forNeighbours) and every non-zero input feature of j. Inactive slots cost nothing.
 */
export function sparseConv2dMacCounts(
  x: { readonly shape: SparseShape; readonly feat: Raws; readonly hash: Int32Array; readonly valid?: Uint8Array },
  k: number,
  cout: number,
  rows: Int32Array,
): EventMacCounts {
  const { nMax, c: cin } = x.shape;
  let inputSparse = 0;
  let inputAndWeightSparse = 0;
  for (let i = 0; i < nMax; i++) {
    if (x.valid ? x.valid[i] !== 1 : !slotActive(x.feat, i, cin)) continue;
    forNeighbours(x.hash, nMax, i, k, (j, tap) => {
      for (let c = 0; c < cin; c++) {
        if (x.feat[j * cin + c] == 0) continue;
        inputSparse += cout;
        inputAndWeightSparse += rows[tap * cin + c]!;
      }
    });
  }
  return { inputSparse, inputAndWeightSparse };
}
