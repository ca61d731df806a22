import { describe, expect, it } from 'vitest';
import { eventBudget, findInputReduce } from './input-reduce-of';
import { prepareModel } from './prepare-model';
import { buildPaperModel } from './testing/paper-models';
import { tinySparseModel, tinyStandardModel } from './testing/tiny-models';

describe('findInputReduce and eventBudget', () => {
  it('find the InputReduce layer of a document or a PreparedModel', () => {
    const doc = buildPaperModel({ dataset: 'mnist', variant: 'sparse', nMax: 12 });
    expect(findInputReduce(doc)?.attrs).toEqual({ nMax: 12, threshold: 0.4 });
    expect(findInputReduce(prepareModel(doc))?.name).toBe('reduce');
    expect(findInputReduce(tinyStandardModel())).toBeUndefined();
  });

  it('give its nMax and threshold, and one default for a dense model: every pixel, above 0', () => {
    expect(eventBudget(tinySparseModel())).toEqual({ nMax: 3, threshold: 0, sparse: true });
    expect(eventBudget(buildPaperModel({ dataset: 'mnist', variant: 'sparse', nMax: 20 }))).toEqual({
      nMax: 20,
      threshold: 0.4,
      sparse: true,
    });
    expect(eventBudget(tinyStandardModel())).toEqual({ nMax: 16, threshold: 0, sparse: false });
    expect(eventBudget(prepareModel(buildPaperModel({ dataset: 'jet', variant: 'standard' })))).toEqual({
      nMax: 56 * 56,
      threshold: 0,
      sparse: false,
    });
  });
});
