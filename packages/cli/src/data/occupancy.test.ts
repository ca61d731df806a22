import { describe, expect, it } from 'vitest';
import { activeCounts, occupancyStats } from './occupancy';

describe('occupancy', () => {
  // 3 events of 2x2x2 (channel 1 must be ignored): 1, 3 and 0 active pixels on channel 0
  const x = new Float32Array([
    0.5, 9, 0, 9, 0, 9, 0, 9, 0.1, 0, 0.2, 0, 0.3, 0, 0, 0, 0, 7, 0, 7, 0, 7, 0, 7,
  ]);

  it('counts channel-0 values above the threshold per event', () => {
    expect([...activeCounts(x, 4, 2)]).toEqual([1, 3, 0]);
    expect([...activeCounts(x, 4, 2, 0.15)]).toEqual([1, 2, 0]);
  });

  it('summarises counts and overflow fractions', () => {
    const s = occupancyStats(x, [3, 2, 2, 2], 0, [0, 2]);
    expect(s).toEqual({
      events: 3,
      pixelsPerEvent: 4,
      threshold: 0,
      mean: 4 / 3,
      median: 1,
      min: 0,
      max: 3,
      meanFraction: 1 / 3,
      fractionAbove: { '0': 2 / 3, '2': 1 / 3 },
    });
  });
});
