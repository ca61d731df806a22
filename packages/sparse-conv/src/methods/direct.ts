// Method `direct`: scatter from the non-zeros. Per image, every input pixel adds v * k[a][b] to a
// frame of outHeight x outWidth float64 sums through a flat offset table (a * outWidth + b); pixels
// whose whole footprint is inside the frame (most of them) take a loop without bounds checks, and
// mark their touched output pixels in a bitmap one run of bits per kernel row. The image is then
// emitted in row-major order by walking the set bits of its rows (a word at a time, so untouched
// pixels cost 1/32 of a read), clearing bits and sums for the next image. `count` runs the same
// walk without arithmetic and counts bits to size the output exactly; `fill` writes each image at
// its offset. Summation order per output pixel: input pixels in row-major order.
//
// These functions also run in worker threads from their source text (see threads/worker-source.ts):
// they may only call each other, the helpers of frame.ts, and globals.
import type { FloatArray } from '../types';
import { countAndClearBits, emitBits, imageRowSpan, setBitRun, wordFirst, wordLast } from './frame';
import type { ConvJob } from './job';

/** Scratch reused across the images of one call (one per thread). */
export interface DirectScratch {
  /** One bit per output pixel of the frame: touched by the current image. Cleared as it is read. */
  bits: Int32Array;
  offsets: Int32Array;
  tapRow: Int32Array;
  /** Largest tap column and the first and last kernel rows with taps. */
  maxCol: number;
  minRow: number;
  maxRow: number;
  /** Per kernel row with taps: its offset (a * outWidth + first tap column) and run length. */
  runOffset: Int32Array;
  runLength: Int32Array;
}

export function directScratch(job: ConvJob): DirectScratch {
  const n = job.tapCol.length;
  const offsets = new Int32Array(n);
  const tapRow = new Int32Array(n);
  for (let a = 0; a < job.kernelHeight; a++)
    for (let j = job.tapRowStart[a]!; j < job.tapRowStart[a + 1]!; j++) {
      tapRow[j] = a;
      offsets[j] = a * job.outWidth + job.tapCol[j]!;
    }
  let maxCol = 0;
  for (let j = 0; j < n; j++) maxCol = Math.max(maxCol, job.tapCol[j]!);
  const minRow = n > 0 ? tapRow[0]! : 0;
  const maxRow = n > 0 ? tapRow[n - 1]! : 0;
  const bits = new Int32Array(((job.outHeight * job.outWidth + 31) >>> 5) + 1);
  const runOffset: number[] = [];
  const runLength: number[] = [];
  for (let a = 0; a < job.kernelHeight; a++) {
    const j0 = job.tapRowStart[a]!;
    const j1 = job.tapRowStart[a + 1]!;
    if (j0 === j1) continue;
    runOffset.push(a * job.outWidth + job.tapCol[j0]!);
    runLength.push(job.tapCol[j1 - 1]! - job.tapCol[j0]! + 1);
  }
  return {
    bits,
    offsets,
    tapRow,
    maxCol,
    minRow,
    maxRow,
    runOffset: Int32Array.from(runOffset),
    runLength: Int32Array.from(runLength),
  };
}

/**
 * Scatters image `img`: sets the bit of every output pixel it touches and, when `acc` is given,
 * adds each product into it (acc holds zeros wherever no bit is set, so the loop has no branch).
 */
export function directScatter(job: ConvJob, img: number, s: DirectScratch, acc: Float64Array | null): void {
  const {
    width: W,
    outHeight: Hout,
    outWidth: Wout,
    top,
    left,
    kernelHeight: kH,
    indices,
    data,
    tapCol,
    tapVal,
    f32,
  } = job;
  const nTaps = tapCol.length;
  const { bits, offsets, tapRow, maxCol, runOffset, runLength } = s;
  const nRuns = runOffset.length;
  for (let p = job.indptr[img]!, p1 = job.indptr[img + 1]!; p < p1; p++) {
    const idx = indices[p]!;
    const r = (idx / W) | 0;
    const o0 = r - top;
    const q0 = idx - r * W - left;
    const base = o0 * Wout + q0;
    if (o0 >= 0 && o0 + kH <= Hout && q0 >= 0 && q0 + maxCol < Wout) {
      // The whole footprint is inside the frame: the touched bits are one run per kernel row
      // (a row's interior zero taps get a bit but no sum; emission drops their exact zeros).
      for (let i = 0; i < nRuns; i++) setBitRun(bits, base + runOffset[i]!, runLength[i]!);
      if (acc === null) continue;
      const v = data[p]!;
      if (!f32) for (let j = 0; j < nTaps; j++) acc[base + offsets[j]!]! += v * tapVal[j]!;
      else
        for (let j = 0; j < nTaps; j++) {
          const pos = base + offsets[j]!;
          acc[pos] = Math.fround(acc[pos]! + Math.fround(v * tapVal[j]!));
        }
      continue;
    }
    const v = data[p]!;
    for (let j = 0; j < nTaps; j++) {
      const o = o0 + tapRow[j]!;
      const q = q0 + tapCol[j]!;
      if (o < 0 || o >= Hout || q < 0 || q >= Wout) continue;
      const pos = base + offsets[j]!;
      bits[pos >>> 5]! |= 1 << (pos & 31);
      if (acc !== null)
        acc[pos] = f32 ? Math.fround(acc[pos]! + Math.fround(v * tapVal[j]!)) : acc[pos]! + v * tapVal[j]!;
    }
  }
}

export function directCount(job: ConvJob, i0: number, i1: number, counts: Int32Array): null {
  const s = directScratch(job);
  for (let img = i0; img < i1; img++) {
    const [oLo, oHi] = imageRowSpan(job, img, s.minRow, s.maxRow);
    if (oLo > oHi) {
      counts[img] = 0;
      continue;
    }
    directScatter(job, img, s, null);
    counts[img] = countAndClearBits(s.bits, wordFirst(oLo, job.outWidth), wordLast(oHi, job.outWidth));
  }
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
  const s = directScratch(job);
  const acc = new Float64Array(job.outHeight * job.outWidth);
  for (let img = i0; img < i1; img++) {
    const w0 = outIndptr[img]!;
    let w = w0;
    const [oLo, oHi] = imageRowSpan(job, img, s.minRow, s.maxRow);
    if (oLo <= oHi) {
      directScatter(job, img, s, acc);
      w = emitBits(
        s.bits,
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

export const DIRECT_FUNCTIONS = [directScratch, directScatter, directCount, directFill];
