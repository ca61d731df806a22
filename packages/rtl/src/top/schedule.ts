/**
 * The design's static schedule: each layer's core (layers/registry.ts), when it starts relative to
 * the accepted input (cycle 0), when its output is complete, and the initiation interval. The
 * hardware makes the same decisions with pulses (each core's `done` starts the next), so these
 * figures are the design's; the simulation measures them again.
 */
import { SparsePixelsError } from '@sparsepixels/core';
import { planLayer } from '../layers/registry';
import type { LayerPlan, Mode, PlanContext, PlannedLayer } from '../layers/layer-emitter';
import type { LayerDesc, ModelDesc } from '../model/adapter';
import { bitsFor } from '../plan/type-params';

export interface DesignOptions {
  /** Beats per event: the sparse layers handle ceil(N_MAX / beats) slots per cycle (default 8). */
  readonly beats?: number;
  /** Adder/prefix tree levels between pipeline registers (default 3). */
  readonly treeLevels?: number;
}

export interface ScheduledLayer extends PlannedLayer {
  /** Cycles after the input is accepted. */
  readonly start: number;
  readonly done: number;
  /** When every value of the output is valid (done, or done + beats - 1 for progressive outputs). */
  readonly complete: number;
  /** Cycles between the producer's done and this start (beats - 1 when waiting for a whole tensor). */
  readonly wait: number;
  /** False for a SparseFlatten whose only consumers are fused Dense layers: simulation probe only. */
  readonly synthesized: boolean;
}

export interface Schedule {
  readonly model: ModelDesc;
  readonly lanes: number;
  readonly beats: number;
  readonly treeLevels: number;
  readonly hashBits: number;
  /** Initiation interval: cycles between accepted events. */
  readonly ii: number;
  readonly layers: readonly ScheduledLayer[];
  /** Cycle at which every model output is valid (out_valid), counted from the accept. */
  readonly latency: number;
}

function fail(message: string): never {
  throw new SparsePixelsError('SP_RTL_OPTION', message);
}

/** Plans every layer in model order and derives the timing. */
export function scheduleModel(model: ModelDesc, o: DesignOptions = {}): Schedule {
  const n = Math.max(1, ...model.layers.map((l) => l.output.nMax));
  const target = o.beats ?? 8;
  if (!Number.isInteger(target) || target < 1 || target > 4096) fail(`beats ${target} is not allowed; use an integer 1..4096`);
  const treeLevels = o.treeLevels ?? 3;
  if (!Number.isInteger(treeLevels) || treeLevels < 1 || treeLevels > 16) fail(`treeLevels ${treeLevels} is not allowed; use 1..16`);
  const lanes = Math.ceil(n / target);
  const beats = Math.ceil(n / lanes);
  const [h = 1, w = 1] = model.input.shape;
  const hashBits = bitsFor(Math.max(h, w));
  const planned: ScheduledLayer[] = [];
  const modeOf = (i: number): Mode => (i < 0 ? 'all' : planned[i]!.plan.output);
  const doneOf = (i: number): number => (i < 0 ? 0 : planned[i]!.done);
  for (const layer of model.layers) {
    const ctx: PlanContext = { model, lanes, beats, lps: treeLevels, hashBits, inputMode: modeOf(layer.source) };
    const plan: LayerPlan = planLayer(layer, ctx, planned);
    const wait = plan.needs === 'all' && modeOf(plan.reads) === 'prog' ? beats - 1 : 0;
    const start = doneOf(plan.reads) + wait;
    const done = start + plan.latency;
    const complete = done + (plan.output === 'prog' ? beats - 1 : 0);
    planned.push({ layer, plan, start, done, complete, wait, synthesized: true });
  }
  const layers = planned.map((s) => ({ ...s, synthesized: needed(s.layer, planned, model) }));
  const outs = model.outputs.map((i) => (i < 0 ? fail('a model output that is the model input has no RTL') : layers[i]!.complete));
  const ii = Math.max(beats, ...layers.map((s) => s.plan.minII));
  return { model, lanes, beats, treeLevels, hashBits, ii, layers, latency: Math.max(...outs) };
}

/** A layer is synthesized unless it is a flatten whose every consumer bypasses it (fused Dense). */
function needed(layer: LayerDesc, planned: readonly ScheduledLayer[], model: ModelDesc): boolean {
  if (layer.op !== 'SparseFlatten') return true;
  if (model.outputs.includes(layer.index)) return true;
  return planned.some((s) => s.plan.reads === layer.index);
}
