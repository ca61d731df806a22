import { fracBits, parseType, rawMax, type FixedType } from '@sparsepixels/core';
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
 * (other channels random on the grid); every other value is 0.
 */
export function randomSparseEvents(o: RandomEventsOptions): Float64Array {
  const c = o.c ?? 1;
  const t = typeof o.type === 'string' ? parseType(o.type) : (o.type ?? parseType('ap_ufixed<8,1>'));
  const rng = createRng(o.seed ?? 1);
  const step = 2 ** -fracBits(t);
  const maxRaw = rawMax(t);
  const minRaw = Math.min(maxRaw, Math.floor((o.threshold ?? 0) / step) + 1);
  const size = o.h * o.w * c;
  const out = new Float64Array(o.count * size);
  const [amin, amax] = typeof o.active === 'number' ? [o.active, o.active] : o.active;
  for (let e = 0; e < o.count; e++) {
    const k = Math.min(o.h * o.w, rng.int(amin, amax));
    const chosen = new Set<number>();
    while (chosen.size < k) chosen.add(rng.int(0, o.h * o.w - 1));
    for (const p of chosen) {
      const base = e * size + p * c;
      out[base] = rng.int(minRaw, maxRaw) * step;
      for (let ch = 1; ch < c; ch++) out[base + ch] = rng.int(0, maxRaw) * step;
    }
  }
  return out;
}
