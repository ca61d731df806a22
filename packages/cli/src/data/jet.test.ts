import { describe, expect, it } from 'vitest';
import { generateJet } from './jet';
import { occupancyStats } from './occupancy';

/** Byte equality of typed arrays (fast, unlike a deep toEqual over ~10^5 elements). */
const sameBytes = (a: ArrayBufferView, b: ArrayBufferView) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

const S = 56;
const PIX = S * S;
const d = generateJet({ count: 2500, seed: 3 });
const byClass = d.classes.map((_, l) => [...d.y.keys()].filter((i) => d.y[i] === l));

/** pT-weighted mean distance of the deposits from the image centre (27.5, 27.5), in pixels. */
function spread(i: number): number {
  let s = 0;
  let w = 0;
  for (let p = 0; p < PIX; p++) {
    const v = d.x[i * PIX + p]!;
    if (v === 0) continue;
    s += v * Math.hypot(Math.floor(p / S) - 27.5, (p % S) - 27.5);
    w += v;
  }
  return s / w;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('jet generator', () => {
  it('is deterministic per seed and changes with the seed', () => {
    const again = generateJet({ count: 40, seed: 3 });
    expect(sameBytes(again.x, d.x.subarray(0, 40 * PIX))).toBe(true);
    expect(sameBytes(generateJet({ count: 40, seed: 4 }).x, again.x)).toBe(false);
  });

  it('has 5 balanced classes g, q, W, Z, t and 56x56x1 images', () => {
    expect(d.shape).toEqual([2500, 56, 56, 1]);
    expect(d.classes).toEqual(['g', 'q', 'W', 'Z', 't']);
    expect(byClass.map((e) => e.length)).toEqual([500, 500, 500, 500, 500]);
  });

  it('keeps values in (0.003, 1] on the x2-spread lattice (even rows/cols, or the clipped border 55)', () => {
    let bad = 0;
    for (let i = 0; i < d.x.length; i++) {
      const v = d.x[i]!;
      if (v === 0) continue;
      const p = i % PIX;
      const onLattice = (c: number) => c % 2 === 0 || c === 55;
      if (!(v > 0.003 && v <= 1) || !onLattice(Math.floor(p / S)) || !onLattice(p % S)) bad++;
    }
    expect(bad).toBe(0);
  });

  it('has occupancy in the documented range (mean 12-26 active of 3136)', () => {
    const s = occupancyStats(d.x, d.shape);
    expect(s.mean).toBeGreaterThan(12);
    expect(s.mean).toBeLessThan(26);
    expect(s.min).toBeGreaterThan(0);
    expect(s.fractionAbove['8']).toBeGreaterThan(0.9);
    expect(s.fractionAbove['20']).toBeGreaterThan(0.2);
    expect(s.fractionAbove['20']).toBeLessThan(0.6);
  });

  it('orders the classes by prong structure: q narrowest, then g, W, Z (heavier: wider), t widest', () => {
    const [g, q, w, z, t] = byClass.map((e) => mean(e.map(spread)));
    expect(q!).toBeLessThan(g! - 2);
    expect(g!).toBeLessThan(w! - 1);
    expect(w!).toBeLessThan(z! - 0.5);
    expect(z!).toBeLessThan(t! - 4);
    // gluon jets have more constituents above threshold than quark jets
    const active = (i: number) => d.x.subarray(i * PIX, (i + 1) * PIX).filter((v) => v > 0).length;
    expect(mean(byClass[0]!.map(active))).toBeGreaterThan(mean(byClass[1]!.map(active)) + 5);
  });
});
