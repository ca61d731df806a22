/**
 * Walks events through the interpreter (with its trace) and, for each chosen MAC layer, hands over
 * the layer's input raws (and slot hashes), the interpreter's output raws and the layer simulated
 * on the compressed store (layer-sim.ts). Shared by the zero-skip report and the RTL test vectors.
 */
import {
  formatType,
  quantizeNumberBig,
  SparsePixelsError,
  type DecodedWeightStore,
  type FixedType,
} from '@sparsepixels/core';
import { createInterpreter, type RawBatch, type TraceEntry } from '@sparsepixels/ir';
import { macLayers, type MacLayer, type ModelInput } from '../ir-adapter';
import { compressModel, roundTripStore } from '../store/model-store';
import { prepareLayerSim, simulateEvent, type EventResult, type PreparedLayerSim } from './layer-sim';

export interface LayerEvent {
  readonly sim: PreparedLayerSim;
  readonly event: number;
  readonly x: readonly bigint[];
  readonly hash?: Int32Array;
  /** The interpreter's output raws of the layer for this event. */
  readonly reference: readonly bigint[];
  readonly result: EventResult;
}

export interface WalkOptions {
  readonly layers?: readonly string[];
  readonly store?: ReadonlyMap<string, DecodedWeightStore>;
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

/** The model input cast to the input type, per event, as the interpreter casts it. */
function quantizedInputs(x: readonly number[], n: number, size: number, t: FixedType): bigint[][] {
  return Array.from({ length: n }, (_, e) =>
    x.slice(e * size, (e + 1) * size).map((v) => quantizeNumberBig(v, t)),
  );
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
  const n = t.nMax ?? 0;
  return {
    x: slice(t.raw, e * size, size),
    ...(t.hash ? { hash: t.hash.subarray(e * 2 * n, (e + 1) * 2 * n) } : {}),
  };
}

/** The chosen MAC layers (all by default), refusing unknown names. */
export function chooseLayers(doc: ModelInput, names: readonly string[] | undefined): MacLayer[] {
  const all = macLayers(doc);
  for (const n of names ?? []) {
    if (!all.some((l) => l.name === n))
      fail(
        `layer "${n}" is not a Dense, Conv2D or SparseConv2D layer; those are: ${all.map((l) => l.name).join(', ')}`,
      );
  }
  return names ? all.filter((l) => names.includes(l.name)) : all;
}

/** Prepares the layers on the store (default: the model's own, encoded and decoded in memory). */
export function prepareSims(
  doc: ModelInput,
  layers: readonly MacLayer[],
  store?: ReadonlyMap<string, DecodedWeightStore>,
): PreparedLayerSim[] {
  const s =
    store ??
    roundTripStore(
      compressModel(
        doc,
        layers.map((l) => l.name),
      ),
    );
  return layers.map((l) => prepareLayerSim(l, checkStore(l, s.get(l.name))));
}

/** Calls `visit` for every (layer, event), events in order, layers in model order within a chunk. */
export function walkLayerEvents(
  doc: ModelInput,
  sims: readonly PreparedLayerSim[],
  inputs: ArrayLike<number>,
  count: number,
  visit: (e: LayerEvent) => void,
  chunk = 256,
): void {
  const it = createInterpreter(doc, { trace: true });
  const inputType = it.prepared.input.type;
  const readsInput = sims.some((s) => s.layer.input === it.model.input.name);
  for (let start = 0; start < count; start += chunk) {
    const n = Math.min(chunk, count - start);
    const x = Array.prototype.slice.call(
      inputs,
      start * it.inputSize,
      (start + n) * it.inputSize,
    ) as number[];
    const r = it.run(x, n);
    const q = readsInput ? quantizedInputs(x, n, it.inputSize, inputType) : [];
    for (const sim of sims) {
      const out = r.trace![sim.layer.name]!;
      const outSize = out.raw.length / n;
      for (let e = 0; e < n; e++) {
        const { x: xe, hash } = inputOf(sim.layer, e, n, r.trace!, q);
        visit({
          sim,
          event: start + e,
          x: xe,
          ...(hash ? { hash } : {}),
          reference: slice(out.raw, e * outSize, outSize),
          result: simulateEvent(sim, xe, hash),
        });
      }
    }
  }
}
