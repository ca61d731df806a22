import { describe, expect, it } from 'vitest';
import { permuteEvents, stratifiedSplit } from './training-data';

describe('stratifiedSplit', () => {
  // A class-sorted file: 60 events of class 0, then 40 of class 1 (the unshuffled 80/20 split
  // used to give a test set of class 1 only).
  const y = Int32Array.from({ length: 100 }, (_, e) => (e < 60 ? 0 : 1));

  it('deals every class out in proportion, disjoint and complete', () => {
    const s = stratifiedSplit(y, 2, { test: 0.2, validation: 0.1 }, 7);
    const count = (idx: number[], c: number) => idx.filter((e) => y[e] === c).length;
    expect([count(s.test, 0), count(s.test, 1)]).toEqual([12, 8]);
    expect([count(s.validation, 0), count(s.validation, 1)]).toEqual([6, 4]);
    expect([count(s.train, 0), count(s.train, 1)]).toEqual([42, 28]);
    expect([...s.train, ...s.validation, ...s.test].sort((a, b) => a - b)).toEqual([...Array(100).keys()]);
    // shuffled, not class blocks
    expect(new Set(s.train.slice(0, 10).map((e) => y[e])).size).toBe(2);
  });

  it('is the same for the same seed and differs for another', () => {
    const a = stratifiedSplit(y, 2, { test: 0.2, validation: 0.1 }, 7);
    expect(stratifiedSplit(y, 2, { test: 0.2, validation: 0.1 }, 7)).toEqual(a);
    expect(stratifiedSplit(y, 2, { test: 0.2, validation: 0.1 }, 8).test).not.toEqual(a.test);
  });

  it('holds nothing out for a part a file provides', () => {
    const s = stratifiedSplit(y, 2, { test: 0, validation: 0 }, 1);
    expect([s.train.length, s.validation.length, s.test.length]).toEqual([100, 0, 0]);
  });
});

describe('permuteEvents', () => {
  it('puts event order[k] at position k, in place, for any permutation', () => {
    for (const seed of [1, 2, 3]) {
      const n = 50;
      const order = stratifiedSplit(
        Int32Array.from({ length: n }, (_, e) => e % 3),
        3,
        { test: 0.2, validation: 0.2 },
        seed,
      );
      const perm = [...order.train, ...order.validation, ...order.test];
      const x = Float32Array.from({ length: n * 4 }, (_, i) => Math.floor(i / 4) * 10 + (i % 4));
      const y = Int32Array.from({ length: n }, (_, e) => e);
      permuteEvents(x, y, 4, perm);
      expect(Array.from(y)).toEqual(perm);
      perm.forEach((e, k) =>
        expect(Array.from(x.subarray(k * 4, k * 4 + 4))).toEqual([
          e * 10,
          e * 10 + 1,
          e * 10 + 2,
          e * 10 + 3,
        ]),
      );
    }
  });
});
