import { describe, expect, it } from 'vitest';
import { generateDataset, maxEventCount, oneHot, type EventGenerator } from './dataset';

/** A tiny generator whose events record what they were given: label and the first random draw. */
const probe: EventGenerator = {
  name: 'probe',
  height: 2,
  width: 2,
  classes: ['a', 'b', 'c'],
  generatorVersion: 1,
  activeThreshold: 0,
  streamId: 99,
  description: 'test probe',
  drawEvent(rng, label, out) {
    out[0] = label;
    out[1] = rng.float();
  },
};

describe('generateDataset', () => {
  it('balances labels block by block and passes each event its label', () => {
    const d = generateDataset(probe, { count: 30, seed: 1 });
    expect(d.shape).toEqual([30, 2, 2, 1]);
    for (let b = 0; b < 10; b++) expect([...d.y.subarray(3 * b, 3 * b + 3)].sort()).toEqual([0, 1, 2]);
    for (let i = 0; i < 30; i++) expect(d.x[4 * i]).toBe(d.y[i]);
    const counts = [0, 0, 0];
    const odd = generateDataset(probe, { count: 31, seed: 1 });
    for (const v of odd.y) counts[v]!++;
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('makes a smaller count a prefix of a larger one, and depends on the seed', () => {
    const big = generateDataset(probe, { count: 30, seed: 5 });
    const small = generateDataset(probe, { count: 10, seed: 5 });
    expect(small.x).toEqual(big.x.subarray(0, 40));
    expect(small.y).toEqual(big.y.subarray(0, 10));
    const other = generateDataset(probe, { count: 30, seed: 6 });
    expect(other.x).not.toEqual(big.x);
  });

  it('reports progress up to the count', () => {
    const seen: number[] = [];
    generateDataset(probe, { count: 600, seed: 1, onProgress: (n) => seen.push(n) });
    expect(seen).toEqual([256, 512, 600]);
  });

  it('rejects bad counts and seeds with one-line errors', () => {
    expect(() => generateDataset(probe, { count: 0, seed: 1 })).toThrow(
      `probe: count 0 is not allowed; use an integer 1..${maxEventCount(probe)}`,
    );
    expect(() => generateDataset(probe, { count: 2.5, seed: 1 })).toThrow(/count 2\.5 is not allowed/);
    expect(() => generateDataset(probe, { count: 1, seed: -1 })).toThrow(
      'probe: seed -1 is not allowed; use an integer 0..2^53-1',
    );
    expect(maxEventCount({ height: 63, width: 63 })).toBe(270_531); // (2^32 - 4096) / (63 * 63 * 4)
  });
});

describe('oneHot', () => {
  it('sets one 1 per row at the label', () => {
    expect([...oneHot(new Int32Array([2, 0]), 3)]).toEqual([0, 0, 1, 1, 0, 0]);
  });
});
