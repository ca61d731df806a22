/**
 * zeroSkipSimulate(model, events): every MAC layer run dense and zero-skipping on the compressed
 * weight store, each event's outputs compared bit for bit with each other and with the
 * interpreter; MACs per event (dense, input-sparse, input-and-weight-sparse) and the cycles of an
 * idealised MAC engine doing M multiply-accumulates per cycle (ceil(MACs / M) per layer and event).
 */
import {
  formatType,
  parseType,
  quantizeNumberBig,
  SparsePixelsError,
  type DecodedWeightStore,
  type FixedType,
} from '@sparsepixels/core';
import {
  createInterpreter,
  DEFAULT_BUILD,
  type ModelIR,
  type RawBatch,
  type TraceEntry,
} from '@sparsepixels/ir';
import { macLayers, type MacLayer } from '../ir-adapter';
import { compressModel, roundTripStore } from '../store/model-store';
import { prepareLayerSim, simulateEvent } from './layer-sim';

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

function fail(message: string, where?: string): never {
  throw new SparsePixelsError('SP_ZERO_SKIP', message, where);
}

function checkStore(l: MacLayer, s: DecodedWeightStore | undefined): DecodedWeightStore {
  if (!s) fail('is not in the weight store', `layer "${l.name}"`);
  const m = s.metadata;
  if (m.shape.join('x') !== l.kernelShape.join('x') || formatType(s.type) !== formatType(l.types.weight)) {
    fail(
      `the store holds ${m.shape.join('x')} ${formatType(s.type)} weights; the model has ${l.kernelShape.join('x')} ${formatType(l.types.weight)}`,
      `layer "${l.name}"`,
    );
  }
  return s;
}

function slice(b: RawBatch, start: number, size: number): bigint[] {
  const out = new Array<bigint>(size);
  for (let k = 0; k < size; k++) out[k] = BigInt(b[start + k]!);
  return out;
}

function inputOf(
  l: MacLayer,
  e: number,
  events: number,
  trace: Readonly<Record<string, TraceEntry>>,
  quantized: bigint[][],
): { x: bigint[]; hash?: Int32Array } {
  const t = trace[l.input];
  if (!t) return { x: quantized[e]! };
  const size = t.raw.length / events;
  const n = t.slots ?? 0;
  return {
    x: slice(t.raw, e * size, size),
    ...(t.hash ? { hash: t.hash.subarray(e * 2 * n, (e + 1) * 2 * n) } : {}),
  };
}

export function zeroSkipSimulate(
  doc: ModelIR,
  inputs: ArrayLike<number>,
  count: number,
  o: ZeroSkipOptions = {},
): ZeroSkipReport {
  const m = o.macsPerCycle ?? 1;
  if (!Number.isInteger(m) || m < 1) fail(`MACs per cycle ${m} is not allowed; expected an integer >= 1`);
  const clockNs = o.clockNs ?? doc.build?.clockPeriod ?? DEFAULT_BUILD.clockPeriod;
  if (!(clockNs > 0)) fail(`clock ${clockNs} ns is not allowed; expected a number > 0`);
  const all = macLayers(doc);
  for (const n of o.layers ?? [])
    if (!all.some((l) => l.name === n))
      fail(
        `layer "${n}" is not a Dense, Conv2D or SparseConv2D layer; those are: ${all.map((l) => l.name).join(', ')}`,
      );
  const layers = o.layers ? all.filter((l) => o.layers!.includes(l.name)) : all;
  const store =
    o.store ??
    roundTripStore(
      compressModel(
        doc,
        layers.map((l) => l.name),
      ),
    );
  const sims = layers.map((l) => prepareLayerSim(l, checkStore(l, store.get(l.name))));
  const it = createInterpreter(doc, { trace: true });
  const inputType = parseType(it.model.input.type);
  const readsInput = sims.some((s) => s.layer.input === it.model.input.name);
  const acc = layers.map(() => ({
    outputs: 0,
    dense: 0,
    inputSparse: 0,
    zs: 0,
    cDense: 0,
    cInput: 0,
    cZs: 0,
    mmDense: 0,
    mmZs: 0,
  }));
  const chunk = o.chunk ?? 256;
  const cyc = (macs: number) => Math.ceil(macs / m);
  for (let start = 0; start < count; start += chunk) {
    const n = Math.min(chunk, count - start);
    const x = Array.prototype.slice.call(
      inputs,
      start * it.inputSize,
      (start + n) * it.inputSize,
    ) as number[];
    const r = it.run(x, n);
    const t = readsInput ? quantizedInputs(x, n, it.inputSize, inputType) : [];
    sims.forEach((sim, li) => {
      const a = acc[li]!;
      const out = r.trace![sim.layer.name]!;
      const outSize = out.raw.length / n;
      for (let e = 0; e < n; e++) {
        const { x: xe, hash } = inputOf(sim.layer, e, n, r.trace!, t);
        const ev = simulateEvent(sim, xe, hash);
        const ref = slice(out.raw, e * outSize, outSize);
        for (let k = 0; k < outSize; k++) {
          if (ev.dense[k] !== ref[k]) a.mmDense++;
          if (ev.zeroSkip[k] !== ev.dense[k]) a.mmZs++;
        }
        a.outputs += outSize;
        a.dense += sim.layer.denseMacs;
        a.inputSparse += ev.inputSparse;
        a.zs += ev.zeroSkipMacs;
        a.cDense += cyc(sim.layer.denseMacs);
        a.cInput += cyc(ev.inputSparse);
        a.cZs += cyc(ev.zeroSkipMacs);
      }
    });
  }
  const per = (v: number) => (count ? v / count : 0);
  const reports = sims.map((sim, li): LayerZeroSkip => {
    const a = acc[li]!;
    const md = store.get(sim.layer.name)!.metadata;
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
    model: doc.name,
    events: count,
    macsPerCycle: m,
    clockNs,
    layers: reports,
    total: { macs: sum((l) => l.macs), cycles, ns },
    bitExact: reports.every((l) => l.bitExact),
  };
}

/** The model input cast to the input type, per event, as the interpreter casts it. */
function quantizedInputs(x: readonly number[], n: number, size: number, t: FixedType): bigint[][] {
  return Array.from({ length: n }, (_, e) =>
    x.slice(e * size, (e + 1) * size).map((v) => quantizeNumberBig(v, t)),
  );
}
