import { describe, expect, it } from 'vitest';
import { inflate, roundHalfEven } from './inflate';

describe('roundHalfEven', () => {
  it('rounds ties to the even neighbour like np.round', () => {
    expect([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5].map(roundHalfEven)).toEqual([-2, -2, -0, 0, 2, 2, 4]);
    expect([0.49, 0.51, 7.75, 11.25, -3.7].map(roundHalfEven)).toEqual([0, 1, 8, 11, -4]);
  });
});

describe('inflate', () => {
  it('moves pixels by factor 2 about the centre of a 56-wide grid (pos -> 2*pos - 28, clipped)', () => {
    const n = 56;
    const src = new Float32Array(n * n);
    src[28 * n + 28] = 0.5; // (28 - 27.5) * 2 + 27.5 = 28.5 -> 28
    src[20 * n + 30] = 0.25; // rows: 12.5 -> 12; cols: 32.5 -> 32
    src[3 * n + 50] = 0.75; // rows: -21.5 -> 0 (clipped); cols: 72.5 -> 55 (clipped)
    const out = new Float32Array(n * n);
    inflate(src, n, n, 2, out);
    const nz = [...out.keys()].filter((i) => out[i] !== 0).map((i) => [Math.floor(i / n), i % n, out[i]]);
    expect(nz).toEqual([
      [0, 55, 0.75],
      [12, 32, 0.25],
      [28, 28, 0.5],
    ]);
  });

  it('lets the later pixel in row-major order win a collision', () => {
    const n = 8;
    const src = new Float32Array(n * n);
    src[0 * n + 0] = 0.25; // both clip to (0, 0) with factor 4
    src[0 * n + 1] = 0.5;
    const out = new Float32Array(n * n);
    inflate(src, n, n, 4, out);
    expect(out[0]).toBe(0.5);
    expect(out.reduce((a, v) => a + (v !== 0 ? 1 : 0), 0)).toBe(1);
  });

  it('spreads a 48-grid by 3.5 about 23.5 as the sparse-digits preprocessing does', () => {
    const n = 48;
    const src = new Float32Array(n * n);
    src[19 * n + 27] = 1; // rows: (19-23.5)*3.5+23.5 = 7.75 -> 8; cols: (27-23.5)*3.5+23.5 = 35.75 -> 36
    const out = new Float32Array(n * n);
    inflate(src, n, n, 3.5, out);
    expect(out[8 * n + 36]).toBe(1);
  });
});
