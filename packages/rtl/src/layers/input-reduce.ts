import { quantizeNumberBig } from '@sparsepixels/core';
import type { LayerBase } from '../model/layer-base';
import { clog2, resultCast } from '../plan/type-params';
import type { LayerPlan, PlanContext, RtlEmitter } from './layer-emitter';

export interface InputReduceDesc extends LayerBase {
  readonly op: 'InputReduce';
  /** The threshold cast to the input type (its own Q/O), as a raw. */
  readonly thresholdRaw: bigint;
}

const CAST_KEYS = ['SW', 'SF', 'SS', 'DW', 'DF', 'DS', 'Q', 'O', 'NB'];

/**
 * InputReduce: sp_reduce (verilog/sp_reduce.v): per-row counts and their prefix once per event,
 * then L slots per beat found by row select, row fetch, in-row prefix count, column fetch.
 */
export const inputReduceEmitter: RtlEmitter<InputReduceDesc> = {
  op: 'InputReduce',
  describe: (p, base) => ({ ...base, op: 'InputReduce', thresholdRaw: quantizeNumberBig(p.attrs.threshold, base.input.type) }),
  cores: { sp_reduce: { x: 'x', y: 'feat', yh: 'hash', yv: 'valid', control: true } },
  plan(layer: InputReduceDesc, ctx: PlanContext): LayerPlan {
    const [h = 1, w = 1, c = 1] = layer.input.shape;
    const n = layer.output.nMax;
    const xt = layer.input.type;
    const rt = layer.output.type;
    const where = `layer "${layer.name}"`;
    const plh = Math.ceil(clog2(h) / ctx.lps);
    const plw = Math.ceil(clog2(w) / ctx.lps);
    const t0 = 1 + plh;
    const raw = ((layer.thresholdRaw % (1n << BigInt(xt.width))) + (1n << BigInt(xt.width))) % (1n << BigInt(xt.width));
    return {
      core: 'sp_reduce',
      params: {
        H: h,
        W: w,
        C: c,
        XW: xt.width,
        XS: xt.signed ? 1 : 0,
        THR: { width: xt.width, value: raw },
        N_MAX: n,
        L: ctx.lanes,
        G: ctx.beats,
        HB: ctx.hashBits,
        RW: rt.width,
        ...resultCast(xt, rt, CAST_KEYS, where),
        LPS: ctx.lps,
      },
      form: `parallel reduction, ${ctx.lanes} slot(s) per beat`,
      needs: 'all',
      output: 'all',
      // first beat at t0, last beat's slots visible 4 + plw cycles after it
      latency: t0 + ctx.beats - 1 + 4 + plw,
      // the image is read until start + t0 + beats (row fetch of the last beat)
      minII: t0 + ctx.beats,
      reads: layer.source,
    };
  },
};

