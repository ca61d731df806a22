import { mulberry32 } from '@sparsepixels/core';

/**
 * The small seeded PRNG of the test helpers (core's mulberry32): reproducible test models and events
 * without dependencies, for every package's tests (golden files depend on its sequence).
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Uniform integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number;
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  return { next, uniform: (lo, hi) => lo + (hi - lo) * next(), int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)) };
}
