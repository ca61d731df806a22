// Method `lazy`: no table and no frame. Per image, the outer product of its non-zeros with the
// kernel's non-zero taps is listed as (output position, product) pairs, pairs outside the frame are
// dropped, the list is sorted by position (stable LSD radix sort, 8 bits a pass) and runs of equal
// positions are summed (in input pixel order, as `direct`), exact zeros dropped. Cost grows with
// nnz * taps * passes, not with the frame: suited to single, very sparse images.
// `count` computes the images into a store; `fill` (storeFill) copies them into place.
//
// The kernels run in worker threads from their source text (see threads/worker-source.ts).
import { newCsrStore, reserveCsrStore, type CsrStore } from './frame';
import type { ConvJob } from './job';

export function lazyCount(job: ConvJob, i0: number, i1: number, counts: Int32Array): CsrStore {
  const {
    width: W,
    outHeight: Hout,
    outWidth: Wout,
    top,
    left,
    kernelHeight: kH,
    indices,
    data,
    tapRowStart,
    tapCol,
    tapVal,
    f32,
  } = job;
  const store = newCsrStore(i1 - i0, 0);
  let passes = 0;
  while (passes < 4 && Hout * Wout - 1 >= 2 ** (8 * passes)) passes++;
  let keys = new Int32Array(0);
  let vals = new Float64Array(0);
  let keys2 = new Int32Array(0);
  let vals2 = new Float64Array(0);
  const bucket = new Int32Array(257);
  for (let img = i0; img < i1; img++) {
    const p0 = job.indptr[img]!;
    const p1 = job.indptr[img + 1]!;
    const need = (p1 - p0) * tapCol.length;
    if (keys.length < need) {
      keys = new Int32Array(need);
      vals = new Float64Array(need);
      keys2 = new Int32Array(need);
      vals2 = new Float64Array(need);
    }
    let m = 0;
    for (let p = p0; p < p1; p++) {
      const r = (indices[p]! / W) | 0;
      const c = indices[p]! - r * W;
      const v = data[p]!;
      for (let a = 0; a < kH; a++) {
        const o = r - top + a;
        if (o < 0 || o >= Hout) continue;
        for (let j = tapRowStart[a]!; j < tapRowStart[a + 1]!; j++) {
          const q = c - left + tapCol[j]!;
          if (q < 0 || q >= Wout) continue;
          keys[m] = o * Wout + q;
          vals[m++] = f32 ? Math.fround(v * tapVal[j]!) : v * tapVal[j]!;
        }
      }
    }
    for (let pass = 0; pass < passes; pass++) {
      const shift = 8 * pass;
      bucket.fill(0);
      for (let i = 0; i < m; i++) bucket[((keys[i]! >>> shift) & 255) + 1]!++;
      for (let b = 1; b <= 256; b++) bucket[b]! += bucket[b - 1]!;
      for (let i = 0; i < m; i++) {
        const at = bucket[(keys[i]! >>> shift) & 255]!++;
        keys2[at] = keys[i]!;
        vals2[at] = vals[i]!;
      }
      [keys, keys2] = [keys2, keys];
      [vals, vals2] = [vals2, vals];
    }
    reserveCsrStore(store, m);
    let w = store.length;
    for (let i = 0; i < m; ) {
      const key = keys[i]!;
      let sum = vals[i++]!;
      while (i < m && keys[i] === key) sum = f32 ? Math.fround(sum + vals[i++]!) : sum + vals[i++]!;
      if (sum !== 0) {
        store.indices[w] = key;
        store.data[w++] = sum;
      }
    }
    counts[img] = w - store.length;
    store.length = w;
    store.starts[img - i0 + 1] = w;
  }
  return store;
}

export const LAZY_FUNCTIONS = [lazyCount];
