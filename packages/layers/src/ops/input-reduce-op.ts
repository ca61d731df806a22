/**
 * InputReduce on a batch (SPEC §4.1): raster scan (h, then w); a pixel is active iff its channel-0
 * value is > threshold; the first N active pixels fill slots 0.. (all channels, hash (h+1, w+1));
 * unused slots hold zeros and hash (1, 1); further active pixels are dropped and counted.
 * Not differentiable (it reads the input data only).
 */
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
  n: number,
  threshold: number,
): ReducedBatch {
  const { batch, h, w, c } = shape;
  const feat = new Float32Array(batch * n * c);
  const hash = new Int32Array(batch * n * 2).fill(1);
  const dropped = new Int32Array(batch);
  for (let b = 0; b < batch; b++) {
    let filled = 0;
    const img = b * h * w * c;
    for (let p = 0; p < h * w; p++) {
      if (!(x[img + p * c]! > threshold)) continue;
      if (filled === n) {
        dropped[b]!++;
        continue;
      }
      const s = b * n + filled++;
      for (let ch = 0; ch < c; ch++) feat[s * c + ch] = x[img + p * c + ch]!;
      hash[2 * s] = Math.floor(p / w) + 1;
      hash[2 * s + 1] = (p % w) + 1;
    }
  }
  return { feat, hash, dropped };
}
