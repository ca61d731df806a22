/**
 * Activation of the dense path. ReLU/linear as the sparse ReLU law; sigmoid and softmax read
 * constant tables (a block RAM each above 2 kbit: the published sigmoid table takes one BRAM18).
 */
import { activationFunction } from '@sparsepixels/ir';
import { law } from '../coefficients';
import type { LayerFacts } from '../ir-adapter';
import { RELU_FF, RELU_LUT } from '../laws/specs';
import { elements, whole, type EstimatorAttrs, type LayerCost, type OpContext, type OpEstimator } from './op-estimator';

const BRAM18_BITS = 18 * 1024;

/** Table-based activations: sigmoid (one table), softmax (exp and inverse tables, a sum tree). */
export function tableCost(layer: LayerFacts, base: LayerCost, count: number): LayerCost {
  const entries = layer.tableSize ?? 1024;
  const width = layer.tableType?.width ?? 18;
  const tableBits = entries * width;
  const roms = layer.activation === 'softmax' ? 2 : 1;
  const bram = tableBits > 2048 ? roms * Math.ceil(tableBits / BRAM18_BITS) : 0;
  const latency = layer.activation === 'softmax' ? 1 + Math.ceil(Math.log2(Math.max(2, count))) : 1;
  return {
    ...base,
    latencyCycles: latency,
    lut: base.lut + count * width * (layer.activation === 'softmax' ? 3 : 1),
    ff: base.ff + count * width,
    dsp: layer.activation === 'softmax' ? count : 0,
    bram18: bram,
    notes: [
      ...base.notes,
      `${layer.activation} from ${roms} table(s) of ${entries} x ${width} bits (not calibrated beyond the published sigmoid's one BRAM18)`,
    ],
  };
}

/** The ReLU/linear unit of n x c values of `bits` bits (the cost laws of the sparse ReLU), no latency. */
export function reluCost(ctx: OpContext, p: { n: number; c: number; bits: number }): LayerCost {
  return {
    latencyCycles: 0,
    ii: 1,
    lut: law(ctx.coef, RELU_LUT, p),
    ff: law(ctx.coef, RELU_FF, p),
    dsp: 0,
    bram18: 0,
    notes: [],
  };
}

function estimate(layer: LayerFacts, ctx: OpContext): LayerCost {
  // io_stream: an image streams one pixel (C values) per cycle through one activation unit
  const n =
    ctx.ioStream && layer.input.shape.length === 3 ? layer.input.shape[2]! : elements(layer.input.shape);
  const base = reluCost(ctx, { n, c: 1, bits: layer.input.type.width });
  if (layer.activation === 'sigmoid' || layer.activation === 'softmax')
    return whole(tableCost(layer, base, n));
  return whole(base);
}

/** What both activation estimators read; a sigmoid/softmax with output 'logits' computes linear (no table): costed as such. */
export function activationFacts(a: EstimatorAttrs<'Activation' | 'SparseActivation'>): Partial<LayerFacts> {
  return { activation: activationFunction(a), tableSize: a.tableSize };
}

export const activationEstimator: OpEstimator<'Activation'> = { op: 'Activation', facts: activationFacts, estimate };
