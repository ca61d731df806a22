import { describe, expect, it } from 'vitest';
import { createRng } from '@sparsepixels/ir/testing';
import { nonZeroIndices, recordSupport, supportOf } from './non-zero-scan';

function naive(v: Float32Array): number[] {
  const out: number[] = [];
  v.forEach((x, k) => x !== 0 && out.push(k));
  return out;
}

describe('nonZeroIndices', () => {
  it('equals an element-wise scan on aligned, misaligned and odd-length arrays', () => {
    const rng = createRng(5);
    const buf = new Float32Array(1001);
    for (let k = 0; k < 200; k++) buf[rng.int(0, 1000)] = rng.next() < 0.5 ? rng.uniform(-2, 2) : 0;
    for (const [from, to] of [[0, 1001], [1, 1001], [0, 1000], [2, 1001], [4, 15], [3, 998], [7, 8], [0, 0]] as const) {
      const v = buf.subarray(from, to);
      expect(Array.from(nonZeroIndices(v))).toEqual(naive(v));
    }
  });

  it('skips -0 and +0 (also as a pair) and keeps NaN and the smallest subnormal', () => {
    const v = Float32Array.from([-0, 0, 0, -0, NaN, 0, 0, 1e-45, -0, -0, 0, -3]);
    expect(Array.from(nonZeroIndices(v))).toEqual([4, 7, 11]);
  });

  it('supportOf gives a recorded support (a superset) for that array only, else the exact scan', () => {
    const v = Float32Array.from([0, 2, 0, 0, 3, 0]);
    const recorded = Int32Array.from([1, 2, 4]);
    expect(Array.from(supportOf(v))).toEqual([1, 4]);
    recordSupport(v, recorded);
    expect(supportOf(v)).toBe(recorded);
    expect(Array.from(supportOf(Float32Array.from(v)))).toEqual([1, 4]);
  });
});
