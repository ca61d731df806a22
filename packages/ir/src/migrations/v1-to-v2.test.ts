import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareModel } from '../prepare-model';
import { migrateDocument } from './migrate';
import { fingerprint, GOLDEN_SEEDS, v1Document } from './v1-fingerprints.test-util';

const GOLDEN = JSON.parse(readFileSync(new URL('./v1-golden.json', import.meta.url), 'utf8')) as Record<string, string>;

describe('v1 -> v2 migration', () => {
  it("makes the v1 constants explicit: activity 'nonzero', 10-bit reciprocals, 1024-entry tables", () => {
    const doc = {
      format: 'sparsepixels-ir',
      version: 1,
      name: 'v1',
      input: { name: 'x', shape: [4, 4, 1], type: 'ap_ufixed<8,1>' },
      layers: [
        { name: 'r', op: 'InputReduce', inputs: ['x'], attrs: { nMax: 4, threshold: 0 } },
        { name: 'avg', op: 'SparsePooling2D', inputs: ['r'], attrs: { poolSize: 2, mode: 'avg' } },
        { name: 'max', op: 'SparsePooling2D', inputs: ['avg'], attrs: { poolSize: 2, mode: 'max' } },
        { name: 's', op: 'SparseActivation', inputs: ['max'], attrs: { activation: 'sigmoid' } },
        { name: 'f', op: 'SparseFlatten', inputs: ['s'] },
        { name: 'sm', op: 'Activation', inputs: ['f'], attrs: { activation: 'softmax', tableSize: 64 } },
      ],
      outputs: ['sm'],
    };
    const m = migrateDocument(doc).doc!;
    expect(m['version']).toBe(2);
    expect(m['activity']).toBe('nonzero');
    expect((m['layers'] as { attrs?: object }[]).map((l) => l.attrs)).toEqual([
      { nMax: 4, threshold: 0 },
      { poolSize: 2, mode: 'avg', reciprocalBits: 10 },
      { poolSize: 2, mode: 'max' },
      { activation: 'sigmoid', tableSize: 1024 },
      undefined,
      { activation: 'softmax', tableSize: 64 },
    ]);
    expect(prepareModel(doc).activity).toBe('nonzero');
  });

  it('keeps the bits the v1 interpreter computed on 40 random v1 models (golden file)', () => {
    for (const seed of GOLDEN_SEEDS) expect(fingerprint(v1Document(seed), seed), `seed ${seed}`).toBe(GOLDEN[String(seed)]);
  });

  it('a v1 document and its migrated v2 document compute the same bits', () => {
    for (const seed of GOLDEN_SEEDS.slice(0, 12)) {
      const v1 = v1Document(seed);
      const v2 = migrateDocument(v1).doc!;
      expect(v2['version']).toBe(2);
      expect(fingerprint(v2, seed), `seed ${seed}`).toBe(fingerprint(v1, seed));
    }
  });
});
