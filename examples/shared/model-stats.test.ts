import { buildPaperModel } from '@sparsepixels/ir/testing';
import { describe, expect, it } from 'vitest';
import { modelStats } from './model-stats';

describe('modelStats', () => {
  it('counts the parameters of the paper architectures (docs/paper-models.md#parameters)', () => {
    expect(modelStats(buildPaperModel({ dataset: 'neutrino', variant: 'standard', bits: 8 })).params).toBe(4121);
    expect(modelStats(buildPaperModel({ dataset: 'jet', variant: 'sparse', nMax: 8, bits: 8 })).params).toBe(4535);
    expect(modelStats(buildPaperModel({ dataset: 'mnist', variant: 'sparse', nMax: 20, bits: 8 })).params).toBe(4422);
  });

  it('counts multiplications per event: dense convs over the image, sparse ones over N slots', () => {
    // Standard neutrino: 63*63*49*1*1 + 63*63*49*1*3 conv products, 243*16 + 16 dense products.
    const standard = modelStats(buildPaperModel({ dataset: 'neutrino', variant: 'standard', bits: 8 }));
    const convAndDense = 63 * 63 * 49 * 4 + 243 * 16 + 16;
    expect(standard.opsPerEvent).toBeGreaterThanOrEqual(convAndDense);
    expect(standard.opsPerEvent).toBeLessThan(convAndDense + 63 * 63 * 3);
    // Sparse N = 16: each slot meets at most 16 slots, so 16*16*(1 + 3) conv products.
    const sparse = modelStats(buildPaperModel({ dataset: 'neutrino', variant: 'sparse', nMax: 16, bits: 8 }));
    expect(sparse.opsPerEvent).toBeGreaterThanOrEqual(16 * 16 * 4 + 243 * 16 + 16);
    expect(sparse.opsPerEvent).toBeLessThan(16 * 16 * 4 + 243 * 16 + 16 + 16 * 3 + 243);
  });
});
