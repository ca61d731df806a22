import { BUILTIN_OPS } from '@sparsepixels/ir';
import { buildPaperModel, tinySparseModel } from '@sparsepixels/ir/testing';
import { describe, expect, it } from 'vitest';
import {
  estimateDocument,
  findDevice,
  listEstimatorOps,
  modelNMax,
  registerEstimator,
  standardTwin,
  withNMax,
} from './index';

const neutrino = (nMax: number, bits: 8 | 16 = 8) =>
  buildPaperModel({ dataset: 'neutrino', variant: 'sparse', nMax, bits });

describe('estimateDocument', () => {
  it('has an estimator for every built-in op', () => {
    const ops = listEstimatorOps();
    for (const op of BUILTIN_OPS) expect(ops).toContain(op.type);
  });

  it('reports every layer, the totals and the device', () => {
    const e = estimateDocument(neutrino(16));
    expect(e.layers.map((l) => l.name)).toEqual(neutrino(16).layers.map((l) => l.name));
    const sum = (k: 'lut' | 'dsp') => e.layers.reduce((a, l) => a + l[k], 0);
    expect(e.estimate.lut).toBe(sum('lut') + e.fifo.lut);
    expect(e.estimate.dsp).toBe(sum('dsp'));
    expect(e.estimate.latencyUs).toBeCloseTo((e.estimate.latencyCycles * 5) / 1000, 9);
    expect(e.device).toMatchObject({
      part: 'xcu250-figd2104-2L-e',
      lut: 1_728_000,
      dsp: 12_288,
      bram18: 5_376,
    });
  });

  it('grows II linearly and conv LUT quadratically with N_max', () => {
    const [a, b] = [8, 16].map((n) => estimateDocument(neutrino(n)));
    const reduce = (e: typeof a) => e!.layers.find((l) => l.op === 'InputReduce')!;
    const conv2 = (e: typeof a) => e!.layers.find((l) => l.name === 'conv2')!;
    expect(b!.estimate.ii - 1).toBe(2 * (a!.estimate.ii - 1) - 2);
    expect(reduce(b).lut).toBeCloseTo(reduce(a).lut, -3);
    expect(conv2(b).lut / conv2(a).lut).toBeGreaterThan(3.5);
  });

  it('withNMax changes only the pixel budget', () => {
    const m = withNMax(neutrino(16), 12);
    expect(modelNMax(m)).toBe(12);
    expect(estimateDocument(m).estimate.ii).toBe(estimateDocument(neutrino(12)).estimate.ii);
  });

  it('moves 16-bit conv products to DSPs (one per pixel pair, channel and filter)', () => {
    const e = estimateDocument(neutrino(20, 16), { kernels: 'reference' });
    expect(e.layers.find((l) => l.name === 'conv2')!.dsp).toBe(20 * 20 * 1 * 3);
  });

  it('scales microseconds with the clock and the search with the clock too', () => {
    const slow = estimateDocument(neutrino(16), { clockPeriod: 10 });
    const fast = estimateDocument(neutrino(16), { clockPeriod: 5 });
    expect(slow.estimate.latencyCycles).toBeLessThan(fast.estimate.latencyCycles);
    expect(slow.estimate.latencyUs).toBeCloseTo((slow.estimate.latencyCycles * 10) / 1000, 9);
  });

  it('says how our kernels differ from the measured reference', () => {
    const e = estimateDocument(neutrino(16));
    expect(e.layers[0]!.notes.join(' ')).toMatch(/grouped search/);
    expect(e.layers.find((l) => l.op === 'SparseConv2D')!.notes.join(' ')).toMatch(/wrap-around accumulator/);
    const ref = estimateDocument(neutrino(16), { kernels: 'reference' });
    expect(ref.layers.find((l) => l.op === 'SparseConv2D')!.notes.join(' ')).toMatch(/rounding\/saturating/);
  });

  it('models a reuse factor: fewer DSPs, II = R', () => {
    const doc = neutrino(16, 16);
    const r4 = estimateDocument({ ...doc, build: { ...doc.build, reuseFactor: 4 } });
    const r1 = estimateDocument(doc);
    const fc = (e: typeof r1) => e.layers.find((l) => l.name === 'fc1')!;
    expect(fc(r4).dsp).toBe(Math.ceil(fc(r1).dsp / 4));
    expect(fc(r4).ii).toBe(4);
    expect(r4.layers[0]!.ii).toBe(r1.layers[0]!.ii);
    // fc2 has 16 inputs: a model-wide R = 32 is clamped to 16 there, as the emitter does
    const r32 = estimateDocument({ ...doc, build: { ...doc.build, reuseFactor: 32 } });
    expect(r32.layers.find((l) => l.name === 'fc2')!.ii).toBe(16);
  });

  it('refuses an unknown part with the known ones listed', () => {
    expect(() => estimateDocument(tinySparseModel(), { part: 'xc9z000' })).toThrow(
      /unknown part 'xc9z000'; known devices: xcu250/,
    );
    expect(findDevice('XCVU9P-FLGA2104-2L-E')?.dsp).toBe(6840);
  });

  it('builds the standard twin of a sparse model (same layers as the paper builder, io_stream)', () => {
    const twin = standardTwin(neutrino(16))!;
    const paper = buildPaperModel({ dataset: 'neutrino', variant: 'standard', bits: 8 });
    expect(twin.layers.map((l) => [l.op, l.inputs])).toEqual(paper.layers.map((l) => [l.op, l.inputs]));
    expect(twin.build?.ioType).toBe('io_stream');
    const e = estimateDocument(twin);
    expect(e.estimate.latencyCycles).toBeGreaterThan(
      50 * estimateDocument(neutrino(16)).estimate.latencyCycles,
    );
  });

  it('lets outside code add an estimator for its own op', () => {
    const remove = registerEstimator({
      op: 'MyOp',
      estimate: () => ({ latencyCycles: 1, ii: 1, lut: 1, ff: 1, dsp: 0, bram18: 0, notes: [] }),
    });
    try {
      expect(listEstimatorOps()).toContain('MyOp');
      expect(() =>
        registerEstimator({
          op: 'Dense',
          estimate: () => ({ latencyCycles: 0, ii: 1, lut: 0, ff: 0, dsp: 0, bram18: 0, notes: [] }),
        }),
      ).toThrow(/already registered/);
    } finally {
      remove();
    }
    expect(listEstimatorOps()).not.toContain('MyOp');
  });
});
