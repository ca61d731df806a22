/** SparseActivation: element-wise on the N*C slot features (ReLU is a zero test on unsigned inputs). */
import { law } from '../coefficients';
import type { LayerFacts } from '../ir-adapter';
import { RELU_FF, RELU_LUT } from '../laws/specs';
import { channels, whole, type LayerCost, type OpContext, type OpEstimator } from './op-estimator';
import { tableCost } from './activation';

function estimate(layer: LayerFacts, ctx: OpContext): LayerCost {
  const p = { n: layer.input.nMax ?? 1, c: channels(layer.input.shape), bits: layer.input.type.width };
  const base = {
    latencyCycles: 0,
    ii: 1,
    lut: law(ctx.coef, RELU_LUT, p),
    ff: law(ctx.coef, RELU_FF, p),
    dsp: 0,
    bram18: 0,
    notes: [] as string[],
  };
  if (layer.activation === 'relu' || layer.activation === 'linear' || layer.activation === undefined)
    return whole(base);
  return whole(tableCost(layer, base, p.n * p.c));
}

export const sparseActivationEstimator: OpEstimator = { op: 'SparseActivation', estimate };
