// Generator.choice(pop, size, replace=False) as numpy draws it (shuffle=True): a partial
// Fisher-Yates over arange(pop) when the sample is a large fraction of a large population, Floyd's
// algorithm otherwise, then a shuffle of the sample. Only the set matters to the workloads (they
// sort it), but the shuffle's draws must be consumed so that later draws line up with numpy's.
import type { Pcg64 } from './pcg64';

export function choiceWithoutReplacement(rng: Pcg64, pop: number, size: number): Int32Array {
  if (!Number.isInteger(pop) || !Number.isInteger(size) || size < 0 || size > pop || pop >= 2 ** 31)
    throw new RangeError(`choice: cannot take ${size} distinct values from ${pop}`);
  if (pop > 10000 && size > Math.floor(pop / 50)) {
    const idx = new Int32Array(pop);
    for (let i = 0; i < pop; i++) idx[i] = i;
    shuffleTail(rng, idx, pop, Math.max(pop - size, 1));
    return idx.slice(pop - size);
  }
  const out = new Int32Array(size);
  const seen = new Set<number>();
  for (let j = pop - size; j < pop; j++) {
    const val = rng.bounded(j);
    const pick = seen.has(val) ? j : val;
    seen.add(pick);
    out[j - pop + size] = pick;
  }
  shuffleTail(rng, out, size, 1);
  return out;
}

/** numpy's _shuffle_int: for i from n-1 down to `first`, swap data[i] with data[bounded(i)]. */
function shuffleTail(rng: Pcg64, data: Int32Array, n: number, first: number): void {
  for (let i = n - 1; i >= first; i--) {
    const j = rng.bounded(i);
    const t = data[j]!;
    data[j] = data[i]!;
    data[i] = t;
  }
}
