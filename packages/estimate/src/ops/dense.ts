/**
 * Dense (latency strategy): n_in x n_out constant-weight multiply-accumulates fully unrolled. Zero
 * weights have no product (our kernel is given only the non-zero ones; the reference kernels lose
 * them in synthesis), and our adder trees have only the non-zero terms of each output; at 8 bits the constant multiplications stay in LUTs, above 10 bits
 * each weight that is not 0 or +-2^k takes a DSP (the published 16-bit dense layers: 77-87 %).
 */
import { law } from '../coefficients';
import type { LayerFacts } from '../ir-adapter';
import { DENSE_FF, DENSE_LUT, type DenseParams } from '../laws/specs';
import { nonZeroPerOutput, trivial } from './pruned-weights';
import { reuseCost } from './reuse';
import { elements, whole, type LayerCost, type OpContext, type OpEstimator } from './op-estimator';

export function denseParams(layer: LayerFacts, ctx: Pick<OpContext, 'kernels' | 'dataBits'>): DenseParams {
  const nIn = elements(layer.input.shape);
  const nOut = layer.units ?? elements(layer.output.shape);
  const kernel = layer.kernel ?? [];
  const nnz = kernel.length ? kernel.filter((w) => w !== 0).length : nIn * nOut;
  const nontrivial = kernel.length ? kernel.filter((w) => !trivial(w)).length : nIn * nOut;
  const bits =
    ctx.kernels === 'reference' ? (ctx.dataBits ?? layer.input.type.width) : layer.input.type.width;
  const wbits = layer.weightType?.width ?? bits;
  // hls4ml's 'auto' accumulator: Wx + Ww + ceil(log2 n_in), one more bit for the bias
  const accBits =
    ctx.kernels === 'reference' || !layer.accum
      ? bits + wbits + Math.ceil(Math.log2(Math.max(2, nIn))) + 1
      : layer.accum.width;
  const lutMults = Math.min(bits, wbits) > 10 ? nnz - nontrivial : nnz;
  return { nIn, nOut, nnz, accBits, lutMults, bits, wbits };
}

function estimate(layer: LayerFacts, ctx: OpContext): LayerCost {
  const p = denseParams(layer, ctx);
  const dsp = p.nnz - p.lutMults;
  // adder tree depth: ours sums the non-zero terms of each output only (a layer of zeros: bias only)
  const terms = ctx.kernels === 'ours' ? Math.max(0, ...nonZeroPerOutput(layer.kernel, p.nOut, p.nIn)) : p.nIn;
  const latency = terms === 0 ? 0 : Math.max(0, Math.ceil(Math.log2(Math.max(2, terms))) - 3) + (dsp > 0 ? 1 : 0);
  const notes = [`${p.nnz} non-zero weights of ${p.nIn * p.nOut} (one product each); ${p.accBits}-bit accumulation`];
  const cost = {
    latencyCycles: latency,
    ii: 1,
    lut: law(ctx.coef, DENSE_LUT, p),
    ff: law(ctx.coef, DENSE_FF, p),
    dsp,
    bram18: 0,
    notes,
  };
  if (ctx.strategy === 'resource')
    notes.push('resource strategy: weights read from block RAM, products shared by the reuse factor');
  const shared = reuseCost(cost, ctx, p.nnz, p.bits + p.wbits, notes, p.nIn);
  const bram = ctx.strategy === 'resource' ? Math.ceil((p.nIn * p.nOut * p.wbits) / (18 * 1024)) : 0;
  return whole({ ...shared, bram18: shared.bram18 + bram });
}

export const denseEstimator: OpEstimator<'Dense'> = { op: 'Dense', reuse: true, facts: (a) => ({ units: a.units }), estimate };
