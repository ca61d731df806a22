import type { ModelIR } from '@sparsepixels/ir';
import { createRng, randomInputs, randomSparseModel, randomStandardModel } from '@sparsepixels/ir/testing';
import type { ConformanceCase } from './conformance';

/** The ops whose `kernel` the HLS kernels multiply (Keras layout: the last axis is the output channel). */
const MAC_OPS = new Set(['Dense', 'Conv2D', 'SparseConv2D']);

export interface PruneOptions {
  /** Share of each kernel's weights set to zero at random (0.7 = 70 %). */
  readonly ratio: number;
  readonly seed: number;
  /** Output channel 0 of the first MAC layer is all zero. */
  readonly zeroChannel?: boolean;
  /** The op of the MAC layer whose whole kernel is zero (the last layer of that op). */
  readonly zeroLayerOp?: string;
}

/**
 * A copy of `model` with pruned kernels, as magnitude pruning leaves them: weights exactly zero
 * (here chosen at random), a whole output channel and a whole layer of zeros when asked.
 */
export function pruneModel(model: ModelIR, o: PruneOptions): ModelIR {
  const rng = createRng(o.seed);
  const macs = model.layers.filter((l) => MAC_OPS.has(l.op) && l.weights?.['kernel']);
  const zeroLayer = o.zeroLayerOp ? macs.filter((l) => l.op === o.zeroLayerOp).at(-1) : undefined;
  const layers = model.layers.map((l) => {
    const kernel = l.weights?.['kernel'];
    if (!kernel || !MAC_OPS.has(l.op)) return l;
    const nOut = kernel.shape[kernel.shape.length - 1] ?? 1;
    const values = kernel.values.map((v, k) => {
      if (l === zeroLayer) return 0;
      if (o.zeroChannel && l === macs[0] && k % nOut === 0) return 0;
      return rng.next() < o.ratio ? 0 : v;
    });
    return { ...l, weights: { ...l.weights, kernel: { ...kernel, values } } };
  });
  return { ...model, name: `${model.name}_pruned`, layers };
}

/** Non-zero weights of each MAC layer's kernel, by layer name. */
export function nonZeroCounts(model: ModelIR): Map<string, number> {
  const counts = new Map<string, number>();
  for (const l of model.layers) {
    const kernel = l.weights?.['kernel'];
    if (kernel && MAC_OPS.has(l.op)) counts.set(l.name, kernel.values.filter((v) => v !== 0).length);
  }
  return counts;
}

const withBuild = (m: ModelIR, suffix: string, build: ModelIR['build']): ModelIR => ({
  ...m,
  name: `${m.name}_${suffix}`,
  build: { ...m.build, ...build },
});

/**
 * Random models pruned to about 70 % zero weights, each with output channel 0 of its first MAC
 * layer all zero; between them a zero layer of every MAC op, a reuse factor of 3 and io_stream.
 */
export function prunedCases(events: number): ConformanceCase[] {
  const models = [
    pruneModel(randomSparseModel(1, 'mask'), { ratio: 0.7, seed: 1, zeroChannel: true, zeroLayerOp: 'SparseConv2D' }),
    pruneModel(randomSparseModel(2, 'nonzero'), { ratio: 0.7, seed: 2, zeroChannel: true, zeroLayerOp: 'Dense' }),
    withBuild(pruneModel(randomSparseModel(1, 'mask'), { ratio: 0.7, seed: 3, zeroChannel: true }), 'rf3', { reuseFactor: 3 }),
    pruneModel(randomStandardModel(101), { ratio: 0.7, seed: 4, zeroChannel: true, zeroLayerOp: 'Dense' }),
    withBuild(pruneModel(randomStandardModel(102), { ratio: 0.7, seed: 5, zeroChannel: true, zeroLayerOp: 'Conv2D' }), 'stream', {
      ioType: 'io_stream',
    }),
  ];
  return models.map((model) => ({ name: model.name, model, events: randomInputs(model, events, 7) }));
}
