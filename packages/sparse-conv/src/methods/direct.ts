// Method `direct`: scatter from the non-zeros. Per image, every input pixel adds v * k[a][b] into a
// frame of float64 sums laid out as the `full` convolution (so every footprint fits and the scatter
// has no bounds checks; rows are padded to a multiple of 32 pixels), through a scatter specialised
// for the kernel (direct-codegen.ts: offsets and kernel values as literals). The mode's output is a
// crop of that frame. `count` marks touched pixels in a bitmap (one run of bits per kernel row) and
// counts the set bits inside the crop, which sizes the output exactly. `fill` emits each image in
// row-major order at its offset: images whose output is dense read their crop rows straight from
// the sums; sparse ones walk the set bits of the bitmap (a word at a time, so untouched pixels cost
// 1/32 of a read). Either way the touched part of the frame is zeroed again for the next image.
// Summation order per output pixel: input pixels in row-major order.
//
// These functions also run in worker threads from their source text (see threads/worker-source.ts):
// they may only call each other, the functions of direct-codegen.ts, and globals.
import type { FloatArray } from '../types';
import { compileDirectKernel, directKernelSource, type DirectKernel } from './direct-codegen';
import type { ConvJob, DirectSources } from './job';

/** Per-thread state of one call. */
export interface DirectFrame {
  /** Row stride of the frame (full width rounded up to 32) and its words per row. */
  stride: number;
  words: number;
  /** Full width (W + last tap column) and the first and last kernel rows with taps. */
  fullWidth: number;
  minRow: number;
  maxRow: number;
  bits: Int32Array;
  acc: Float64Array | null;
  markBits: DirectKernel;
  sumsAndBits: DirectKernel;
  sumsOnly: DirectKernel;
}

/**
 * The frame's bitmap and sums, reused from this thread's previous call when large enough: a call
 * leaves them all zero, so nothing needs clearing (no allocation, no page faults). A call that
 * threw may have left them dirty: it never released them, and they are dropped. Frames over
 * 32 MiB are not kept.
 */
export function directBuffers(
  words: number,
  cells: number,
  withSums: boolean,
): { bits: Int32Array; acc: Float64Array | null } {
  const key = Symbol.for('@sparsepixels/sparse-conv direct frame');
  const g = globalThis as unknown as Record<
    symbol,
    { bits: Int32Array; acc: Float64Array | null; busy: boolean } | undefined
  >;
  let f = g[key];
  if (f && f.busy) f = g[key] = undefined;
  if (!f || f.bits.length < words || (withSums && (!f.acc || f.acc.length < cells))) {
    f = {
      bits: new Int32Array(words),
      acc: withSums ? new Float64Array(cells) : (f?.acc ?? null),
      busy: false,
    };
    if (8 * cells + 4 * words <= 32 * 2 ** 20) g[key] = f;
  }
  f.busy = true;
  return f;
}

/** Hands the frame back after a call that completed (it is all zero again). */
export function directRelease(): void {
  const f = (globalThis as unknown as Record<symbol, { busy: boolean } | undefined>)[
    Symbol.for('@sparsepixels/sparse-conv direct frame')
  ];
  if (f) f.busy = false;
}


/** The frame geometry and scatter texts for a job's kernel, image width and dtype (mode-independent). */
export function directSources(
  job: Pick<ConvJob, 'width' | 'tapRowStart' | 'tapCol' | 'tapVal' | 'f32'>,
): DirectSources {
  let maxCol = 0;
  for (let j = 0; j < job.tapCol.length; j++) maxCol = Math.max(maxCol, job.tapCol[j]!);
  const stride = (job.width + maxCol + 31) & ~31;
  const src = (bits: boolean, sums: boolean): string =>
    directKernelSource(job.tapRowStart, job.tapCol, job.tapVal, stride, job.f32, bits, sums);
  return { stride, markBits: src(true, false), sumsAndBits: src(true, true), sumsOnly: src(false, true) };
}

export function directFrame(job: ConvJob, withSums: boolean): DirectFrame {
  const n = job.tapCol.length;
  let maxCol = 0;
  let minRow = -1;
  let maxRow = 0;
  for (let a = 0; a < job.kernelHeight; a++)
    if (job.tapRowStart[a + 1]! > job.tapRowStart[a]!) {
      if (minRow < 0) minRow = a;
      maxRow = a;
    }
  for (let j = 0; j < n; j++) maxCol = Math.max(maxCol, job.tapCol[j]!);
  const fullWidth = job.width + maxCol;
  const sources = job.directSources ?? directSources(job);
  const stride = sources.stride;
  const rows = job.height + maxRow;
  return {
    stride,
    words: stride >>> 5,
    fullWidth,
    minRow: Math.max(0, minRow),
    maxRow,
    ...directBuffers((rows * stride) >>> 5, rows * stride, withSums),
    markBits: compileDirectKernel(sources.markBits),
    sumsAndBits: compileDirectKernel(sources.sumsAndBits),
    sumsOnly: compileDirectKernel(sources.sumsOnly),
  };
}

/** Frame rows image `img` touches: [first, last], first > last when it has no pixels or taps. */
function touchedRows(job: ConvJob, img: number, f: DirectFrame): [number, number] {
  const p0 = job.indptr[img]!;
  const p1 = job.indptr[img + 1]!;
  if (p0 === p1 || job.tapCol.length === 0) return [0, -1];
  return [
    ((job.indices[p0]! / job.width) | 0) + f.minRow,
    ((job.indices[p1 - 1]! / job.width) | 0) + f.maxRow,
  ];
}

/** Bits of `x` at columns [lo, hi) of word `k` of a row (column 32k + bit). */
function cropMask(k: number, lo: number, hi: number): number {
  const c0 = k << 5;
  const from = lo <= c0 ? 0 : lo - c0;
  const to = hi >= c0 + 32 ? 32 : hi - c0;
  if (to <= from) return 0;
  const upper = to === 32 ? -1 : (1 << to) - 1;
  return upper & (-1 << from);
}

export function directCount(job: ConvJob, i0: number, i1: number, counts: Int32Array): null {
  const f = directFrame(job, false);
  const { bits, words } = f;
  const cropLo = job.left;
  const cropHi = job.left + job.outWidth;
  for (let img = i0; img < i1; img++) {
    const [R0, R1] = touchedRows(job, img, f);
    let total = 0;
    if (R0 <= R1) {
      f.markBits(job.indices, job.data, job.indptr[img]!, job.indptr[img + 1]!, job.width, bits, null);
      for (let R = R0; R <= R1; R++) {
        const inCrop = R >= job.top && R < job.top + job.outHeight;
        for (let k = 0, wi = R * words; k < words; k++, wi++) {
          let x = bits[wi]!;
          if (x === 0) continue;
          bits[wi] = 0;
          if (!inCrop) continue;
          x &= cropMask(k, cropLo, cropHi);
          x = x - ((x >>> 1) & 0x55555555);
          x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
          total += Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
        }
      }
    }
    counts[img] = total;
  }
  directRelease();
  return null;
}

export function directFill(
  job: ConvJob,
  i0: number,
  i1: number,
  _state: unknown,
  outIndptr: Int32Array,
  outIndices: Int32Array,
  outData: FloatArray,
  written: Int32Array,
): void {
  const f = directFrame(job, true);
  const { bits, words, stride, fullWidth } = f;
  const acc = f.acc!;
  const { top, left, outHeight: Hout, outWidth: Wout } = job;
  for (let img = i0; img < i1; img++) {
    const w0 = outIndptr[img]!;
    let w = w0;
    const [R0, R1] = touchedRows(job, img, f);
    if (R0 <= R1) {
      const p0 = job.indptr[img]!;
      const p1 = job.indptr[img + 1]!;
      const cropRows = Math.min(R1, top + Hout - 1) - Math.max(R0, top) + 1;
      // Dense output (at least a quarter of the crop span): read the sums row by row, no bitmap.
      if (4 * (outIndptr[img + 1]! - w0) >= cropRows * Wout) {
        f.sumsOnly(job.indices, job.data, p0, p1, job.width, bits, acc);
        for (let R = R0; R <= R1; R++) {
          const row = R * stride;
          if (R >= top && R < top + Hout) {
            const outRow = (R - top) * Wout - left;
            for (let pos = row, end = row + left; pos < end; pos++) acc[pos] = 0;
            for (let pos = row + left, end = row + left + Wout; pos < end; pos++) {
              const v = acc[pos]!;
              if (v !== 0) {
                acc[pos] = 0;
                outIndices[w] = outRow + pos - row;
                outData[w++] = v;
              }
            }
            for (let pos = row + left + Wout, end = row + fullWidth; pos < end; pos++) acc[pos] = 0;
          } else for (let pos = row, end = row + fullWidth; pos < end; pos++) acc[pos] = 0;
        }
      } else {
        // Sparse output: walk the set bits of each touched row; bits outside the crop only clear.
        f.sumsAndBits(job.indices, job.data, p0, p1, job.width, bits, acc);
        for (let R = R0; R <= R1; R++) {
          const inCrop = R >= top && R < top + Hout;
          const row = R * stride;
          const outRow = (R - top) * Wout - left;
          for (let k = 0, wi = R * words; k < words; k++, wi++) {
            let x = bits[wi]!;
            if (x === 0) continue;
            bits[wi] = 0;
            const c0 = k << 5;
            do {
              const low = x & -x;
              const c = c0 + 31 - Math.clz32(low);
              x ^= low;
              const v = acc[row + c]!;
              acc[row + c] = 0;
              if (inCrop && c >= left && c < left + Wout && v !== 0) {
                outIndices[w] = outRow + c;
                outData[w++] = v;
              }
            } while (x !== 0);
          }
        }
      }
    }
    written[img] = w - w0;
  }
  directRelease();
}

export const DIRECT_FUNCTIONS = [
  directBuffers,
  directRelease,
  directFrame,
  touchedRows,
  cropMask,
  directCount,
  directFill,
];
