/**
 * Random sparse batches for tests: B events of N slots on an H x W grid, `active` distinct pixels
 * per event (slots 0.. in raster order, as InputReduce fills them), unused slots zero at (0, 0)
 * (invalid: the training encoding of activity "mask").
 * Feature values are multiples of 1/16 in [-2, 2] without 0 (exact sums in float32 and float64).
 */
import { createRng } from '@sparsepixels/ir/testing';

export interface SparseBatch {
  readonly feat: Float32Array;
  readonly hash: Int32Array;
  readonly batch: number;
  readonly nMax: number;
  readonly c: number;
  readonly h: number;
  readonly w: number;
}

export function gridValue(rng: ReturnType<typeof createRng>): number {
  const v = rng.int(1, 32) / 16;
  return rng.next() < 0.5 ? -v : v;
}

export function randomSparseBatch(o: { batch: number; nMax: number; c: number; h: number; w: number; active: number; seed: number; positive?: boolean }): SparseBatch {
  const rng = createRng(o.seed);
  const feat = new Float32Array(o.batch * o.nMax * o.c);
  const hash = new Int32Array(o.batch * o.nMax * 2); // unused slots: (0, 0), invalid (activity 'mask')
  for (let b = 0; b < o.batch; b++) {
    const pixels = new Set<number>();
    while (pixels.size < Math.min(o.active, o.nMax, o.h * o.w)) pixels.add(rng.int(0, o.h * o.w - 1));
    [...pixels].sort((x, y) => x - y).forEach((p, i) => {
      const s = b * o.nMax + i;
      hash[2 * s] = Math.floor(p / o.w) + 1;
      hash[2 * s + 1] = (p % o.w) + 1;
      for (let ch = 0; ch < o.c; ch++) feat[s * o.c + ch] = o.positive ? Math.abs(gridValue(rng)) : gridValue(rng);
    });
  }
  return { ...o, feat, hash };
}
