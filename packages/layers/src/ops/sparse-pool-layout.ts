/**
 * Pooled layout of a batch of sparse events (SPEC §4.4): every slot gets the pooled hash
 * ((h-1) div P) + 1; a slot whose pooled position lies outside floor(H/P) x floor(W/P) is dropped;
 * the first slot of each pooled cell (in slot order, active or not) owns the cell and gathers every
 * later slot with the same pooled position. `owner[s]` = the owning slot of s, or -1 if dropped.
 */
export interface PoolLayout {
  readonly hash: Int32Array;
  readonly owner: Int32Array;
}

export function sparsePoolLayout(
  hash: Int32Array,
  batch: number,
  n: number,
  p: number,
  gridH: number,
  gridW: number,
): PoolLayout {
  const ho = Math.floor(gridH / p);
  const wo = Math.floor(gridW / p);
  const out = new Int32Array(hash.length);
  const owner = new Int32Array(batch * n).fill(-1);
  for (let b = 0; b < batch; b++) {
    const base = b * n;
    for (let i = base; i < base + n; i++) {
      const ph = Math.floor((hash[2 * i]! - 1) / p) + 1;
      const pw = Math.floor((hash[2 * i + 1]! - 1) / p) + 1;
      out[2 * i] = ph;
      out[2 * i + 1] = pw;
      if (ph < 1 || ph > ho || pw < 1 || pw > wo) continue;
      owner[i] = i;
      for (let j = base; j < i; j++) {
        if (owner[j] === j && out[2 * j] === ph && out[2 * j + 1] === pw) {
          owner[i] = j;
          break;
        }
      }
    }
  }
  return { hash: out, owner };
}
