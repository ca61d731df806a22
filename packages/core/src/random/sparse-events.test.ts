import { describe, expect, it } from 'vitest';
import { mulberry32 } from './mulberry32';
import { sparseEventImages, sparseEventSlots, type SparseEventsOptions } from './sparse-events';

function draws(seed: number): { int(lo: number, hi: number): number } {
  const next = mulberry32(seed);
  return { int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)) };
}

function options(over: Partial<SparseEventsOptions<ReturnType<typeof draws>>> = {}): SparseEventsOptions<ReturnType<typeof draws>> {
  const rng = draws(5);
  return { count: 20, h: 4, w: 5, c: 2, rng: () => rng, active: () => 6, value: (_, ch) => ch + 1, ...over };
}

function activePixels(x: Float64Array, e: number, size: number, c: number): number {
  let n = 0;
  for (let p = e * size; p < (e + 1) * size; p += c) if (x[p] !== 0) n++;
  return n;
}

describe('sparseEventImages', () => {
  it('activates exactly the drawn count of distinct pixels, capped at H*W, channel values from the value function', () => {
    const x = sparseEventImages(options());
    for (let e = 0; e < 20; e++) expect(activePixels(x, e, 40, 2)).toBe(6);
    expect(new Set(x)).toEqual(new Set([0, 1, 2]));
    const all = sparseEventImages(options({ active: () => 99 }));
    for (let e = 0; e < 20; e++) expect(activePixels(all, e, 40, 2)).toBe(20);
  });

  it('picks with replacement can repeat a pixel (fewer distinct active pixels than picks)', () => {
    const x = sparseEventImages(options({ picks: 'replacement', active: () => 15 }));
    const counts = Array.from({ length: 20 }, (_, e) => activePixels(x, e, 40, 2));
    expect(Math.max(...counts)).toBeLessThanOrEqual(15);
    expect(Math.min(...counts)).toBeLessThan(15);
  });

  it('a slice from `first` equals the same events of a longer run with per-event generators', () => {
    const per = (o: Partial<SparseEventsOptions<ReturnType<typeof draws>>>) => options({ rng: (e) => draws(100 + e), picks: 'replacement', ...o });
    const all = sparseEventImages(per({ count: 10 }));
    expect(Array.from(sparseEventImages(per({ count: 4 }), 3))).toEqual(Array.from(all.subarray(3 * 40, 7 * 40)));
  });
});

describe('sparseEventSlots', () => {
  it('fills slots 0.. in raster order, at most nMax, unused slots at (0, 0) with zero features', () => {
    const { coords } = sparseEventSlots(options({ sorted: true, active: () => 9 }), 7);
    for (let e = 0; e < 20; e++) {
      const raster = Array.from({ length: 7 }, (_, i) => (coords[2 * (e * 7 + i)]! - 1) * 5 + coords[2 * (e * 7 + i) + 1]! - 1);
      expect(raster).toEqual([...raster].sort((a, b) => a - b));
      expect(new Set(raster).size).toBe(7);
    }
    const few = sparseEventSlots(options({ active: () => 2 }), 4);
    expect(Array.from(few.coords.subarray(4, 8))).toEqual([0, 0, 0, 0]);
    expect(Array.from(few.features.subarray(4, 8))).toEqual([0, 0, 0, 0]);
    expect(Array.from(few.features.subarray(0, 4))).toEqual([1, 2, 1, 2]);
  });

  it('refuses picks with replacement (two slots of one pixel)', () => {
    expect(() => sparseEventSlots(options({ picks: 'replacement' }), 4)).toThrow(/distinct/);
  });
});
