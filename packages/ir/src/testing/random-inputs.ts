import { eventBudget } from '../input-reduce-of';
import type { ModelIR } from '../model';
import { createRng } from './prng';

/**
 * Random input events for a model, as floats NOT on the input grid (so the test bench's and the
 * interpreter's double -> input-type conversions are exercised too). Sparse models get events
 * with 0 active pixels, up to nMax, and more than nMax; values of active pixels are above the
 * InputReduce threshold before quantization, others are 0. Dense models get random values.
 */
export function randomInputs(model: ModelIR, count: number, seed: number, range = 2): Float64Array {
  const rng = createRng(seed);
  const [h = 1, w = 1, c = 1] = model.input.shape;
  const { nMax, threshold, sparse } = eventBudget(model);
  const size = h * w * c;
  const out = new Float64Array(count * size);
  const value = (): number => (rng.next() * 2 - 1) * range;
  for (let e = 0; e < count; e++) {
    const base = e * size;
    if (!sparse) {
      for (let k = 0; k < size; k++) out[base + k] = value();
      continue;
    }
    // 0 active, then cycling through 1..nMax and beyond (up to 2 nMax + 2).
    const active =
      e === 0 ? 0 : Math.min(h * w, e % 3 === 0 ? nMax + rng.int(1, nMax + 2) : rng.int(1, nMax));
    const chosen = new Set<number>();
    while (chosen.size < active) chosen.add(rng.int(0, h * w - 1));
    for (const p of chosen) {
      out[base + p * c] = threshold + rng.next() * range;
      for (let ch = 1; ch < c; ch++) out[base + p * c + ch] = rng.next() < 0.3 ? 0 : value();
    }
  }
  return out;
}
