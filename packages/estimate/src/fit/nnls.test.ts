import { describe, expect, it } from 'vitest';
import { nnls } from './nnls';

describe('nnls', () => {
  it('recovers non-negative coefficients exactly', () => {
    const a = [
      [1, 0, 2],
      [0, 1, 1],
      [1, 1, 0],
      [2, 1, 1],
    ];
    const x = [3, 0.5, 2];
    const b = a.map((r) => r.reduce((s, v, i) => s + v * x[i]!, 0));
    nnls(a, b).forEach((v, i) => expect(v).toBeCloseTo(x[i]!, 9));
  });

  it('clamps a coefficient the data would make negative', () => {
    const a = [
      [1, 1],
      [1, 2],
      [1, 3],
    ];
    const b = [3, 2, 1]; // unconstrained: 4 - x
    const x = nnls(a, b);
    expect(x[1]).toBe(0);
    expect(x[0]).toBeCloseTo(2, 9);
  });
});
