import { fracBits } from '@sparsepixels/core';
import { eventBudget, type PreparedModel } from '@sparsepixels/ir';
import { Rng } from '../data/prng';

/**
 * `count` seeded random sparse events for a model (H*W*C values each, flattened): each event has
 * 0 to nMax+4 active pixels (ir's eventBudget: the InputReduce capacity, so some events overflow
 * it, or every pixel of a dense model) at random positions, every value on the input type's grid
 * and above the InputReduce threshold.
 */
export function randomEvents(prepared: PreparedModel, count: number, seed: number): Float64Array {
  const [h = 1, w = 1, c = 1] = prepared.input.tensor.shape;
  const { nMax, threshold } = eventBudget(prepared);
  const type = prepared.input.type;
  const step = 2 ** -fracBits(type);
  const maxRaw = 2 ** (type.signed ? type.width - 1 : type.width) - 1;
  const minRaw = Math.min(maxRaw, Math.max(1, Math.floor(threshold / step) + 1));
  const size = h * w * c;
  const x = new Float64Array(count * size);
  for (let e = 0; e < count; e++) {
    const rng = Rng.from(seed, 0x5eed, e);
    const active = rng.int(0, Math.min(h * w, nMax + 4));
    for (let k = 0; k < active; k++) {
      const pixel = rng.int(0, h * w - 1);
      for (let ch = 0; ch < c; ch++) x[e * size + pixel * c + ch] = rng.int(minRaw, maxRaw) * step;
    }
  }
  return x;
}
