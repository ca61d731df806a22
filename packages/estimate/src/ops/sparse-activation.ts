/** SparseActivation: element-wise on the N*C slot features (ReLU is a zero test on unsigned inputs). */
import type { LayerFacts } from '../ir-adapter';
import { channels, whole, type LayerCost, type OpContext, type OpEstimator } from './op-estimator';
import { activationFacts, reluCost, tableCost } from './activation';

function estimate(layer: LayerFacts, ctx: OpContext): LayerCost {
  const p = { n: layer.input.nMax ?? 1, c: channels(layer.input.shape), bits: layer.input.type.width };
  const base = reluCost(ctx, p);
  if (layer.activation === 'relu' || layer.activation === 'linear' || layer.activation === undefined)
    return whole(base);
  return whole(tableCost(layer, base, p.n * p.c));
}

export const sparseActivationEstimator: OpEstimator<'SparseActivation'> = { op: 'SparseActivation', facts: activationFacts, estimate };
