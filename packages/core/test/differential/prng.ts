// A small seeded PRNG (xoshiro128**) so randomized tests are reproducible from one seed.
import { Xoshiro128 } from '../../src/random/xoshiro128';

/**
 * Core's xoshiro128** (src/random/xoshiro128.ts): Prng(seed) seeds its state with splitmix32 outputs
 * 1..4 of `seed`, i.e. Xoshiro128 of seed - 0x9e3779b9 (the cases of every run stay the same).
 */
export class Prng extends Xoshiro128 {
  constructor(seed: number) {
    super((seed - 0x9e3779b9) >>> 0);
  }

  /** A uniform 32-bit unsigned integer. */
  next(): number {
    return this.nextU32();
  }

  /** A uniform integer in [lo, hi] (both inclusive, |range| < 2^32). */
  int(lo: number, hi: number): number {
    return lo + Math.floor((this.next() / 2 ** 32) * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() / 2 ** 32 < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error('Prng.pick: empty list');
    return item;
  }

  /** A uniform unsigned integer of n bits. */
  bits(n: number): bigint {
    let v = 0n;
    for (let done = 0; done < n; done += 32) v = (v << 32n) | BigInt(this.next());
    return BigInt.asUintN(n, v);
  }
}
