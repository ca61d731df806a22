import { describe, expect, it } from 'vitest';
import type { ModelIR } from '../model';
import { runPasses } from '../prepare-model';
import { buildPaperModel } from '../testing/paper-models';
import { tinySparseModel, tinyStandardModel } from '../testing/tiny-models';
import { deepFreeze } from '../util/deep-freeze';
import { PIPELINE } from './pipeline';

const models: [string, () => ModelIR][] = [
  ['tiny sparse', tinySparseModel],
  ['tiny standard', tinyStandardModel],
  ['neutrino sparse 8b', () => buildPaperModel({ dataset: 'neutrino', variant: 'sparse' })],
  ['jet standard 16b', () => buildPaperModel({ dataset: 'jet', variant: 'standard', bits: 16 })],
  ['mnist sparse 8b', () => buildPaperModel({ dataset: 'mnist', variant: 'sparse', nMax: 8 })],
];

describe('PIPELINE', () => {
  it('lists each pass once, in the documented order', () => {
    expect(PIPELINE.map((p) => p.name)).toEqual([
      'check-graph',
      'check-cpp-names',
      'normalize-types',
      'check-attrs',
      'infer-shapes',
      'check-weights',
      'infer-precision',
      'fill-build-defaults',
    ]);
    expect(Object.isFrozen(PIPELINE)).toBe(true);
  });

  it.each(models)('every pass is pure on %s (deep-frozen input, unchanged after)', (_name, build) => {
    let m = build();
    for (const pass of PIPELINE) {
      const before = structuredClone(m);
      const frozen = deepFreeze(structuredClone(m));
      const { model, diagnostics } = runPasses(frozen, [pass]);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(frozen).toEqual(before);
      m = model;
    }
    expect(m.layers.every((l) => l.output && l.precision?.result && !Object.values(l.precision).includes('auto'))).toBe(true);
  });
});
