/**
 * Seeded deterministic random numbers for the dataset generators: core's xoshiro128** (seeded
 * through splitmix32) under the draws the generators use, so a (seed, stream...) tuple always
 * gives the same sequence on every platform. The float helpers use Math.log / Math.cos /
 * Math.sqrt, which V8 computes with its own fdlibm port (same on every host).
 */
import { mix32, Xoshiro128 } from '@sparsepixels/core';

export { mix32 };

/** Hashes a seed and any number of stream ids (event index, dataset id) into one uint32. */
export function hashSeed(seed: number, ...stream: number[]): number {
  let h = mix32(seed >>> 0) ^ mix32(Math.floor(seed / 2 ** 32) >>> 0);
  for (const s of stream) h = mix32((h ^ mix32(s >>> 0)) >>> 0);
  return h >>> 0;
}

const TWO_PI = 2 * Math.PI;

export class Rng extends Xoshiro128 {
  /** A generator for `seed` (0..2^53-1) and optional stream ids, e.g. `Rng.from(seed, eventIndex)`. */
  static from(seed: number, ...stream: number[]): Rng {
    return new Rng(hashSeed(seed, ...stream));
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  float(): number {
    return this.nextU32() / 4294967296;
  }

  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.float();
  }

  /** Uniform integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  /** Standard normal by Box-Muller (no cached second value, so the stream stays simple). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.float(); // (0, 1], so log is finite
    const v = this.float();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(TWO_PI * v);
  }

  exponential(mean: number): number {
    return -mean * Math.log(1 - this.float());
  }

  /**
   * Moyal variate (mode 0, long tail to the right): the usual closed-form stand-in for the Landau
   * distribution of ionisation losses. If Z is standard normal, -ln(Z^2) is Moyal distributed.
   */
  moyal(): number {
    const z = this.normal();
    return -Math.log(Math.max(z * z, 1e-12));
  }

  /** Poisson variate by Knuth's product method (fine for the small means used here, < ~60). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.float();
    while (p > limit) {
      k++;
      p *= this.float();
    }
    return k;
  }

  /** Index drawn with probability proportional to `weights[i]`. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.float() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)]!;
  }

  /** Fisher-Yates shuffle in place; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      const t = items[i]!;
      items[i] = items[j]!;
      items[j] = t;
    }
    return items;
  }
}
