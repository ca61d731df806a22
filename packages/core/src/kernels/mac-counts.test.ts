import { describe, expect, it } from 'vitest';
import { conv2dSameMacCounts, denseMacCounts, nonZeroPerRow, sparseConv2dMacCounts } from './mac-counts';

// Hand-computed counts (docs/weight-store.md#mac-counts); each case names the terms it counts.
describe('MAC counts per event', () => {
  it('counts the non-zero weights of each kernel row (output channel fastest), numbers or bigints', () => {
    expect([...nonZeroPerRow([1, 0, 0, 0, 2, 3], 2)]).toEqual([1, 0, 2]);
    expect([...nonZeroPerRow([1n, 0n, 0n, 0n, 2n, 3n], 2)]).toEqual([1, 0, 2]);
  });

  it('Dense: non-zero inputs times C_out, and their rows non-zero weights', () => {
    const rows = nonZeroPerRow([1, 0, 0, 0, 2, 3], 2); // 3 inputs -> 2 outputs
    expect(denseMacCounts([5, 0, 7], rows, 2)).toEqual({ inputSparse: 4, inputAndWeightSparse: 3 });
    expect(denseMacCounts([0n, 4n, 0n], rows, 2)).toEqual({ inputSparse: 2, inputAndWeightSparse: 0 });
  });

  it("Conv2D 'same': a corner pixel feeds 4 outputs, the centre pixel 9; the zero centre tap is skipped", () => {
    const kernel = [1, 1, 1, 1, 0, 1, 1, 1, 1]; // 3x3, 1 -> 1 channel, centre tap zero
    const rows = nonZeroPerRow(kernel, 1);
    const g = { h: 3, w: 3, cin: 1, cout: 1, k: 3 };
    const corner = [2, 0, 0, 0, 0, 0, 0, 0, 0];
    // outputs (0,0) tap 4 (zero), (0,1) tap 3, (1,0) tap 1, (1,1) tap 0
    expect(conv2dSameMacCounts(corner, g, rows)).toEqual({ inputSparse: 4, inputAndWeightSparse: 3 });
    const centre = [0, 0, 0, 0, 2, 0, 0, 0, 0];
    expect(conv2dSameMacCounts(centre, g, rows)).toEqual({ inputSparse: 9, inputAndWeightSparse: 8 });
  });

  it('SparseConv2D: active slots only, neighbours with a zero feature cost nothing', () => {
    const kernel = [1, 1, 1, 1, 1, 0, 1, 1, 1]; // tap 5 (offset dh 0, dw +1) is zero
    const rows = nonZeroPerRow(kernel, 1);
    // slot 0 at (1,1) = 2, slot 1 at (1,2) = 3, slot 2 at (1,3) = 0 (inactive, inside slot 1's window)
    const x = { shape: { nMax: 3, c: 1, h: 4, w: 4 }, feat: [2, 3, 0], hash: Int32Array.from([1, 1, 1, 2, 1, 3]) };
    // slot 0: j0 tap 4 (1), j1 tap 5 (0); slot 1: j0 tap 3 (1), j1 tap 4 (1), j2 zero feature
    expect(sparseConv2dMacCounts(x, 3, 1, rows)).toEqual({ inputSparse: 4, inputAndWeightSparse: 3 });
    const inactive = { ...x, feat: [0n, 0n, 0n] };
    expect(sparseConv2dMacCounts(inactive, 3, 1, rows)).toEqual({ inputSparse: 0, inputAndWeightSparse: 0 });
  });
});
