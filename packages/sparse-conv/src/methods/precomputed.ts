// Method `precomputed`: the convolution as a sparse matrix, built once per (image shape, kernel,
// mode) and reused. Row p of the table (CSR over input pixels, i.e. the transposed double-block
// Toeplitz matrix) lists the output pixels input pixel p reaches and the kernel value on each,
// already clipped to the frame and in ascending order. A call is then the sparse x sparse product
// batch x table, one image (CSR row) at a time: Gustavson's row-by-row product with a dense
// accumulator over the output frame, a bitmap of touched pixels, and row-major emission.
// Summation order per output pixel: input pixels in row-major order (as `direct`).
//
// The kernels run in worker threads from their source text (see threads/worker-source.ts).
import { SparsePixelsError } from '@sparsepixels/core';
import type { Geometry } from '../geometry';
import type { KernelTaps } from '../kernel-taps';
import type { FloatArray } from '../types';
import { countAndClearBits, emitBits, imageRowSpan, wordFirst, wordLast } from './frame';
import type { ConvJob } from './job';

export interface ToeplitzTable {
  ptr: Int32Array;
  col: Int32Array;
  val: Float64Array;
}

/** Table entries (H*W*taps) above which building is refused: 2^26 entries take 768 MiB. */
export const TOEPLITZ_MAX_ENTRIES = 2 ** 26;

/** Builds the table on SharedArrayBuffers so that worker threads can read it without a copy. */
export function buildToeplitz(g: Geometry, taps: KernelTaps): ToeplitzTable {
  const { height: H, width: W, outHeight: Hout, outWidth: Wout, top, left } = g;
  const bound = H * W * taps.count;
  if (bound > TOEPLITZ_MAX_ENTRIES)
    throw new SparsePixelsError(
      'SC_TOEPLITZ_SIZE',
      `method "precomputed" would build a ${H * W} x ${taps.count}-tap table (${bound} entries > ${TOEPLITZ_MAX_ENTRIES}); use method "direct"`,
    );
  const ptr = new Int32Array(new SharedArrayBuffer(4 * (H * W + 1)));
  const col = new Int32Array(new SharedArrayBuffer(4 * bound));
  const val = new Float64Array(new SharedArrayBuffer(8 * bound));
  let e = 0;
  for (let r = 0; r < H; r++) {
    for (let c = 0; c < W; c++) {
      for (let a = 0; a < taps.height; a++) {
        const o = r - top + a;
        if (o < 0 || o >= Hout) continue;
        for (let j = taps.rowStart[a]!; j < taps.rowStart[a + 1]!; j++) {
          const q = c - left + taps.col[j]!;
          if (q < 0 || q >= Wout) continue;
          col[e] = o * Wout + q;
          val[e++] = taps.val[j]!;
        }
      }
      ptr[r * W + c + 1] = e;
    }
  }
  // Trim to the entries actually kept (border pixels lose the taps that fall outside the frame).
  if (e === bound) return { ptr, col, val };
  const colT = new Int32Array(new SharedArrayBuffer(4 * e));
  colT.set(col.subarray(0, e));
  const valT = new Float64Array(new SharedArrayBuffer(8 * e));
  valT.set(val.subarray(0, e));
  return { ptr, col: colT, val: valT };
}

function tapRowRange(job: ConvJob): [number, number] {
  let lo = -1;
  let hi = 0;
  for (let a = 0; a < job.kernelHeight; a++)
    if (job.tapRowStart[a + 1]! > job.tapRowStart[a]!) {
      if (lo < 0) lo = a;
      hi = a;
    }
  return [Math.max(lo, 0), hi];
}

/** Sets the bits (and, with `acc`, adds the products) of image `img`'s table rows. */
export function precomputedScatter(
  job: ConvJob,
  img: number,
  bits: Int32Array,
  acc: Float64Array | null,
): void {
  const ptr = job.tablePtr!;
  const col = job.tableCol!;
  const tval = job.tableVal!;
  const { indices, data, f32 } = job;
  for (let p = job.indptr[img]!, p1 = job.indptr[img + 1]!; p < p1; p++) {
    const e0 = ptr[indices[p]!]!;
    const e1 = ptr[indices[p]! + 1]!;
    if (acc === null) {
      for (let e = e0; e < e1; e++) {
        const pos = col[e]!;
        bits[pos >>> 5]! |= 1 << (pos & 31);
      }
      continue;
    }
    const v = data[p]!;
    for (let e = e0; e < e1; e++) {
      const pos = col[e]!;
      bits[pos >>> 5]! |= 1 << (pos & 31);
      if (f32) acc[pos] = Math.fround(acc[pos]! + Math.fround(v * tval[e]!));
      else acc[pos]! += v * tval[e]!;
    }
  }
}

export function precomputedCount(job: ConvJob, i0: number, i1: number, counts: Int32Array): null {
  const bits = new Int32Array(((job.outHeight * job.outWidth + 31) >>> 5) + 1);
  const [minRow, maxRow] = tapRowRange(job);
  for (let img = i0; img < i1; img++) {
    const [oLo, oHi] = imageRowSpan(job, img, minRow, maxRow);
    if (oLo > oHi) {
      counts[img] = 0;
      continue;
    }
    precomputedScatter(job, img, bits, null);
    counts[img] = countAndClearBits(bits, wordFirst(oLo, job.outWidth), wordLast(oHi, job.outWidth));
  }
  return null;
}

export function precomputedFill(
  job: ConvJob,
  i0: number,
  i1: number,
  _state: unknown,
  outIndptr: Int32Array,
  outIndices: Int32Array,
  outData: FloatArray,
  written: Int32Array,
): void {
  const bits = new Int32Array(((job.outHeight * job.outWidth + 31) >>> 5) + 1);
  const acc = new Float64Array(job.outHeight * job.outWidth);
  const [minRow, maxRow] = tapRowRange(job);
  for (let img = i0; img < i1; img++) {
    const w0 = outIndptr[img]!;
    let w = w0;
    const [oLo, oHi] = imageRowSpan(job, img, minRow, maxRow);
    if (oLo <= oHi) {
      precomputedScatter(job, img, bits, acc);
      w = emitBits(
        bits,
        wordFirst(oLo, job.outWidth),
        wordLast(oHi, job.outWidth),
        acc,
        outIndices,
        outData,
        w,
      );
    }
    written[img] = w - w0;
  }
}

export const PRECOMPUTED_FUNCTIONS = [tapRowRange, precomputedScatter, precomputedCount, precomputedFill];
