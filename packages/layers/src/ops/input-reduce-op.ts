/**
 * InputReduce on a batch (docs/semantics.md#input-reduce): raster scan (h, then w); a pixel is active iff its channel-0
 * value is > threshold; the first N active pixels fill slots 0.. (all channels, hash (h+1, w+1));
 * unused slots hold zeros and hash (0, 0); further active pixels are dropped and counted. Training
 * carries activity 'mask' (docs/semantics.md) with the validity bit encoded in the hash: a slot is
 * valid iff its row is >= 1 (the IR's own tensors keep hash (1, 1) and an explicit bit).
 * Not differentiable (it reads the input data only).
 */
import { supportOf } from './non-zero-scan';

export interface ReducedBatch {
  /** [B, N, C] features. */
  readonly feat: Float32Array;
  /** [B, N, 2] 1-based (h, w). */
  readonly hash: Int32Array;
  /** Per event: active pixels beyond N. */
  readonly dropped: Int32Array;
}

export function inputReduceBatch(
  x: Float32Array | Float64Array,
  shape: { batch: number; h: number; w: number; c: number },
  nMax: number,
  threshold: number,
): ReducedBatch {
  const { batch, h, w, c } = shape;
  const r: ReducedBatch = { feat: new Float32Array(batch * nMax * c), hash: new Int32Array(batch * nMax * 2), dropped: new Int32Array(batch) };
  const fill = new Int32Array(batch);
  const take = (b: number, p: number) => {
    if (fill[b] === nMax) {
      r.dropped[b]!++;
      return;
    }
    const s = b * nMax + fill[b]!++;
    const img = b * h * w * c;
    for (let ch = 0; ch < c; ch++) r.feat[s * c + ch] = x[img + p * c + ch]!;
    r.hash[2 * s] = Math.floor(p / w) + 1;
    r.hash[2 * s + 1] = (p % w) + 1;
  };
  if (x instanceof Float32Array && threshold >= 0) {
    // only non-zero values can exceed a threshold >= 0: visit just those, in raster order
    const nz = supportOf(x);
    for (let i = 0; i < nz.length; i++) {
      const k = nz[i]!;
      if (k % c === 0 && x[k]! > threshold) take(Math.floor(k / (h * w * c)), (k % (h * w * c)) / c);
    }
    return r;
  }
  for (let b = 0; b < batch; b++) {
    const img = b * h * w * c;
    for (let p = 0; p < h * w; p++) if (x[img + p * c]! > threshold) take(b, p);
  }
  return r;
}
