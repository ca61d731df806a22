/**
 * zeroSkipSimulate(model, events): every MAC layer run dense and zero-skipping on the compressed
 * weight store, each event's outputs compared bit for bit with each other and with the
 * interpreter; MACs per event (dense, input-sparse, input-and-weight-sparse) and the cycles of an
 * idealised MAC engine doing M multiply-accumulates per cycle (ceil(MACs / M) per layer and event).
 */
import { SparsePixelsError, type DecodedWeightStore } from '@sparsepixels/core';
import { DEFAULT_BUILD, prepareModel } from '@sparsepixels/ir';
import type { ModelInput } from '../ir-adapter';
import { chooseLayers, prepareSims, walkLayerEvents } from './layer-events';

export interface MacCounts {
  readonly dense: number;
  readonly inputSparse: number;
  readonly inputAndWeightSparse: number;
}

export interface LayerZeroSkip {
  readonly name: string;
  readonly op: string;
  readonly weights: number;
  readonly nonZeroWeights: number;
  /** Output values compared (all events). */
  readonly outputs: number;
  /** Mean per event. */
  readonly macs: MacCounts;
  /** Mean per event at `macsPerCycle`. */
  readonly cycles: MacCounts;
  /** Outputs where the dense run differs from the interpreter / the zero-skip run from the dense one. */
  readonly mismatches: { readonly denseVsInterpreter: number; readonly zeroSkipVsDense: number };
  readonly bitExact: boolean;
}

export interface ZeroSkipReport {
  readonly model: string;
  readonly events: number;
  readonly macsPerCycle: number;
  readonly clockNs: number;
  readonly layers: readonly LayerZeroSkip[];
  readonly total: { readonly macs: MacCounts; readonly cycles: MacCounts; readonly ns: MacCounts };
  readonly bitExact: boolean;
}

export interface ZeroSkipOptions {
  /** Only these layers (default: every Dense, Conv2D, SparseConv2D layer). */
  readonly layers?: readonly string[];
  /** The store to run on (e.g. read from files); default: the model's, encoded and decoded in memory. */
  readonly store?: ReadonlyMap<string, DecodedWeightStore>;
  readonly macsPerCycle?: number;
  /** Clock period in ns (default: the model's build.clockPeriod, else 5). */
  readonly clockNs?: number;
  /** Events per interpreter batch (memory bound of the trace). */
  readonly chunk?: number;
}

function fail(message: string): never {
  throw new SparsePixelsError('SP_ZERO_SKIP', message);
}

export function zeroSkipSimulate(
  doc: ModelInput,
  inputs: ArrayLike<number>,
  count: number,
  o: ZeroSkipOptions = {},
): ZeroSkipReport {
  const m = o.macsPerCycle ?? 1;
  if (!Number.isInteger(m) || m < 1) fail(`MACs per cycle ${m} is not allowed; expected an integer >= 1`);
  const prepared = prepareModel(doc);
  const clockNs = o.clockNs ?? prepared.model.build?.clockPeriod ?? DEFAULT_BUILD.clockPeriod;
  if (!(clockNs > 0)) fail(`clock ${clockNs} ns is not allowed; expected a number > 0`);
  const layers = chooseLayers(prepared, o.layers);
  const sims = prepareSims(prepared, layers, o.store);
  const acc = new Map(
    sims.map((sim) => [
      sim,
      { outputs: 0, dense: 0, inputSparse: 0, zs: 0, cDense: 0, cInput: 0, cZs: 0, mmDense: 0, mmZs: 0 },
    ]),
  );
  const cyc = (macs: number) => Math.ceil(macs / m);
  walkLayerEvents(
    prepared,
    sims,
    inputs,
    count,
    ({ sim, result: ev, reference: ref }) => {
      const a = acc.get(sim)!;
      for (let k = 0; k < ref.length; k++) {
        if (ev.dense[k] !== ref[k]) a.mmDense++;
        if (ev.zeroSkip[k] !== ev.dense[k]) a.mmZs++;
      }
      a.outputs += ref.length;
      a.dense += sim.layer.denseMacs;
      a.inputSparse += ev.inputSparse;
      a.zs += ev.zeroSkipMacs;
      a.cDense += cyc(sim.layer.denseMacs);
      a.cInput += cyc(ev.inputSparse);
      a.cZs += cyc(ev.zeroSkipMacs);
    },
    o.chunk,
  );
  const per = (v: number) => (count ? v / count : 0);
  const reports = sims.map((sim): LayerZeroSkip => {
    const a = acc.get(sim)!;
    const md = { count: sim.weights.length, nnz: sim.value.length };
    return {
      name: sim.layer.name,
      op: sim.layer.op,
      weights: md.count,
      nonZeroWeights: md.nnz,
      outputs: a.outputs,
      macs: { dense: per(a.dense), inputSparse: per(a.inputSparse), inputAndWeightSparse: per(a.zs) },
      cycles: { dense: per(a.cDense), inputSparse: per(a.cInput), inputAndWeightSparse: per(a.cZs) },
      mismatches: { denseVsInterpreter: a.mmDense, zeroSkipVsDense: a.mmZs },
      bitExact: a.mmDense === 0 && a.mmZs === 0,
    };
  });
  const sum = (f: (l: LayerZeroSkip) => MacCounts): MacCounts => ({
    dense: reports.reduce((s, l) => s + f(l).dense, 0),
    inputSparse: reports.reduce((s, l) => s + f(l).inputSparse, 0),
    inputAndWeightSparse: reports.reduce((s, l) => s + f(l).inputAndWeightSparse, 0),
  });
  const cycles = sum((l) => l.cycles);
  const ns = {
    dense: cycles.dense * clockNs,
    inputSparse: cycles.inputSparse * clockNs,
    inputAndWeightSparse: cycles.inputAndWeightSparse * clockNs,
  };
  return {
    model: prepared.model.name,
    events: count,
    macsPerCycle: m,
    clockNs,
    layers: reports,
    total: { macs: sum((l) => l.macs), cycles, ns },
    bitExact: reports.every((l) => l.bitExact),
  };
}
