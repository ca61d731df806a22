import { buildPaperModel, randomModel, tinySparseModel } from '@sparsepixels/ir/testing';
import { createInterpreter, type ModelIR } from '@sparsepixels/ir';
import { describe, expect, it } from 'vitest';
import { compressModel, roundTripStore } from '../store/model-store';
import { eventsFor, pruneIR } from '../testing/prune-ir.test-util';
import { chooseLayers, prepareSims } from './layer-events';
import { zeroSkipSimulate } from './zero-skip';

describe('zeroSkipSimulate', () => {
  it('dense and zero-skip runs give the interpreter bits on random pruned models of every op and mode', () => {
    let layers = 0;
    let fixedAccums = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const m = pruneIR(randomModel({ seed, variant: seed % 3 === 0 ? 'standard' : 'sparse' }), 0.6, seed);
      const events = eventsFor(m, 25, seed);
      const r = zeroSkipSimulate(m, events, 25);
      const counted = createInterpreter(m, { macs: true }).run(events, 25).macs!;
      for (const l of r.layers) {
        // the interpreter counts what the zero-skip engine did (two implementations, same sums)
        const c = counted[l.name]!;
        const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / 25;
        expect(l.macs, `${m.name} ${l.name}`).toEqual({
          dense: c.dense,
          inputSparse: mean(c.inputSparse),
          inputAndWeightSparse: mean(c.inputAndWeightSparse),
        });
        expect(l.mismatches, `${m.name} ${l.name}`).toEqual({ denseVsInterpreter: 0, zeroSkipVsDense: 0 });
        expect(l.macs.inputAndWeightSparse).toBeLessThanOrEqual(l.macs.inputSparse);
        expect(l.macs.inputSparse).toBeLessThanOrEqual(l.macs.dense);
        expect(l.outputs).toBeGreaterThan(0);
        layers++;
      }
      fixedAccums += m.layers.filter((l) => l.precision?.accum).length;
      expect(r.bitExact).toBe(true);
    }
    expect(layers).toBeGreaterThan(100);
    expect(fixedAccums).toBeGreaterThan(5); // user-fixed (rounding / saturating) accumulators are covered
  });

  it('wide accumulators (the 16-bit neutrino model, 59-bit dense sums) run on bigints with the same bits', () => {
    const m = pruneIR(
      buildPaperModel({ dataset: 'neutrino', variant: 'sparse', nMax: 16, bits: 16 }),
      0.7,
      9,
    );
    const paths = prepareSims(m, chooseLayers(m, undefined)).map((s) => typeof s.arith.zero);
    expect(paths).toContain('bigint');
    expect(paths).toContain('number');
    const r = zeroSkipSimulate(m, eventsFor(m, 30, 9), 30);
    expect(r.bitExact).toBe(true);
    expect(r.total.macs.inputAndWeightSparse).toBeGreaterThan(0);
  });

  it('counts MACs per event: hand-computed on a Dense layer', () => {
    // 4 inputs -> 2 outputs; weights w[i][o] (o fastest), 3 of 8 non-zero
    const m: ModelIR = {
      format: 'sparsepixels-ir',
      version: 2,
      name: 'd',
      input: { name: 'x', shape: [4], type: 'ap_fixed<8,3>' },
      layers: [
        {
          name: 'fc',
          op: 'Dense',
          inputs: ['x'],
          attrs: { units: 2 },
          precision: { weight: 'ap_fixed<8,3>', bias: 'ap_fixed<8,3>' },
          weights: {
            kernel: { shape: [4, 2], values: [0.5, 0, 0, 0, 0, -1, 0.25, 0] },
            bias: { shape: [2], values: [0.125, 0] },
          },
        },
      ],
      outputs: ['fc'],
    };
    // event: x = (1, 0, 0, 2): input-sparse 2 inputs x 2 outputs = 4; zero-skip: w[0][0], w[3][0] -> 2 ... w[3][0] = 0.25
    const r = zeroSkipSimulate(m, [1, 0, 0, 2, 0, 1, 1, 0], 2, { macsPerCycle: 3, clockNs: 4 });
    const l = r.layers[0]!;
    // event 2: x = (0, 1, 1, 0): input-sparse 4; zero-skip: w[2][1] = -1 -> 1
    expect(l.macs).toEqual({ dense: 8, inputSparse: 4, inputAndWeightSparse: 1.5 });
    expect(l.cycles).toEqual({ dense: 3, inputSparse: 2, inputAndWeightSparse: 1 });
    expect(r.total.ns).toEqual({ dense: 12, inputSparse: 8, inputAndWeightSparse: 4 });
    expect(l.nonZeroWeights).toBe(3);
    expect(r.bitExact).toBe(true);
  });

  it('detects a store that does not hold the model weights (the comparison can fail)', () => {
    const m = pruneIR(tinySparseModel(), 0.5, 3);
    const store = roundTripStore(compressModel(m));
    const [name, d] = [...store.entries()].find(([, s]) => s.metadata.nnz > 0)!;
    const value = d.entries.value as bigint[];
    value[0] = value[0]! + 1n;
    const r = zeroSkipSimulate(m, eventsFor(m, 20, 5), 20, { store });
    const l = r.layers.find((x) => x.name === name)!;
    expect(l.mismatches.zeroSkipVsDense).toBeGreaterThan(0);
    expect(r.bitExact).toBe(false);
  });

  it('refuses unknown layers, bad engine figures and a store of another shape, in one line', () => {
    const m = tinySparseModel();
    expect(() => zeroSkipSimulate(m, [], 0, { layers: ['nope'] })).toThrow(
      'layer "nope" is not a Dense, Conv2D or SparseConv2D layer',
    );
    expect(() => zeroSkipSimulate(m, [], 0, { macsPerCycle: 0 })).toThrow(
      'MACs per cycle 0 is not allowed; expected an integer >= 1',
    );
    expect(() => zeroSkipSimulate(m, [], 0, { clockNs: -1 })).toThrow('clock -1 ns is not allowed');
    expect(() => zeroSkipSimulate(m, [], 0, { store: new Map() })).toThrow('is not in the weight store');
  });
});
