/** Test helpers: pruned IR models and their events. */
import type { ModelIR } from '@sparsepixels/ir';
import { createRng, randomSparseEvents } from '@sparsepixels/ir/testing';

/** An IR model with a random fraction of every kernel set to exactly zero. */

export function pruneIR(doc: ModelIR, fraction: number, seed: number): ModelIR {
  const rng = createRng(seed);
  const copy = structuredClone(doc);
  for (const l of copy.layers) {
    const k = l.weights?.['kernel'];
    if (k) k.values = k.values.map((v) => (rng.next() < fraction ? 0 : v));
  }
  return copy;
}

/** `count` random sparse events for the model's input: 1 to half of the pixels active. */
export function eventsFor(m: ModelIR, count: number, seed: number): Float64Array {
  const [h = 1, w = 1, c = 1] = m.input.shape;
  return randomSparseEvents({
    h,
    w,
    c,
    count,
    active: [1, Math.max(1, (h * w) >> 1)],
    seed,
    type: m.input.type,
  });
}
