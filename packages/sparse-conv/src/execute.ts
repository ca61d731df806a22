import { allocOutput, compact, plainAlloc, prefixIndptr, sharedAlloc } from './assemble';
import { PHASE_KERNELS } from './methods';
import type { ConvJob } from './methods/job';
import { runOnPool } from './threads/pool';
import type { WorkerTask } from './threads/worker-source';
import type { FloatArray, Method } from './types';

export interface CsrArrays {
  indptr: Int32Array;
  indices: Int32Array;
  data: FloatArray;
}

/** Runs `method` over all images of `job`: count, exact allocation, fill, then close any gaps. */
export function execute(method: Method, job: ConvJob, nImages: number, threads: number): CsrArrays {
  const kernel = PHASE_KERNELS[method];
  const t = Math.max(1, Math.min(threads, nImages));
  if (t === 1) {
    const counts = new Int32Array(nImages);
    const state = kernel.count(job, 0, nImages, counts);
    const indptr = prefixIndptr(counts, plainAlloc);
    const out = allocOutput(indptr[nImages]!, job.f32, plainAlloc);
    const written = new Int32Array(nImages);
    kernel.fill(job, 0, nImages, state, indptr, out.indices, out.data, written);
    return compact(indptr, out.indices, out.data, written);
  }
  const shared = sharedJob(job);
  const ranges = splitImages(job.indptr, nImages, t, job.tapCol.length);
  const [own, ...others] = ranges as [[number, number], ...[number, number][]];
  const counts = new Int32Array(new SharedArrayBuffer(4 * nImages));
  const base = { method, job: shared };
  let ownState: unknown = null;
  runOnPool(
    others.map(
      ([i0, i1]): Omit<WorkerTask, 'signal' | 'slot' | 'seq'> => ({
        ...base,
        phase: 'count',
        i0,
        i1,
        counts,
      }),
    ),
    () => (ownState = kernel.count(shared, own[0], own[1], counts)),
  );
  const indptr = prefixIndptr(counts, sharedAlloc);
  const out = allocOutput(indptr[nImages]!, job.f32, sharedAlloc);
  const written = new Int32Array(new SharedArrayBuffer(4 * nImages));
  const fillArgs = { outIndptr: indptr, outIndices: out.indices, outData: out.data, written };
  runOnPool(
    others.map(([i0, i1]) => ({ ...base, ...fillArgs, phase: 'fill' as const, i0, i1 })),
    () => kernel.fill(shared, own[0], own[1], ownState, indptr, out.indices, out.data, written),
  );
  return compact(indptr, out.indices, out.data, written);
}

/** Splits images into `t` contiguous ranges of about equal work (input non-zeros x taps + per-image cost). */
export function splitImages(indptr: Int32Array, n: number, t: number, taps: number): [number, number][] {
  const perImage = 64; // emission and bookkeeping per image, in tap-visits
  const work = (i: number): number => (indptr[i]! - indptr[0]!) * Math.max(1, taps) + i * perImage;
  const total = work(n);
  const ranges: [number, number][] = [];
  let start = 0;
  for (let k = 1; k <= t; k++) {
    let end = k === t ? n : start;
    if (k < t) {
      const target = (total * k) / t;
      while (end < n && work(end) < target) end++;
      end = Math.max(end, start + 1);
      end = Math.min(end, n - (t - k));
    }
    ranges.push([start, end]);
    start = end;
  }
  return ranges;
}

const isShared = (a: { buffer: ArrayBufferLike }): boolean => a.buffer instanceof SharedArrayBuffer;

/** The job with every array on a SharedArrayBuffer (copied when it is not already). */
function sharedJob(job: ConvJob): ConvJob {
  const out: ConvJob = { ...job };
  for (const key of Object.keys(out) as (keyof ConvJob)[]) {
    const v = out[key];
    if (ArrayBuffer.isView(v) && !isShared(v)) {
      const src = v as Int32Array | Float64Array | Float32Array;
      const Ctor = src.constructor as new (b: SharedArrayBuffer) => typeof src;
      const copy = new Ctor(new SharedArrayBuffer(src.byteLength));
      copy.set(src as never);
      (out as unknown as Record<string, unknown>)[key] = copy;
    }
  }
  return out;
}
