import { fracBits, parseType, rawMax, sparseEventImages, type FixedType } from '@sparsepixels/core';
import { createRng } from './prng';

export interface RandomEventsOptions {
  readonly h: number;
  readonly w: number;
  readonly c?: number;
  readonly count: number;
  /** Active pixels per event: a number or an inclusive [min, max] range. */
  readonly active: number | readonly [number, number];
  readonly seed?: number;
  /** Values are drawn on this type's grid in (threshold, max]; default ap_ufixed<8,1>. */
  readonly type?: FixedType | string;
  /** Active pixels have channel 0 above this; default 0. */
  readonly threshold?: number;
}

/**
 * A batch of sparse images, flattened event by event in (h, w, c) order: the interpreter's input
 * format. Each event has `active` distinct random pixels whose channel 0 is above the threshold
 * (other channels random on the grid); every other value is 0. One generator for the whole batch
 * (core's sparseEventImages).
 */
export function randomSparseEvents(o: RandomEventsOptions): Float64Array {
  const t = typeof o.type === 'string' ? parseType(o.type) : (o.type ?? parseType('ap_ufixed<8,1>'));
  const rng = createRng(o.seed ?? 1);
  const step = 2 ** -fracBits(t);
  const maxRaw = rawMax(t);
  const minRaw = Math.min(maxRaw, Math.floor((o.threshold ?? 0) / step) + 1);
  const [amin, amax] = typeof o.active === 'number' ? [o.active, o.active] : o.active;
  return sparseEventImages({
    count: o.count,
    h: o.h,
    w: o.w,
    c: o.c ?? 1,
    rng: () => rng,
    active: () => rng.int(amin, amax),
    value: (_, ch) => rng.int(ch === 0 ? minRaw : 0, maxRaw) * step,
  });
}
