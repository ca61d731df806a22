import { describe, expect, it } from 'vitest';
import { NEUTRINO_FLOOR, generateNeutrino } from './neutrino';
import { activeCounts, occupancyStats } from './occupancy';

/** Byte equality of typed arrays (fast, unlike a deep toEqual over ~10^5 elements). */
const sameBytes = (a: ArrayBufferView, b: ArrayBufferView) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

const PIX = 63 * 63;
const d = generateNeutrino({ count: 600, seed: 11 });
const HALF = 300;

function eventsOf(label: number): number[] {
  return [...d.y.keys()].filter((i) => d.y[i] === label);
}

describe('neutrino generator', () => {
  it('is deterministic per seed (same bytes) and changes with the seed', () => {
    const again = generateNeutrino({ count: 50, seed: 11 });
    expect(sameBytes(again.x, d.x.subarray(0, 50 * PIX))).toBe(true);
    expect(again.y).toEqual(d.y.subarray(0, 50));
    expect(sameBytes(generateNeutrino({ count: 50, seed: 12 }).x, again.x)).toBe(false);
  });

  it('has the documented shape, classes and exact balance', () => {
    expect(d.shape).toEqual([600, 63, 63, 1]);
    expect(d.classes).toEqual(['cosmic', 'neutrino']);
    expect(eventsOf(0).length).toBe(HALF);
    expect(eventsOf(1).length).toBe(HALF);
  });

  it('keeps values at 0 or in [0.21875, 1], on the 1/3200 grid of the real data', () => {
    let bad = 0;
    for (const v of d.x) {
      if (v === 0) continue;
      const k = v * 3200;
      if (v < NEUTRINO_FLOOR || v > 1 || Math.abs(k - Math.round(k)) > 1e-3) bad++;
    }
    expect(bad).toBe(0);
  });

  it('has occupancy in the documented range (mean 25-60 active of 3969, under 2 %)', () => {
    const s = occupancyStats(d.x, d.shape);
    expect(s.mean).toBeGreaterThan(25);
    expect(s.mean).toBeLessThan(60);
    expect(s.meanFraction).toBeLessThan(0.02);
    expect(s.min).toBeGreaterThan(0);
    expect(s.max).toBeLessThan(250);
    // the N_max of the paper's sparse models (8..20) truncate most events
    expect(s.fractionAbove['20']).toBeGreaterThan(0.6);
  });

  it('separates the classes by structure, not by the pixel count alone', () => {
    const counts = activeCounts(d.x, PIX, 1);
    let best = 0;
    for (let t = 0; t < 200; t++) {
      let right = 0;
      for (let i = 0; i < d.y.length; i++) right += (counts[i]! > t ? 1 : 0) === d.y[i] ? 1 : 0;
      best = Math.max(best, right / d.y.length, 1 - right / d.y.length);
    }
    expect(best).toBeLessThan(0.75);
    // heavily ionising deposits (Bragg peaks of stopping protons, shower cores) mark interactions
    const dense = (i: number) => d.x.subarray(i * PIX, (i + 1) * PIX).some((v) => v >= 0.6);
    const frac = (label: number) => eventsOf(label).filter(dense).length / HALF;
    expect(frac(1)).toBeGreaterThan(0.9);
    expect(frac(0)).toBeLessThan(0.7);
  });
});
