import { describe, expect, it } from 'vitest';
import { magnitudeMasks, prunedCount } from './magnitude-masks';

const pruned = (m: Uint8Array) => m.reduce((a, v) => a + (v === 0 ? 1 : 0), 0);

describe('magnitudeMasks', () => {
  it('global: one threshold over every tensor, ranked on quantized magnitudes, float magnitude breaks ties', () => {
    const a = { magnitude: [0.5, 0.25, 0, 1], tieBreak: [0.51, 0.26, 0.01, 1] };
    const b = { magnitude: [0.25, 0.75], tieBreak: [0.24, 0.7] };
    // ranking: a2 (0), b0 (0.25, 0.24), a1 (0.25, 0.26), a0 (0.5), b1, a3
    const [ma, mb] = magnitudeMasks([a, b], 0.5, 'global');
    expect(Array.from(ma!)).toEqual([1, 0, 0, 1]);
    expect(Array.from(mb!)).toEqual([0, 1]);
  });

  it('layer: each tensor reaches round(s * n) on its own', () => {
    const a = { magnitude: [4, 3, 2, 1], tieBreak: [4, 3, 2, 1] };
    const b = {
      magnitude: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
      tieBreak: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    };
    const [ma, mb] = magnitudeMasks([a, b], 0.3, 'layer');
    expect(Array.from(ma!)).toEqual([1, 1, 1, 0]); // round(1.2) = 1
    expect(Array.from(mb!)).toEqual([0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('equal keys fall back to tensor then element order; a pruned entry is never revived', () => {
    const flat = { magnitude: [1, 1, 1, 1], tieBreak: [1, 1, 1, 1] };
    expect(Array.from(magnitudeMasks([flat], 0.5, 'global')[0]!)).toEqual([0, 0, 1, 1]);
    const grown = { magnitude: [0, 9, 1, 2], tieBreak: [0, 9, 1, 2], mask: Uint8Array.from([1, 0, 1, 1]) };
    expect(Array.from(magnitudeMasks([grown], 0.5, 'global')[0]!)).toEqual([0, 0, 1, 1]);
    // a lower target keeps the pruned entries pruned
    expect(
      pruned(magnitudeMasks([{ ...grown, mask: Uint8Array.from([0, 0, 0, 1]) }], 0.25, 'global')[0]!),
    ).toBe(3);
  });

  it('reaches exactly round(s * n) on random tensors, global and per layer', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const tensors = [97, 13, 250].map((n) => {
      const f = Array.from({ length: n }, () => rnd() - 0.5);
      return { magnitude: f.map((v) => Math.abs(Math.round(v * 16) / 16)), tieBreak: f.map(Math.abs) };
    });
    for (const s of [0, 0.1, 0.5, 0.7, 0.93]) {
      const g = magnitudeMasks(tensors, s, 'global');
      expect(g.reduce((a, m) => a + pruned(m), 0)).toBe(prunedCount(s, 360));
      const l = magnitudeMasks(tensors, s, 'layer');
      l.forEach((m, i) => expect(pruned(m)).toBe(Math.round(s * tensors[i]!.magnitude.length)));
      // global: every kept quantized magnitude >= every pruned one
      const kept = g.flatMap((m, t) => tensors[t]!.magnitude.filter((_, i) => m[i] === 1));
      const gone = g.flatMap((m, t) => tensors[t]!.magnitude.filter((_, i) => m[i] === 0));
      if (gone.length && kept.length) expect(Math.min(...kept)).toBeGreaterThanOrEqual(Math.max(...gone));
    }
  });

  it('refuses a sparsity outside [0, 1)', () => {
    expect(() => magnitudeMasks([], 1, 'global')).toThrow(
      'sparsity 1 is not allowed; expected a number in [0, 1)',
    );
    expect(() => prunedCount(-0.1, 5)).toThrow('sparsity -0.1 is not allowed');
  });
});
