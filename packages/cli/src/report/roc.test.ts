import { describe, expect, it } from 'vitest';
import { rocCurve, thin } from './roc';

describe('rocCurve', () => {
  it('is the perfect curve for separable scores and the diagonal for constant ones', () => {
    const good = rocCurve([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0], 1);
    expect(good.auc).toBe(1);
    expect(good.fpr).toEqual([0, 0, 0, 0.5, 1]);
    expect(good.tpr).toEqual([0, 0.5, 1, 1, 1]);
    expect(rocCurve([0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0], 1).auc).toBe(0.5);
  });

  it('pools every class one-vs-rest for softmax scores', () => {
    const r = rocCurve([0.7, 0.2, 0.1, 0.1, 0.8, 0.1], [0, 1], 3);
    expect(r.auc).toBe(1);
    expect(thin(r, 3).fpr.length).toBeLessThanOrEqual(4);
  });
});
