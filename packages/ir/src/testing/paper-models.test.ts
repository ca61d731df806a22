import { describe, expect, it } from 'vitest';
import { getOp } from '../ops/registry';
import { prepareModel } from '../prepare-model';
import { buildPaperModel, paperInput, type PaperDataset } from './paper-models';
import { randomModel } from './random-model';
import { randomSparseEvents } from './random-events';

const params = (dataset: PaperDataset, variant: 'sparse' | 'standard') =>
  prepareModel(buildPaperModel({ dataset, variant })).model.layers.reduce((n, l) => n + getOp(l.op).paramCount(l), 0);

describe('paper model builders (docs/paper-models.md#parameters)', () => {
  it.each([
    ['neutrino', 4121, 243],
    ['jet', 4535, 196],
    ['mnist', 4422, 108],
  ] as const)('%s: %i parameters, flatten of %i, sparse and standard alike', (dataset, count, flat) => {
    expect(params(dataset, 'sparse')).toBe(count);
    expect(params(dataset, 'standard')).toBe(count);
    const m = prepareModel(buildPaperModel({ dataset, variant: 'sparse', nMax: 20 })).model;
    expect(m.layers.find((l) => l.name === 'flatten')!.output).toEqual({ shape: [flat] });
    expect(m.layers[0]!.attrs).toEqual({ nMax: 20, threshold: paperInput(dataset).threshold });
  });

  it('uses the paper 8- and 16-bit types and is deterministic in the seed', () => {
    const m8 = buildPaperModel({ dataset: 'jet', variant: 'sparse', bits: 8, seed: 3 });
    expect(m8.input.type).toBe('ap_ufixed<8,1>');
    expect(m8.layers.find((l) => l.name === 'conv1')!.precision).toMatchObject({ weight: 'ap_fixed<8,5>' });
    expect(m8.layers.find((l) => l.name === 'relu1')!.precision).toEqual({ result: 'ap_ufixed<8,4,AP_RND_CONV,AP_SAT>' });
    const m16 = buildPaperModel({ dataset: 'jet', variant: 'sparse', bits: 16, seed: 3 });
    expect(m16.layers.find((l) => l.name === 'relu1')!.precision).toEqual({ result: 'ap_ufixed<16,6,AP_RND_CONV,AP_SAT>' });
    expect(buildPaperModel({ dataset: 'jet', variant: 'sparse', seed: 3 })).toEqual(m8);
    expect(buildPaperModel({ dataset: 'jet', variant: 'sparse', seed: 4 })).not.toEqual(m8);
  });
});

describe('randomSparseEvents', () => {
  it('draws the requested number of distinct active pixels on the type grid above the threshold', () => {
    const x = randomSparseEvents({ h: 6, w: 5, c: 2, count: 50, active: [2, 4], seed: 1, type: 'ap_ufixed<6,2>', threshold: 0.5 });
    for (let e = 0; e < 50; e++) {
      const ev = x.subarray(e * 60, (e + 1) * 60);
      const active = Array.from({ length: 30 }, (_, p) => ev[2 * p]!).filter((v) => v > 0.5).length;
      expect(active).toBeGreaterThanOrEqual(2);
      expect(active).toBeLessThanOrEqual(4);
      for (const v of ev) expect(Number.isInteger(v * 16) && v >= 0 && v < 4).toBe(true);
    }
  });
});

describe('randomModel', () => {
  it('gives valid models, sparse and standard, deterministic in the seed', () => {
    const kinds = new Set<string>();
    for (let seed = 0; seed < 30; seed++) {
      const m = randomModel({ seed });
      kinds.add(m.layers[0]!.op === 'InputReduce' ? 'sparse' : 'standard');
      expect(prepareModel(m).model.name).toBe(m.name);
    }
    expect(kinds).toEqual(new Set(['sparse', 'standard']));
    expect(randomModel({ seed: 9, variant: 'standard' })).toEqual(randomModel({ seed: 9, variant: 'standard' }));
  });
});
