/**
 * SparseGlobalPooling2D: per channel a reduction over the N slots (an adder or comparator tree) and,
 * for the average, a popcount of the active slots, a table of N+1 reciprocals and one
 * multiplication per channel. No synthesis of this kernel has been measured: the figures are a
 * first-principles count (one LUT per result bit of each adder, two per comparator-and-mux bit,
 * LUT6 ROMs, one DSP per 18x25 partial product), not a fitted law, and say so in their notes.
 */
import type { LayerFacts } from '../ir-adapter';
import { channels, whole, type LayerCost, type OpContext, type OpEstimator } from './op-estimator';

function estimate(layer: LayerFacts, _ctx: OpContext): LayerCost {
  const n = layer.input.nMax ?? 1;
  const c = channels(layer.input.shape);
  const bits = layer.input.type.width;
  const depth = Math.ceil(Math.log2(Math.max(2, n)));
  const notes = ['first-principles count (no synthesis measurement of sp_sparse_global_pool2d.h to fit a law)'];
  if (layer.poolMode === 'max') {
    return whole({ latencyCycles: depth + 1, ii: 1, lut: 2 * c * (n - 1) * bits, ff: c * bits * depth, dsp: 0, bram18: 0, notes });
  }
  const accBits = (layer.accum ?? layer.output.type).width;
  const rBits = (layer.reciprocalBits ?? accBits) + 1;
  const dsp = c * Math.ceil(accBits / 18) * Math.ceil(rBits / 25);
  const rom = rBits * Math.ceil((n + 1) / 64);
  return whole({ latencyCycles: depth + 3, ii: 1, lut: c * (n - 1) * accBits + n + rom, ff: c * accBits * depth + rBits, dsp, bram18: 0, notes });
}

export const sparseGlobalPooling2dEstimator: OpEstimator<'SparseGlobalPooling2D'> = {
  op: 'SparseGlobalPooling2D',
  readsHash: false,
  facts: (a) => ({ poolMode: a.mode, reciprocalBits: a.reciprocalBits }),
  estimate,
};
