import type { ModelIR } from '@sparsepixels/ir';
import { createRng } from '@sparsepixels/ir/testing';

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
