/**
 * SparseConv2D: all N^2 slot pairs fully unrolled (hash distance test, weight tap from a ROM, C*F
 * multiply-accumulates per pair; ours only for the weight columns (c, f) with a non-zero tap). The published models accumulate in the unsigned, rounding,
 * saturating output type (every partial sum rounded and clipped, so the sum cannot be re-associated);
 * our kernel accumulates in the exact wrap-around accumulator of precision inference.
 */
import type { FixedType } from '@sparsepixels/core';
import { law } from '../coefficients';
import type { LayerFacts } from '../ir-adapter';
import {
  CONV_BRAM,
  CONV_FF,
  CONV_LATENCY,
  CONV_LUT,
  CONV_SAT_FF,
  CONV_SAT_LUT,
  type ConvParams,
} from '../laws/specs';
import { referenceConvDsp } from '../fit/sweep-rows';
import { nonZeroColumns, sum } from './pruned-weights';
import { reuseCost } from './reuse';
import { channels, whole, type LayerCost, type OpContext, type OpEstimator } from './op-estimator';

/** True when every addition rounds or saturates (the sum then depends on its order). */
export function roundsOrSaturates(t: FixedType): boolean {
  return t.overflow !== 'AP_WRAP' || (t.quant !== 'AP_TRN' && t.quant !== 'AP_TRN_ZERO');
}

/** The accumulator of the design: reference = the fused activation's type (QKeras), ours = accum. */
export function convAccumulator(layer: LayerFacts, ctx: Pick<OpContext, 'kernels' | 'consumers'>): FixedType {
  if (ctx.kernels === 'reference') {
    const act = ctx.consumers.find((c) => c.op === 'SparseActivation' && c.activation === 'relu');
    return act?.output.type ?? layer.output.type;
  }
  return layer.accum ?? layer.output.type;
}

export function convParams(
  layer: LayerFacts,
  ctx: Pick<OpContext, 'kernels' | 'consumers'>,
): ConvParams & { sat: boolean; cMax: number } {
  const n = layer.input.nMax ?? 1;
  const c = channels(layer.input.shape);
  const f = layer.filters ?? 1;
  const k = layer.kernelSize ?? 3;
  const bits = layer.input.type.width;
  const wbits = layer.weightType?.width ?? bits;
  const acc = convAccumulator(layer, ctx);
  const sat = roundsOrSaturates(acc);
  // ours multiplies only in weight columns with a non-zero tap: per filter c_f <= C columns
  const cols = ctx.kernels === 'ours' ? nonZeroColumns(layer.kernel, k * k, c, f) : new Array<number>(f).fill(c);
  const dsp = sum(cols.map((cf) => (cf > 0 ? referenceConvDsp(n, cf, 1, bits, wbits, !sat) : 0)));
  return { n, c, f, k, bits, wbits, accBits: acc.width, dsp, sat, products: sum(cols), cMax: Math.max(0, ...cols) };
}

function estimate(layer: LayerFacts, ctx: OpContext): LayerCost {
  const p = convParams(layer, ctx);
  const notes: string[] = [];
  let lut = law(ctx.coef, CONV_LUT, p);
  let ff = law(ctx.coef, CONV_FF, p);
  let latency: number;
  if (p.sat) {
    lut += law(ctx.coef, CONV_SAT_LUT, p);
    ff += law(ctx.coef, CONV_SAT_FF, p);
    // published fit over the 48 model convs (rounding, saturating accumulation): grows with N
    latency = Math.round(0.35 * p.n + 0.975 * p.cMax + 0.83 * (p.bits >= 16 ? 1 : 0) + 1.26);
    notes.push(
      `accumulates in a rounding/saturating ${p.accBits}-bit type: every partial sum rounded and clipped (costlier, latency grows with N)`,
    );
  } else {
    latency = Math.round(law(ctx.coef, CONV_LATENCY, { ...p, c: p.cMax }));
  }
  if (p.products !== undefined && p.products < p.c * p.f)
    notes.push(`${p.products} of ${p.c * p.f} weight columns (c, f) hold a non-zero weight: one product per column and slot pair`);
  if (ctx.kernels === 'ours')
    notes.push(
      `ours: exact ${p.accBits}-bit wrap-around accumulator (precision inference), re-associable into an adder tree; modelled with the sweep's wrap-around law at that width`,
    );
  const cost = {
    latencyCycles: latency,
    ii: latency,
    lut,
    ff,
    dsp: p.dsp,
    bram18: law(ctx.coef, CONV_BRAM, p),
    notes,
  };
  const macs = p.n * p.n * (p.products ?? p.c * p.f);
  return whole(reuseCost(cost, ctx, macs, p.bits + p.wbits, notes, p.n));
}

export const sparseConv2dEstimator: OpEstimator<'SparseConv2D'> = {
  op: 'SparseConv2D',
  reuse: true,
  facts: (a) => ({ filters: a.filters, kernelSize: a.kernelSize }),
  readsHash: true,
  estimate,
};
