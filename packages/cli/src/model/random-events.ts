import { fracBits, parseType } from '@sparsepixels/core';
import type { InputEvents, ModelIR } from '@sparsepixels/ir';
import { Rng } from '../data/prng';

/**
 * `count` seeded random sparse events for a model (H*W*C values each, flattened): each event has
 * 0 to N+4 active pixels (N = the InputReduce capacity, so some events overflow it) at random
 * positions, every value on the input type's grid and above the InputReduce threshold.
 */
export function randomEvents(model: ModelIR, count: number, seed: number): Float64Array {
  const events = randomInputEvents(model, count, seed);
  return events.read(0, count);
}

/** InputEvents whose slices are Float64Arrays. */
export interface GeneratedEvents extends InputEvents {
  read(start: number, n: number): Float64Array;
}

/**
 * The same events generated on demand, a slice at a time (event e depends only on the seed and
 * e), so a million events never sit in memory at once.
 */
export function randomInputEvents(model: ModelIR, count: number, seed: number): GeneratedEvents {
  const [h = 1, w = 1, c = 1] = model.input.shape;
  const reduce = model.layers.find((l) => typeof l.attrs?.['nMax'] === 'number');
  const nMax = Number(reduce?.attrs?.['nMax'] ?? 16);
  const threshold = Number(reduce?.attrs?.['threshold'] ?? 0);
  const type = parseType(model.input.type);
  const step = 2 ** -fracBits(type);
  const maxRaw = 2 ** (type.signed ? type.width - 1 : type.width) - 1;
  const minRaw = Math.min(maxRaw, Math.max(1, Math.floor(threshold / step) + 1));
  const size = h * w * c;
  return {
    count,
    eventSize: size,
    read(start, n) {
      const x = new Float64Array(n * size);
      for (let i = 0; i < n; i++) {
        const rng = Rng.from(seed, 0x5eed, start + i);
        const active = rng.int(0, Math.min(h * w, nMax + 4));
        for (let k = 0; k < active; k++) {
          const pixel = rng.int(0, h * w - 1);
          for (let ch = 0; ch < c; ch++) x[i * size + pixel * c + ch] = rng.int(minRaw, maxRaw) * step;
        }
      }
      return x;
    },
  };
}
