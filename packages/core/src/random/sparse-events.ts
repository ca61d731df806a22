/**
 * The one generator of random sparse events behind every event helper (ir's test helpers, the
 * CLI's `csim --events` and `convert --tb-events`, the layers' test batches). Each helper is a
 * configuration of it: which generator each event draws from, how many pixels are active, how
 * they are picked, and the value of each channel. The draws happen in a fixed order (the active
 * count, then the pixels, then each picked pixel's channels 0..C-1), so a configuration gives the
 * same events for the same seed on every platform; golden files depend on that order.
 */

/** The draws the generator needs: an integer uniform in [lo, hi] (inclusive). */
export interface IntDraws {
  int(lo: number, hi: number): number;
}

export interface SparseEventsOptions<R extends IntDraws> {
  readonly count: number;
  readonly h: number;
  readonly w: number;
  readonly c: number;
  /** The generator event `e` draws from: one shared by all events, or one per event. */
  readonly rng: (event: number) => R;
  /** How many pixels event `e` activates (capped at H*W, and at the slot count of a slot layout). */
  readonly active: (rng: R, event: number) => number;
  /**
   * 'distinct' (default): draw pixels until that many differ. 'replacement': draw that many
   * times; a pixel drawn again is written again (fewer distinct pixels than drawn).
   */
  readonly picks?: 'distinct' | 'replacement';
  /** Distinct picks only: write them in raster order (InputReduce's slot order) instead of the order drawn. */
  readonly sorted?: boolean;
  /** The value of channel `ch` of an active pixel, drawn from the event's generator. */
  readonly value: (rng: R, ch: number, pixel: number) => number;
}

/**
 * Picks an event's pixels and hands each to `write` (with its index among the writes). Distinct
 * picks are all drawn before the first write; a pick with replacement is written as soon as it is
 * drawn (its channel values are drawn before the next pick).
 */
function eachPixel<R extends IntDraws>(o: SparseEventsOptions<R>, rng: R, event: number, cap: number, write: (pixel: number, i: number) => void): void {
  const grid = o.h * o.w;
  const k = Math.min(o.active(rng, event), grid, cap);
  if (o.picks === 'replacement') {
    for (let i = 0; i < k; i++) write(rng.int(0, grid - 1), i);
    return;
  }
  const chosen = new Set<number>();
  while (chosen.size < k) chosen.add(rng.int(0, grid - 1));
  const pixels = [...chosen];
  (o.sorted ? pixels.sort((a, b) => a - b) : pixels).forEach(write);
}

/**
 * Image layout: `count` events of H*W*C values each, flattened event by event in (h, w, c)
 * order (the interpreter's input format); pixels not picked are 0.
 */
export function sparseEventImages<R extends IntDraws>(o: SparseEventsOptions<R>, first = 0): Float64Array {
  // events first .. first+count-1 (a slice of a longer stream whose events have their own generators)
  const size = o.h * o.w * o.c;
  const out = new Float64Array(o.count * size);
  for (let i = 0; i < o.count; i++) {
    const rng = o.rng(first + i);
    eachPixel(o, rng, first + i, Infinity, (p) => {
      const base = i * size + p * o.c;
      for (let ch = 0; ch < o.c; ch++) out[base + ch] = o.value(rng, ch, p);
    });
  }
  return out;
}

/** Slot layout: per event `nMax` slots of C features and their 1-based (row, col); unused slots are zero. */
export interface SparseEventSlots {
  readonly features: Float64Array;
  /** (row + 1, col + 1) of each slot, (0, 0) for an unused one. */
  readonly coords: Int32Array;
}

/** Slot layout of the same events: the picked pixels fill slots 0.. of each event (at most nMax). */
export function sparseEventSlots<R extends IntDraws>(o: SparseEventsOptions<R>, nMax: number): SparseEventSlots {
  if (o.picks === 'replacement') throw new Error('sparseEventSlots: a slot layout needs distinct pixels');
  const features = new Float64Array(o.count * nMax * o.c);
  const coords = new Int32Array(o.count * nMax * 2);
  for (let e = 0; e < o.count; e++) {
    const rng = o.rng(e);
    eachPixel(o, rng, e, nMax, (p, i) => {
      const s = e * nMax + i;
      coords[2 * s] = Math.floor(p / o.w) + 1;
      coords[2 * s + 1] = (p % o.w) + 1;
      for (let ch = 0; ch < o.c; ch++) features[s * o.c + ch] = o.value(rng, ch, p);
    });
  }
  return { features, coords };
}
