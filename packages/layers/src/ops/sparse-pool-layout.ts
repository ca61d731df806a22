import { assignPoolOwners } from '@sparsepixels/core';

/**
 * Pooled layout of a batch of sparse events (docs/semantics.md), by core's rule (`assignPoolOwners`)
 * under activity 'mask', so training pools exactly as the kernels and the firmware do: only valid
 * slots (hash row >= 1) take part; the first valid slot of each pooled cell owns it and gathers the
 * later valid slots with the same pooled position. Owners get the pooled hash, every other slot
 * (0, 0): the cell's validity bit is the owner's. `owner[s]` = the owning slot of s as a batch-wide
 * index, or -1 if s takes no part.
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
    const valid = new Uint8Array(nMax);
    for (let k = 0; k < nMax; k++) valid[k] = slotHash[2 * k]! >= 1 ? 1 : 0;
    const pooled = out.subarray(2 * base, 2 * (base + nMax));
    assignPoolOwners(slotHash, nMax, p, gridH, gridW, pooled, slots, valid);
    for (let k = 0; k < nMax; k++) {
      if (slots[k] !== k) pooled.fill(0, 2 * k, 2 * k + 2);
      if (slots[k]! >= 0) slots[k]! += base;
    }
  }
  return { hash: out, owner };
}
