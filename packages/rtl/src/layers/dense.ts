import { fracBits, sameType } from '@sparsepixels/core';
import { macDesc, whereOf, type LayerBase, type MacDesc } from '../model/layer-base';
import { castGroup, clog2, packRaws, type Params } from '../plan/type-params';
import { VECTOR_PORTS, type LayerPlan, type PlanContext, type PlannedLayer, type RtlEmitter } from './layer-emitter';
import { denseOrder, denseStart, macParams, nonZeroGroups, termPositions } from './mac-params';
import type { SparseFlattenDesc } from './sparse-flatten';

export interface DenseDesc extends LayerBase, MacDesc {
  readonly op: 'Dense';
  readonly nIn: number;
  readonly nOut: number;
}

const F_KEYS = ['SF', 'DF', 'Q', 'O', 'NB'];

/**
 * Dense: fused with the SparseFlatten before it when the accumulation is order-free
 * (sp_dense_sparse: each slot's non-zero features times the weights of its pixel, L slots per
 * beat), else on the flattened vector: all products and a sum tree (sp_dense_par, order-free) or
 * P inputs per beat with one cast per step (sp_dense_seq).
 */
export const denseEmitter: RtlEmitter<DenseDesc> = {
  op: 'Dense',
  describe: (p, base) => ({ ...base, op: 'Dense', nIn: base.input.shape[0] ?? 0, nOut: p.attrs.units, ...macDesc(p, whereOf(base)) }),
  cores: { sp_dense_par: VECTOR_PORTS, sp_dense_seq: VECTOR_PORTS, sp_dense_sparse: { x: 'x_feat', xh: 'x_hash', y: 'y', control: true } },
  plan(layer: DenseDesc, ctx: PlanContext, planned: readonly PlannedLayer[]): LayerPlan {
    const where = `layer "${layer.name}"`;
    const order = denseOrder(layer, layer.input.type, layer.nOut);
    const acc0: Params = { ACC0: packRaws(denseStart(layer, layer.nOut), layer.accum.width) };
    const src = layer.source >= 0 ? planned[layer.source]?.layer : undefined;
    if (order === 'order-free' && src?.op === 'SparseFlatten') return fused(layer, src, ctx, acc0, where);
    if (order === 'order-free') {
      const tl = Math.ceil(clog2(layer.nIn + 1) / ctx.lps);
      return {
        core: 'sp_dense_par',
        params: {
          NIN: layer.nIn,
          NOUT: layer.nOut,
          LPS: ctx.lps,
          NZ: nonZeroGroups(layer.weights, layer.nIn * layer.nOut),
          ...termPositions(layer.weights, layer.nIn, layer.nOut),
          ...acc0,
          ...macParams(layer, layer.input, layer.output, where, { term: true, step: false }),
        },
        form: 'parallel, order-free sum tree',
        needs: 'all',
        output: 'all',
        latency: 2 + tl,
        minII: 1,
        reads: layer.source,
      };
    }
    const p = Math.ceil(layer.nIn / ctx.beats);
    const g = Math.ceil(layer.nIn / p);
    const params = { NIN: layer.nIn, NOUT: layer.nOut, P: p, G: g, ...acc0, ...macParams(layer, layer.input, layer.output, where, { term: false, step: true }) };
    return {
      core: 'sp_dense_seq',
      params,
      form: `sequential, ${p} step(s) per beat`,
      needs: 'all',
      output: 'all',
      latency: g + 3,
      minII: g,
      reads: layer.source,
    };
  },
};

function fused(layer: DenseDesc, flat: SparseFlattenDesc, ctx: PlanContext, acc0: Params, where: string): LayerPlan {
  const x = flat.input;
  const ft = flat.output.type;
  const { XW: _xw, XS: _xs, ...mac } = macParams(layer, layer.input, layer.output, where, { term: true, step: false });
  return {
    core: 'sp_dense_sparse',
    params: {
      N_MAX: x.nMax,
      C: x.shape[2] ?? 1,
      HO: x.shape[0] ?? 1,
      WO: x.shape[1] ?? 1,
      HB: ctx.hashBits,
      L: ctx.lanes,
      G: ctx.beats,
      NOUT: layer.nOut,
      NZ: nonZeroGroups(layer.weights, (x.shape[2] ?? 1) * layer.nOut),
      XW: x.type.width,
      XS: x.type.signed ? 1 : 0,
      FW: ft.width,
      FS: ft.signed ? 1 : 0,
      FCOPY: sameType(x.type, ft) ? 1 : 0,
      ...castGroup('F', { width: x.type.width, frac: fracBits(x.type), signed: x.type.signed }, ft, F_KEYS, where),
      ...acc0,
      ...mac,
    },
    form: 'fused with the SparseFlatten: weights looked up by pixel, order-free',
    needs: 'prog',
    output: 'all',
    latency: ctx.beats + 3,
    minII: ctx.beats,
    reads: flat.source,
  };
}
