import { sparseEventImages } from '@sparsepixels/core';
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
  const value = (): number => (rng.next() * 2 - 1) * range;
  if (!sparse) return Float64Array.from({ length: count * h * w * c }, value);
  return sparseEventImages({
    count,
    h,
    w,
    c,
    rng: () => rng,
    // 0 active, then cycling through 1..nMax and beyond (up to 2 nMax + 2)
    active: (_, e) => (e === 0 ? 0 : e % 3 === 0 ? nMax + rng.int(1, nMax + 2) : rng.int(1, nMax)),
    value: (_, ch) => (ch === 0 ? threshold + rng.next() * range : rng.next() < 0.3 ? 0 : value()),
  });
}
