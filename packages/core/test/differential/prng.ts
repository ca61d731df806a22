// A small seeded PRNG (xoshiro128**) so randomized tests are reproducible from one seed.

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Prng {
  private readonly s: Uint32Array;

  constructor(seed: number) {
    const init = splitmix32(seed);
    this.s = Uint32Array.from([init(), init(), init(), init()]);
  }

  /** A uniform 32-bit unsigned integer. */
  next(): number {
    const st = this.s;
    let [s0, s1, s2, s3] = [st[0] ?? 0, st[1] ?? 0, st[2] ?? 0, st[3] ?? 0];
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    st.set([s0, s1, s2, s3]);
    return result;
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
