import { forNeighbours } from '@sparsepixels/core';

/**
 * Neighbour lists of a batch of sparse events: for every slot i, the slots j (ascending) with
 * |h_i - h_j| <= R and |w_i - w_j| <= R and their kernel tap (R + h_j - h_i) * K + (R + w_j - w_i)
 * (core's forNeighbours). Built from the integer hashes in JavaScript (no gradient); cost B * N * N.
 */
export interface Neighbours {
  /** Row starts, length B*N + 1, into `slot` and `tap`. */
  readonly start: Int32Array;
  /** Global slot index b*N + j. */
  readonly slot: Int32Array;
  readonly tap: Int32Array;
}

interface Cached {
  readonly hash: Int32Array;
  readonly nb: Neighbours;
}

const cache = new WeakMap<Int32Array, Map<number, Cached>>();

function sameValues(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Neighbour lists of a batch; cached per hash array and K (checked against a copy of the values),
 * so consecutive convolutions on the same slots, whose hash tensors share their data, build them once.
 */
export function buildNeighbours(hash: Int32Array, batch: number, nMax: number, k: number): Neighbours {
  const byK = cache.get(hash) ?? new Map<number, Cached>();
  cache.set(hash, byK);
  const key = k * 65536 + nMax;
  const hit = byK.get(key);
  if (hit && hit.nb.start.length === batch * nMax + 1 && sameValues(hit.hash, hash)) return hit.nb;
  const nb = neighbourLists(hash, batch, nMax, k);
  byK.set(key, { hash: hash.slice(), nb });
  return nb;
}

function neighbourLists(hash: Int32Array, batch: number, nMax: number, k: number): Neighbours {
  const start = new Int32Array(batch * nMax + 1);
  const slot = new Int32Array(batch * nMax * nMax);
  const tap = new Int32Array(batch * nMax * nMax);
  let e = 0;
  for (let b = 0; b < batch; b++) {
    const base = b * nMax;
    // the kernels' window (core), so training sees exactly the neighbours the firmware sums
    const event = hash.subarray(2 * base, 2 * (base + nMax));
    for (let i = 0; i < nMax; i++) {
      forNeighbours(event, nMax, i, k, (j, t) => {
        slot[e] = base + j;
        tap[e++] = t;
      });
      start[base + i + 1] = e;
    }
  }
  return { start, slot: slot.subarray(0, e), tap: tap.subarray(0, e) };
}

/** Slot validity in training (activity 'mask'): 1 iff the slot's hash row is >= 1 (input-reduce-op.ts). */
export function slotValidity(hash: Int32Array, slots: number): Uint8Array {
  const valid = new Uint8Array(slots);
  for (let s = 0; s < slots; s++) valid[s] = hash[2 * s]! >= 1 ? 1 : 0;
  return valid;
}
