import { describe, expect, it } from 'vitest';
import { accuracy, predictedClasses, rocAuc } from './metrics';

describe('metrics', () => {
  it('rocAuc: hand-computed cases, ties count one half', () => {
    // pairs (pos, neg): (0.35 > 0.1), (0.35 < 0.4), (0.8 > 0.1), (0.8 > 0.4) -> 3/4
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    expect(rocAuc([0.5, 0.5], [0, 1])).toBe(0.5);
    // positives 0.9, 0.1; negatives 0.2, 0.9: (0.9>0.2: 1) + (0.9=0.9: 0.5) + (0.1<0.2: 0) + (0.1<0.9: 0) = 1.5/4
    expect(rocAuc([0.2, 0.9, 0.9, 0.1], [0, 1, 0, 1])).toBe(0.375);
    expect(rocAuc([1, 2], [1, 1])).toBeNaN();
  });

  it('accuracy and decisions: sigmoid threshold 0.5, softmax first largest', () => {
    expect(Array.from(predictedClasses([0.49, 0.5, 0.9], 1))).toEqual([0, 1, 1]);
    expect(Array.from(predictedClasses([0.2, 0.5, 0.3, 0.4, 0.4, 0.2], 3))).toEqual([1, 0]);
    expect(accuracy([0.2, 0.5, 0.3, 0.4, 0.4, 0.2], [1, 2], 3)).toBe(0.5);
  });
});
