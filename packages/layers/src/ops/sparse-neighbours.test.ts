import { describe, expect, it } from 'vitest';
import { buildNeighbours, slotValidity } from './sparse-neighbours';

describe('buildNeighbours', () => {
  it('lists neighbours within R with their kernel taps (hand-computed, K = 3)', () => {
    // one event: slots at (1,1), (2,2), (3,3); (1,1)-(3,3) are 2 apart (no neighbours)
    const nb = buildNeighbours(Int32Array.from([1, 1, 2, 2, 3, 3]), 1, 3, 3);
    expect(Array.from(nb.start)).toEqual([0, 2, 5, 7]);
    // slot 0: itself (tap 4 = centre), slot 1 at (+1,+1) -> tap (1+1)*3 + (1+1) = 8
    expect(Array.from(nb.slot)).toEqual([0, 1, 0, 1, 2, 1, 2]);
    expect(Array.from(nb.tap)).toEqual([4, 8, 0, 4, 8, 0, 4]);
  });

  it('the cache never returns lists of changed hash values', () => {
    const hash = Int32Array.from([1, 1, 2, 2]);
    expect(Array.from(buildNeighbours(hash, 1, 2, 3).slot)).toEqual([0, 1, 0, 1]);
    hash[2] = 5; // same array object, new values
    expect(Array.from(buildNeighbours(hash, 1, 2, 3).slot)).toEqual([0, 1]);
  });

  it("slotValidity: valid iff the hash row is >= 1 (training's encoding of activity 'mask')", () => {
    expect(Array.from(slotValidity(Int32Array.from([0, 0, 2, 3, 1, 1]), 3))).toEqual([0, 1, 1]);
  });
});
