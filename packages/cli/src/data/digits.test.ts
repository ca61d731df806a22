import { describe, expect, it } from 'vitest';
import { generateDigits } from './digits';
import { occupancyStats } from './occupancy';

/** Byte equality of typed arrays (fast, unlike a deep toEqual over ~10^5 elements). */
const sameBytes = (a: ArrayBufferView, b: ArrayBufferView) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

const S = 48;
const PIX = S * S;
const d = generateDigits({ count: 3000, seed: 5 });

/** Rows/cols a 9x9 pooled digit padded by 19 lands on after the x3.5 spread about 23.5. */
const LATTICE = new Set(Array.from({ length: 9 }, (_, k) => Math.round((19 + k - 23.5) * 3.5 + 23.5)));

describe('digits generator', () => {
  it('is deterministic per seed and changes with the seed', () => {
    const again = generateDigits({ count: 30, seed: 5 });
    expect(sameBytes(again.x, d.x.subarray(0, 30 * PIX))).toBe(true);
    expect(sameBytes(generateDigits({ count: 30, seed: 6 }).x, again.x)).toBe(false);
  });

  it('has 10 balanced classes and 48x48x1 images', () => {
    expect(d.shape).toEqual([3000, 48, 48, 1]);
    expect(d.classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const counts = new Array(10).fill(0);
    for (const v of d.y) counts[v]++;
    expect(counts).toEqual(new Array(10).fill(300));
  });

  it('keeps values 0 or in [0.4, 1], each image peaking at exactly 1, on the spread lattice', () => {
    let bad = 0;
    for (let e = 0; e < 3000; e++) {
      const img = d.x.subarray(e * PIX, (e + 1) * PIX);
      let max = 0;
      img.forEach((v, p) => {
        max = Math.max(max, v);
        if (v !== 0 && (v < 0.4 || v > 1 || !LATTICE.has(Math.floor(p / S)) || !LATTICE.has(p % S))) bad++;
      });
      if (max !== 1) bad++;
    }
    expect(bad).toBe(0);
  });

  it('has occupancy like the paper (about 10-25 active pixels, mean 11-20)', () => {
    const s = occupancyStats(d.x, d.shape, 0.4);
    expect(s.mean).toBeGreaterThan(11);
    expect(s.mean).toBeLessThan(20);
    expect(s.min).toBeGreaterThanOrEqual(3);
    expect(s.max).toBeLessThanOrEqual(35);
  });

  it('is learnable: a nearest-centroid classifier on raw pixels is far above chance (10 %)', () => {
    const train = 2400;
    const centroids = Array.from({ length: 10 }, () => new Float64Array(PIX));
    const n = new Array(10).fill(0);
    for (let e = 0; e < train; e++) {
      const c = centroids[d.y[e]!]!;
      n[d.y[e]!]++;
      for (let p = 0; p < PIX; p++) c[p]! += d.x[e * PIX + p]!;
    }
    centroids.forEach((c, k) => c.forEach((v, p) => (c[p] = v / n[k])));
    let right = 0;
    for (let e = train; e < 3000; e++) {
      const img = d.x.subarray(e * PIX, (e + 1) * PIX);
      const dist = centroids.map((c) => c.reduce((s, v, p) => s + (v - img[p]!) ** 2, 0));
      right += dist.indexOf(Math.min(...dist)) === d.y[e] ? 1 : 0;
    }
    expect(right / 600).toBeGreaterThan(0.4);
  });
});
