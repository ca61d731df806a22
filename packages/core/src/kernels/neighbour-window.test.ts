import { describe, expect, it } from 'vitest';
import { forNeighbours, windowTap } from './neighbour-window';

describe('the sparse neighbour window', () => {
  it('a 3x3 window by hand: taps row-major from the top-left neighbour, outside is -1', () => {
    expect(windowTap(-1, -1, 3)).toBe(0);
    expect(windowTap(0, 0, 3)).toBe(4);
    expect(windowTap(1, 1, 3)).toBe(8);
    expect(windowTap(-1, 1, 3)).toBe(2);
    expect(windowTap(2, 0, 3)).toBe(-1);
    expect(windowTap(0, -2, 3)).toBe(-1);
    expect(windowTap(0, 0, 1)).toBe(0);
    expect(windowTap(1, 0, 1)).toBe(-1);
  });

  it('visits exactly the slots within R rows and columns, ascending, with their taps', () => {
    // slots at (h, w): 0 (5,5), 1 (3,5), 2 (6,4), 3 (5,8), 4 (5,5) duplicate coordinates of 0
    const hash = Int32Array.from([5, 5, 3, 5, 6, 4, 5, 8, 5, 5]);
    const seen: [number, number][] = [];
    forNeighbours(hash, 5, 0, 5, (j, tap) => seen.push([j, tap]));
    // K = 5, R = 2: slot 3 is 3 columns away; taps (2 + dh) * 5 + (2 + dw)
    expect(seen).toEqual([[0, 12], [1, 2], [2, 16], [4, 12]]);
  });
});
