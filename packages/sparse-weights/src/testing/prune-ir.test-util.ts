/** Test helper: an IR model with a random fraction of every kernel set to exactly zero. */
import type { ModelIR } from '@sparsepixels/ir';
import { createRng } from '@sparsepixels/ir/testing';

export function pruneIR(doc: ModelIR, fraction: number, seed: number): ModelIR {
  const rng = createRng(seed);
  const copy = structuredClone(doc);
  for (const l of copy.layers) {
    const k = l.weights?.['kernel'];
    if (k) k.values = k.values.map((v) => (rng.next() < fraction ? 0 : v));
  }
  return copy;
}
