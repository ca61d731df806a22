// The generator reproduces numpy's default_rng streams. Expected values were printed by numpy 2.4.6
// (python3 -c "import numpy as np; g = np.random.default_rng(7); ...") on the development machine;
// the 49 workload checks in workloads.test.ts exercise the same streams at scale.
import { describe, expect, it } from 'vitest';
import { choiceWithoutReplacement } from './choice';
import { Pcg64, seedSequenceState } from './pcg64';

describe('Pcg64 (numpy default_rng)', () => {
  it('seeds the state and increment as SeedSequence + PCG64 do', () => {
    expect(new Pcg64(20240601).state).toBe(271193987840507576701638043792673522764n);
    expect(new Pcg64(7).state).toBe(208745520555909116978795849195383758904n);
    // A seed above 2^32 spans two SeedSequence words.
    expect(new Pcg64(2 ** 40 + 5).state).toBe(289036690534530382777399946608278691974n);
    const [, , i0, i1] = seedSequenceState(7) as [bigint, bigint, bigint, bigint];
    expect(((((i0 << 64n) | i1) << 1n) | 1n) & ((1n << 128n) - 1n)).toBe(
      261136684632268670825940853076396136793n,
    );
  });

  it('draws the same raw 64-bit words and doubles', () => {
    const g = new Pcg64(20240601);
    expect([g.nextUint64(), g.nextUint64(), g.nextUint64()]).toEqual([
      14606525003716441270n,
      10715116236421299223n,
      7652839370049166271n,
    ]);
    const h = new Pcg64(20240601);
    expect([h.random(), h.random(), h.random()]).toEqual([
      0.7918213070746603, 0.5808676150981337, 0.4148612535344952,
    ]);
  });

  it("choice(..., replace=False): Floyd's algorithm, then the stream continues where numpy's does", () => {
    const g = new Pcg64(7);
    const a = Array.from(choiceWithoutReplacement(g, 100000, 50)).sort((x, y) => x - y);
    expect(a.slice(0, 6)).toEqual([526, 3568, 4394, 5550, 11470, 11904]);
    expect(a.slice(-3)).toEqual([98886, 99023, 99534]);
    expect(new Set(a).size).toBe(50);
    expect(g.random()).toBe(0.3612640590141576);
  });

  it('choice(..., replace=False): the partial shuffle of a large sample, in numpy order', () => {
    const g = new Pcg64(8);
    const b = choiceWithoutReplacement(g, 20000, 5000);
    expect(Array.from(b.subarray(0, 8))).toEqual([19466, 12161, 13730, 8425, 15410, 1955, 19677, 12024]);
    expect(b.reduce((s, v) => s + v, 0)).toBe(49983966);
    expect(b.reduce((s, v, i) => (s + v * i) % 1000000007, 0)).toBe(829848074);
    expect(g.random()).toBe(0.09603624854272286);
  });

  it('matches a BigInt reference of the 128-bit LCG step on random states', () => {
    const M = 0x2360ed051fc65da44385df649fccf645n;
    const mask = (1n << 128n) - 1n;
    for (const seed of [0, 1, 123456789, 2 ** 32 - 1]) {
      const g = new Pcg64(seed);
      const [s0, s1, i0, i1] = seedSequenceState(seed) as [bigint, bigint, bigint, bigint];
      const inc = ((((i0 << 64n) | i1) << 1n) | 1n) & mask;
      let st = (((inc + ((s0 << 64n) | s1)) & mask) * M + inc) & mask;
      for (let k = 0; k < 50; k++) {
        st = (st * M + inc) & mask;
        const x = ((st >> 64n) ^ st) & ((1n << 64n) - 1n);
        const rot = st >> 122n;
        const want = ((x >> rot) | (x << ((64n - rot) & 63n))) & ((1n << 64n) - 1n);
        expect(g.nextUint64()).toBe(want);
      }
    }
  });
});
