/** SparseFlatten: the slots written into a zeroed H*W*C vector (a priority multiplexer per output). */
import { law } from '../coefficients';
import type { LayerFacts } from '../ir-adapter';
import { FLATTEN_FF, FLATTEN_LATENCY, FLATTEN_LUT, type FlattenParams } from '../laws/specs';
import { channels, elements, whole, type LayerCost, type OpContext, type OpEstimator } from './op-estimator';

export function flattenParams(
  layer: LayerFacts,
  ctx: Pick<OpContext, 'kernels' | 'dataBits'>,
): FlattenParams {
  const bits =
    ctx.kernels === 'reference' ? (ctx.dataBits ?? layer.input.type.width) : layer.input.type.width;
  return {
    n: layer.input.nMax ?? 1,
    c: channels(layer.input.shape),
    out: elements(layer.output.shape),
    bits,
  };
}

function estimate(layer: LayerFacts, ctx: OpContext): LayerCost {
  const p = flattenParams(layer, ctx);
  const latency = law(ctx.coef, FLATTEN_LATENCY, p);
  const notes = [
    'the published model flattens measured 2-3x below this sweep law (a small share of the total)',
  ];
  return whole({
    latencyCycles: latency,
    ii: latency,
    lut: law(ctx.coef, FLATTEN_LUT, p),
    ff: law(ctx.coef, FLATTEN_FF, p),
    dsp: 0,
    bram18: 0,
    notes,
  });
}

export const sparseFlattenEstimator: OpEstimator<'SparseFlatten'> = { op: 'SparseFlatten', readsHash: true, estimate };
