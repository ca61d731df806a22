import { describe, expect, it } from 'vitest';
import { Rng, hashSeed } from './prng';

// Expected values come from an independent Python implementation of splitmix32-seeded xoshiro128**
// written from the published algorithm (not from this file).
describe('Rng', () => {
  it('matches an independent xoshiro128** reference', () => {
    const a = new Rng(0);
    expect(Array.from({ length: 6 }, () => a.nextU32())).toEqual([
      1292791899, 1284423797, 2013314966, 3703690653, 3710537375, 750763077,
    ]);
    const b = new Rng(12345);
    expect(Array.from({ length: 6 }, () => b.nextU32())).toEqual([
      3969076020, 303486645, 547815014, 1648974174, 3214211285, 3528539162,
    ]);
  });

  it('hashes seeds and streams like the reference', () => {
    expect(hashSeed(42)).toBe(2865743138);
    expect(hashSeed(42, 7)).toBe(2426328700);
    expect(hashSeed(2 ** 40 + 3, 1, 2)).toBe(2070139355);
  });

  it('is deterministic per (seed, stream) and differs across streams', () => {
    const draw = (r: Rng) => Array.from({ length: 8 }, () => r.float());
    expect(draw(Rng.from(5, 1))).toEqual(draw(Rng.from(5, 1)));
    expect(draw(Rng.from(5, 1))).not.toEqual(draw(Rng.from(5, 2)));
    expect(draw(Rng.from(5, 1))).not.toEqual(draw(Rng.from(6, 1)));
  });

  it('draws from the stated distributions (loose moment checks on 20,000 draws)', () => {
    const r = Rng.from(1);
    const n = 20_000;
    let sf = 0,
      sn = 0,
      sn2 = 0,
      sp = 0,
      se = 0;
    let lo = Infinity,
      hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const f = r.float();
      sf += f;
      const k = r.int(3, 7);
      lo = Math.min(lo, k);
      hi = Math.max(hi, k);
      const z = r.normal();
      sn += z;
      sn2 += z * z;
      sp += r.poisson(4);
      se += r.exponential(2);
    }
    expect(sf / n).toBeGreaterThan(0.49);
    expect(sf / n).toBeLessThan(0.51);
    expect([lo, hi]).toEqual([3, 7]);
    expect(Math.abs(sn / n)).toBeLessThan(0.03);
    expect(sn2 / n).toBeGreaterThan(0.96);
    expect(sn2 / n).toBeLessThan(1.04);
    expect(sp / n).toBeGreaterThan(3.9);
    expect(sp / n).toBeLessThan(4.1);
    expect(se / n).toBeGreaterThan(1.93);
    expect(se / n).toBeLessThan(2.07);
  });

  it('moyal has its mode near 0 and a long right tail', () => {
    const r = Rng.from(2);
    const xs = Array.from({ length: 20_000 }, () => r.moyal()).sort((a, b) => a - b);
    const median = xs[10_000]!;
    // Moyal median = -ln(2 erfcinv(1/2)^2) ~= 0.7875
    expect(median).toBeGreaterThan(0.7);
    expect(median).toBeLessThan(0.88);
    expect(xs[19_900]!).toBeGreaterThan(5);
  });

  it('weighted, pick and shuffle stay in range and keep all items', () => {
    const r = Rng.from(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) counts[r.weighted([1, 0, 2])]!++;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(1.7);
    expect(counts[2]! / counts[0]!).toBeLessThan(2.3);
    const items = [1, 2, 3, 4, 5, 6];
    expect(r.shuffle([...items]).sort()).toEqual(items);
    expect(items).toContain(r.pick(items));
  });
});
