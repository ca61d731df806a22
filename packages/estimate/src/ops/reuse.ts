import type { LayerCost, OpContext } from './op-estimator';

/**
 * A reuse factor R shares each multiplier and adder R times: multipliers and the per-product logic
 * divide by R, operand multiplexers are added (ceil(log2 R) levels per operand bit), and the layer
 * takes R - 1 more cycles with II = R. Not calibrated: every published design uses R = 1.
 */
export function reuseCost(
  cost: LayerCost,
  ctx: Pick<OpContext, 'reuseFactor'>,
  products: number,
  operandBits: number,
  notes: string[],
  /** Items the kernel spreads over the R iterations (a model-wide R above it is clamped, as the emitter does). */
  items = Infinity,
): LayerCost {
  const r = Math.min(ctx.reuseFactor, items);
  if (r <= 1) return cost;
  const shared = Math.ceil(products / r);
  const mux = shared * operandBits * Math.ceil(Math.log2(r)) * 0.5;
  notes.push(
    `reuse factor ${r}: ${shared} of ${products} products instantiated, operand multiplexers added (not calibrated: the published designs use R = 1)`,
  );
  return {
    ...cost,
    latencyCycles: cost.latencyCycles + r - 1,
    ii: Math.max(cost.ii, r),
    lut: cost.lut / r + mux,
    ff: cost.ff / r + shared * operandBits,
    dsp: Math.ceil(cost.dsp / r),
  };
}
