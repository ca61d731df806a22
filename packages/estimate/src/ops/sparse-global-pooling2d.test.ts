import type { ModelIR } from '@sparsepixels/ir';
import { describe, expect, it } from 'vitest';
import { estimateDocument, standardTwin } from '../index';

const model = (mode: 'avg' | 'max', nMax: number): ModelIR => ({
  format: 'sparsepixels-ir',
  version: 2,
  name: `gp_${mode}`,
  input: { name: 'x', shape: [8, 8, 2], type: 'ap_fixed<8,3>' },
  layers: [
    { name: 'reduce', op: 'InputReduce', inputs: ['x'], attrs: { nMax, threshold: 0 } },
    { name: 'gp', op: 'SparseGlobalPooling2D', inputs: ['reduce'], attrs: { mode } },
  ],
  outputs: ['gp'],
});

describe('SparseGlobalPooling2D estimate', () => {
  it('prices the average with one multiplication per channel and the max without, saying it is not fitted', () => {
    const avg = estimateDocument(model('avg', 16)).layers[1]!;
    const max = estimateDocument(model('max', 16)).layers[1]!;
    expect(avg.dsp).toBe(2);
    expect(max.dsp).toBe(0);
    expect(avg.notes.join(' ')).toContain('first-principles');
    expect(estimateDocument(model('avg', 64)).layers[1]!.lut).toBeGreaterThan(3 * avg.lut);
  });

  it('has no standard twin (no dense global pooling op), so a report estimates the sparse model alone', () => {
    expect(standardTwin(model('avg', 16))).toBeUndefined();
  });
});
