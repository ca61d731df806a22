/**
 * Random sparse batches for tests: B events of N slots on an H x W grid, `active` distinct pixels
 * per event (slots 0.. in raster order, as InputReduce fills them), unused slots zero at (0, 0)
 * (invalid: the training encoding of activity "mask"); core's sparseEventSlots with one generator.
 * Feature values are multiples of 1/16 in [-2, 2] without 0 (exact sums in float32 and float64).
 */
import { sparseEventSlots } from '@sparsepixels/core';
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
  const { features, coords } = sparseEventSlots(
    {
      count: o.batch,
      h: o.h,
      w: o.w,
      c: o.c,
      rng: () => rng,
      active: () => o.active,
      sorted: true,
      value: () => (o.positive ? Math.abs(gridValue(rng)) : gridValue(rng)),
    },
    o.nMax,
  );
  return { ...o, feat: Float32Array.from(features), hash: coords };
}
