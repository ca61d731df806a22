/**
 * mulberry32: the small seeded generator of the test helpers (ir/testing createRng) and of the
 * training layers' shuffling. Uniform doubles in [0, 1) with 32 bits of resolution; 32-bit
 * integer arithmetic only, so a seed gives the same sequence on every platform (golden files and
 * recorded training figures depend on it).
 */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
