import { SparsePixelsError } from '@sparsepixels/core';
import { Buffer } from 'node:buffer';
import type { FloatArray } from './types';

export type Alloc = (bytes: number) => ArrayBufferLike;
export const sharedAlloc: Alloc = (bytes) => new SharedArrayBuffer(bytes);

/**
 * A plain ArrayBuffer. Large ones (output arrays that `fill` writes completely) are taken from
 * Buffer.allocUnsafe, which skips zeroing: the allocator can then hand back the memory of the
 * previous call's freed output without touching it twice. Only a buffer of its own (offset 0,
 * exact length) is used, never a slice of Node's shared pool.
 */
export const plainAlloc: Alloc = (bytes) => {
  if (bytes >= 65536) {
    const b = Buffer.allocUnsafe(bytes);
    if (b.byteOffset === 0 && b.buffer.byteLength === bytes) return b.buffer;
  }
  return new ArrayBuffer(bytes);
};
const zeroedAlloc: Alloc = (bytes) => new ArrayBuffer(bytes);

/** Output row pointers from per-image counts (upper bounds). */
export function prefixIndptr(counts: Int32Array, alloc: Alloc): Int32Array {
  const n = counts.length;
  const indptr = new Int32Array((alloc === plainAlloc ? zeroedAlloc : alloc)(4 * (n + 1)));
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += counts[i]!;
    if (total > 2 ** 31 - 1)
      throw new SparsePixelsError(
        'SC_OUTPUT_SIZE',
        `the output has more than 2^31-1 non-zeros (images 0..${i}); split the batch`,
      );
    indptr[i + 1] = total;
  }
  return indptr;
}

export function allocOutput(
  total: number,
  f32: boolean,
  alloc: Alloc,
): { indices: Int32Array; data: FloatArray } {
  const indices = new Int32Array(alloc(4 * total));
  const data = f32 ? new Float32Array(alloc(4 * total)) : new Float64Array(alloc(8 * total));
  return { indices, data };
}

/**
 * Closes the gaps `fill` left where an image wrote fewer values than its count (exact zeros dropped:
 * cancelled sums, zero inputs); returns the final, exactly sized arrays (copies only when needed).
 */
export function compact(
  indptr: Int32Array,
  indices: Int32Array,
  data: FloatArray,
  written: Int32Array,
): { indptr: Int32Array; indices: Int32Array; data: FloatArray } {
  const n = written.length;
  let gaps = false;
  for (let i = 0; i < n; i++) if (written[i] !== indptr[i + 1]! - indptr[i]!) gaps = true;
  if (!gaps) return { indptr, indices, data };
  let w = 0;
  for (let i = 0; i < n; i++) {
    const start = indptr[i]!;
    const len = written[i]!;
    if (w !== start) {
      indices.copyWithin(w, start, start + len);
      data.copyWithin(w, start, start + len);
    }
    indptr[i] = w;
    w += len;
  }
  indptr[n] = w;
  return { indptr, indices: indices.slice(0, w), data: data.slice(0, w) };
}
