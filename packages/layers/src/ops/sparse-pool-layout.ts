import { assignPoolOwners } from '@sparsepixels/core';

/**
 * Pooled layout of a batch of sparse events (SPEC §4.4), by core's rule (`assignPoolOwners`) so
 * training pools exactly as the kernels and the firmware do: every slot gets the pooled hash; the
 * first slot of each pooled cell owns it and gathers every later slot with the same pooled position.
 * `owner[s]` = the owning slot of s as a batch-wide index, or -1 if s is dropped.
 */
export interface PoolLayout {
  readonly hash: Int32Array;
  readonly owner: Int32Array;
}

export function sparsePoolLayout(
  hash: Int32Array,
  batch: number,
  nMax: number,
  p: number,
  gridH: number,
  gridW: number,
): PoolLayout {
  const out = new Int32Array(hash.length);
  const owner = new Int32Array(batch * nMax);
  for (let b = 0; b < batch; b++) {
    const base = b * nMax;
    const slots = owner.subarray(base, base + nMax);
    const slotHash = hash.subarray(2 * base, 2 * (base + nMax));
    assignPoolOwners(slotHash, nMax, p, gridH, gridW, out.subarray(2 * base, 2 * (base + nMax)), slots);
    for (let k = 0; k < nMax; k++) if (slots[k]! >= 0) slots[k]! += base;
  }
  return { hash: out, owner };
}
