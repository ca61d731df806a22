// Helpers the method kernels share: a bitmap over one output frame (one bit per output pixel,
// touched or not) and the row-major emission of a frame's non-zeros into CSR.
// These functions also run in worker threads from their source text (see threads/worker-source.ts):
// they may only call each other and globals.
import type { FloatArray } from '../types';
import type { ConvJob } from './job';

/** Sets bits [at, at + len) of the bitmap. */
export function setBitRun(bits: Int32Array, at: number, len: number): void {
  const end = at + len;
  while (at < end) {
    const b = at & 31;
    const n = Math.min(32 - b, end - at);
    bits[at >>> 5]! |= n === 32 ? -1 : ((1 << n) - 1) << b;
    at += n;
  }
}

/** First and last word of the bitmap covering output rows [rowLo, rowHi]. */
export function wordFirst(rowLo: number, outWidth: number): number {
  return (rowLo * outWidth) >>> 5;
}
export function wordLast(rowHi: number, outWidth: number): number {
  return ((rowHi + 1) * outWidth - 1) >>> 5;
}

/** Counts the set bits of words [w0, w1] and clears them. */
export function countAndClearBits(bits: Int32Array, w0: number, w1: number): number {
  let total = 0;
  for (let wi = w0; wi <= w1; wi++) {
    let x = bits[wi]!;
    if (x === 0) continue;
    bits[wi] = 0;
    x = x - ((x >>> 1) & 0x55555555);
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    total += Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  }
  return total;
}

/**
 * Writes the non-zero sums at the set bits of words [w0, w1] in ascending position order to
 * out*[w...], clearing bits and sums; returns the next write position. Exact zeros are dropped.
 */
export function emitBits(
  bits: Int32Array,
  w0: number,
  w1: number,
  acc: Float64Array,
  outIndices: Int32Array,
  outData: FloatArray,
  w: number,
): number {
  for (let wi = w0; wi <= w1; wi++) {
    let x = bits[wi]!;
    if (x === 0) continue;
    bits[wi] = 0;
    const base = wi << 5;
    do {
      const low = x & -x;
      const pos = base + 31 - Math.clz32(low);
      x ^= low;
      const val = acc[pos]!;
      acc[pos] = 0;
      if (val !== 0) {
        outIndices[w] = pos;
        outData[w++] = val;
      }
    } while (x !== 0);
  }
  return w;
}

/** Output rows image `img` can touch given its first and last input rows: [lo, hi], lo > hi if none. */
export function imageRowSpan(
  job: ConvJob,
  img: number,
  minTapRow: number,
  maxTapRow: number,
): [number, number] {
  const p0 = job.indptr[img]!;
  const p1 = job.indptr[img + 1]!;
  if (p0 === p1 || job.tapCol.length === 0) return [0, -1];
  const W = job.width;
  const lo = Math.max(0, ((job.indices[p0]! / W) | 0) - job.top + minTapRow);
  const hi = Math.min(job.outHeight - 1, ((job.indices[p1 - 1]! / W) | 0) - job.top + maxTapRow);
  return [lo, hi];
}

/** A growable CSR store for methods that compute an image before they know its size. */
export interface CsrStore {
  indices: Int32Array;
  data: Float64Array;
  length: number;
  /** Per image of the range: where it starts in the store (one more entry than images). */
  starts: Int32Array;
}

export function newCsrStore(images: number, capacity: number): CsrStore {
  const cap = Math.max(16, capacity);
  return {
    indices: new Int32Array(cap),
    data: new Float64Array(cap),
    length: 0,
    starts: new Int32Array(images + 1),
  };
}

/** Makes room for `extra` more entries (grows by 1.5x at least). */
export function reserveCsrStore(s: CsrStore, extra: number): void {
  const need = s.length + extra;
  if (need <= s.indices.length) return;
  const cap = Math.max(need, Math.ceil(s.indices.length * 1.5));
  const indices = new Int32Array(cap);
  indices.set(s.indices.subarray(0, s.length));
  const data = new Float64Array(cap);
  data.set(s.data.subarray(0, s.length));
  s.indices = indices;
  s.data = data;
}

/**
 * The `fill` of methods whose `count` computed the images into a CsrStore (its `state`): copies image
 * i's entries (image i0 is the store's first) to out*[outIndptr[i]...].
 */
export function storeFill(
  _job: ConvJob,
  i0: number,
  i1: number,
  state: unknown,
  outIndptr: Int32Array,
  outIndices: Int32Array,
  outData: FloatArray,
  written: Int32Array,
): void {
  const s = state as CsrStore;
  for (let i = i0; i < i1; i++) {
    const a = s.starts[i - i0]!;
    const b = s.starts[i - i0 + 1]!;
    const at = outIndptr[i]!;
    outIndices.set(s.indices.subarray(a, b), at);
    outData.set(s.data.subarray(a, b), at);
    written[i] = b - a;
  }
}
