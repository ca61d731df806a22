// Method `gather-scatter`: a dense accumulator for a chunk of images at once (as many whole output
// frames as fit in `maxBufferBytes`): every (pixel, tap) product is scattered into it with bounds
// checks, then every frame is read back in full (gathered) into CSR, dropping exact zeros. Cost
// grows with nnz * taps + images * frame size, whatever the sparsity of the output.
// `count` computes the images into a store; `fill` (storeFill) copies them into place.
//
// The kernels run in worker threads from their source text (see threads/worker-source.ts).
import { newCsrStore, reserveCsrStore, type CsrStore } from './frame';
import type { ConvJob } from './job';

export function gatherScatterCount(job: ConvJob, i0: number, i1: number, counts: Int32Array): CsrStore {
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
  const frame = Hout * Wout;
  const chunk = Math.max(1, Math.min(job.chunkImages ?? 1, i1 - i0));
  const acc = new Float64Array(chunk * frame);
  const store = newCsrStore(i1 - i0, 0);
  for (let c0 = i0; c0 < i1; c0 += chunk) {
    const c1 = Math.min(i1, c0 + chunk);
    for (let p = job.indptr[c0]!, img = c0; p < job.indptr[c1]!; p++) {
      while (job.indptr[img + 1]! <= p) img++;
      const frameBase = (img - c0) * frame;
      const r = (indices[p]! / W) | 0;
      const c = indices[p]! - r * W;
      const v = data[p]!;
      for (let a = 0; a < kH; a++) {
        const o = r - top + a;
        if (o < 0 || o >= Hout) continue;
        for (let j = tapRowStart[a]!; j < tapRowStart[a + 1]!; j++) {
          const q = c - left + tapCol[j]!;
          if (q < 0 || q >= Wout) continue;
          const at = frameBase + o * Wout + q;
          acc[at] = f32 ? Math.fround(acc[at]! + Math.fround(v * tapVal[j]!)) : acc[at]! + v * tapVal[j]!;
        }
      }
    }
    for (let img = c0; img < c1; img++) {
      const frameBase = (img - c0) * frame;
      reserveCsrStore(store, Math.min(frame, (job.indptr[img + 1]! - job.indptr[img]!) * tapCol.length));
      let w = store.length;
      for (let pos = 0; pos < frame; pos++) {
        const val = acc[frameBase + pos]!;
        if (val === 0) continue;
        acc[frameBase + pos] = 0;
        store.indices[w] = pos;
        store.data[w++] = val;
      }
      counts[img] = w - store.length;
      store.length = w;
      store.starts[img - i0 + 1] = w;
    }
  }
  return store;
}

export const GATHER_SCATTER_FUNCTIONS = [gatherScatterCount];
