import { fracBits, rawMax, sparseEventImages } from '@sparsepixels/core';
import { eventBudget, type InputEvents, type PreparedModel } from '@sparsepixels/ir';
import { Rng } from '../data/prng';

/**
 * `count` seeded random sparse events for a model (H*W*C values each, flattened): each event has
 * 0 to nMax+4 active pixels (ir's eventBudget: the InputReduce capacity, so some events overflow
 * it, or every pixel of a dense model) at random positions, every value on the input type's grid
 * and above the InputReduce threshold.
 */
export function randomEvents(prepared: PreparedModel, count: number, seed: number): Float64Array {
  return randomInputEvents(prepared, count, seed).read(0, count);
}

/** InputEvents whose slices are Float64Arrays. */
export interface GeneratedEvents extends InputEvents {
  read(start: number, n: number): Float64Array;
}

/**
 * The same events generated on demand, a slice at a time (event e depends only on the seed and
 * e), so a million events never sit in memory at once.
 */
export function randomInputEvents(prepared: PreparedModel, count: number, seed: number): GeneratedEvents {
  const [h = 1, w = 1, c = 1] = prepared.input.tensor.shape;
  const { nMax, threshold } = eventBudget(prepared);
  const type = prepared.input.type;
  const step = 2 ** -fracBits(type);
  const maxRaw = rawMax(type);
  const minRaw = Math.min(maxRaw, Math.max(1, Math.floor(threshold / step) + 1));
  return {
    count,
    eventSize: h * w * c,
    read(start, n) {
      // one generator per event (picks with replacement: a pixel drawn twice keeps its last values)
      return sparseEventImages(
        {
          count: n,
          h,
          w,
          c,
          rng: (e) => Rng.from(seed, 0x5eed, e),
          active: (rng) => rng.int(0, Math.min(h * w, nMax + 4)),
          picks: 'replacement',
          value: (rng) => rng.int(minRaw, maxRaw) * step,
        },
        start,
      );
    },
  };
}
