/**
 * SparsePooling2D: every slot compared with every later slot (same pooled cell?), sums gathered.
 * The reference multiplies by r = 1/P in ap_fixed<10,0> (wraps for P = 2); ours by
 * r = floor(1024/P)/1024 in ap_ufixed<11,1> with an accumulator ceil(log2 P^2) integer bits wider.
 */
import { law } from '../coefficients';
import type { LayerFacts } from '../ir-adapter';
import { POOL_FF, POOL_LATENCY, POOL_LUT, POOL_WIDE_LUT, type PoolParams } from '../laws/specs';
import { channels, whole, type LayerCost, type OpContext, type OpEstimator } from './op-estimator';

const isPow2 = (p: number) => (p & (p - 1)) === 0;

export function poolParams(layer: LayerFacts, ctx: Pick<OpContext, 'kernels' | 'dataBits'>): PoolParams {
  const bits =
    ctx.kernels === 'reference'
      ? (ctx.dataBits ?? layer.input.type.width)
      : layer.accum
        ? Math.max(
            layer.input.type.width,
            layer.accum.width - Math.ceil(Math.log2((layer.poolSize ?? 2) ** 2)),
          )
        : layer.input.type.width;
  return { n: layer.input.nMax ?? 1, c: channels(layer.input.shape), p: layer.poolSize ?? 2, bits };
}

function estimate(layer: LayerFacts, ctx: OpContext): LayerCost {
  const p = poolParams(layer, ctx);
  const notes: string[] = [];
  const avg = layer.poolMode !== 'max';
  // published: P = 2 takes ceil(N/3) cycles (sweep), the models' P = 4, 7 round(0.331 N + 1.36)
  const latency = p.p <= 2 ? law(ctx.coef, POOL_LATENCY, p) : Math.round(0.331 * p.n + 1.36);
  let lut = law(ctx.coef, POOL_LUT, p) + law(ctx.coef, POOL_WIDE_LUT, p);
  // a non-power-of-two P needs a real multiplication by r*r: N*C products (2 DSPs each above 10 bits)
  const dsp = avg && !isPow2(p.p) ? p.n * p.c * (p.bits > 10 ? 2 : 1) : 0;
  if (dsp > 0)
    notes.push(`P = ${p.p} is not a power of two: the average needs ${p.n * p.c} multiplications by r*r`);
  if (!avg) {
    lut *= 0.8;
    notes.push('max pooling: modelled as the average pooling without the scaling (no published measurement)');
  }
  if (ctx.kernels === 'ours')
    notes.push(
      'ours: exact r = floor(1024/P)/1024 (ap_ufixed<11,1>) and a wider accumulator; modelled with the reference law at our accumulator width',
    );
  return whole({
    latencyCycles: latency,
    ii: Math.max(1, latency),
    lut,
    ff: law(ctx.coef, POOL_FF, p),
    dsp,
    bram18: 0,
    notes,
  });
}

export const sparsePooling2dEstimator: OpEstimator<'SparsePooling2D'> = {
  op: 'SparsePooling2D',
  facts: (a) => ({ poolSize: a.poolSize, poolMode: a.mode }),
  readsHash: true,
  makesHash: true,
  estimate,
};
