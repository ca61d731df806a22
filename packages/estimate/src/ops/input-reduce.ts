/**
 * InputReduce: the pixel search. Reference kernel: one comparator tree over all H*W pixels, used N
 * times in a pipelined loop whose iterations wait for the whole tree; a working copy of the pixel
 * values is cleared as pixels are taken. Our kernel (hls-include/nnet_utils/sp_input_reduce.h)
 * searches 64-pixel groups: a tree over the group flags, a 64:1 select, a tree inside the group,
 * and keeps one "still active" flag per pixel instead of a value copy.
 */
import { law } from '../coefficients';
import type { LayerFacts } from '../ir-adapter';
import { REDUCE_FF, REDUCE_LUT, type ReduceParams } from '../laws/specs';
import { channels, whole, type LayerCost, type OpContext, type OpEstimator } from './op-estimator';

/** Tree levels the reference settles per cycle at 5 ns (the measured cycles per kept pixel, see slotCycles). */
const LEVELS_PER_CYCLE_AT_5NS = 3;
/** Extra logic levels of our grouped search per kept pixel: the 64:1 group select and the flag refresh. */
const GROUP_SELECT_LEVELS = 3;
const GROUP = 64;

/**
 * Cycles per kept pixel for a loop-carried chain of `levels` tree levels: ceil((levels - 2) / 3) at
 * 5 ns reproduces the published floor(ceil(log2 HW) / 3) for 100..3969 pixels (2 cycles up to 256
 * pixels, 3 up to 2048, 4 up to 4096). Other clocks scale the levels per cycle.
 */
export function slotCycles(levels: number, clockPeriod: number): number {
  const perCycle = (LEVELS_PER_CYCLE_AT_5NS * clockPeriod) / 5;
  return Math.max(1, Math.ceil((levels - 2) / perCycle));
}

export function reduceParams(layer: LayerFacts, ctx: Pick<OpContext, 'kernels'>): ReduceParams {
  const [h = 1, w = 1] = layer.input.shape;
  const bits = layer.input.type.width;
  return {
    hw: h * w,
    n: layer.nMax ?? layer.output.nMax ?? 1,
    c: channels(layer.input.shape),
    bits,
    copyBits: ctx.kernels === 'reference' ? bits : 1,
  };
}

function estimate(layer: LayerFacts, ctx: OpContext): LayerCost {
  const p = reduceParams(layer, ctx);
  const depth = Math.max(1, Math.ceil(Math.log2(p.hw)));
  const grouped = ctx.kernels === 'ours' && p.hw > GROUP;
  const perSlot = slotCycles(depth + (grouped ? GROUP_SELECT_LEVELS : 0), ctx.clockPeriod);
  const latency = perSlot * p.n + 2;
  const notes = [
    `${perSlot} cycles per kept pixel (${p.hw} pixels, N = ${p.n}); II = latency: the next event waits for the search`,
  ];
  if (ctx.kernels === 'ours') {
    if (grouped)
      notes.push(
        `ours: grouped search (${Math.ceil(p.hw / GROUP)} groups of ${GROUP}); modelled as the reference tree plus ${GROUP_SELECT_LEVELS} logic levels per kept pixel (not measured: no synthesis of our kernel in the calibration data)`,
      );
    notes.push(
      'ours: one active flag per pixel instead of a copy of the pixel values (FF); LUT as the reference search',
    );
  }
  if (ctx.reuseFactor > 1)
    notes.push(`reuse factor ${ctx.reuseFactor} does not apply: the search is one pipelined loop`);
  return whole({
    latencyCycles: latency,
    ii: latency,
    lut: law(ctx.coef, REDUCE_LUT, p),
    ff: law(ctx.coef, REDUCE_FF, p),
    dsp: 0,
    bram18: 0,
    notes,
  });
}

export const inputReduceEstimator: OpEstimator<'InputReduce'> = { op: 'InputReduce', makesHash: true, facts: (a) => ({ nMax: a.nMax }), estimate };
