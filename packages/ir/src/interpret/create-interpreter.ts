import { formatType, quantizeNumber, quantizeNumberBig, SparsePixelsError, type FixedType } from '@sparsepixels/core';
import { DIAGNOSTICS } from '../diagnostics';
import type { ModelIR } from '../model';
import { prepareModel } from '../prepare-model';
import type { PreparedModel } from '../prepared-model';
import { compileModel, type CompiledModel } from './compile-model';
import { allocRawBatch, rawBatchToValues, storeRaws, type RawBatch } from './raw-batch';
import type { LayerKernel, RawArray, RuntimeTensor } from './runtime';
import type { MacCounter } from '../ops/op-def';

export interface InterpreterOptions {
  /** Keep every layer's raw output (and sparse hashes) for every event. */
  readonly trace?: boolean;
  /** Count every MAC layer's multiply-accumulates per event (`InterpretResult.macs`). */
  readonly macs?: boolean;
}

export interface OutputBatch {
  readonly name: string;
  /** Logical shape of one event's output. */
  readonly shape: readonly number[];
  /** Canonical type string of the raws. */
  readonly type: string;
  /** batchSize * size raws, event-major. */
  readonly raw: RawBatch;
  /** The same as numbers (raw * 2^-F). */
  readonly values: Float64Array;
}

export interface TraceEntry {
  readonly type: string;
  readonly shape: readonly number[];
  /** Slot capacity of a sparse layer (its raws are nMax*C features per event). */
  readonly nMax?: number;
  readonly raw: RawBatch;
  /** Sparse layers: 2N hash coordinates (1-based h, w) per event. */
  readonly hash?: Int32Array;
}

export interface InterpretResult {
  readonly outputs: readonly OutputBatch[];
  /** outputs[i].raw, in the order of model.outputs. */
  readonly raw: readonly RawBatch[];
  readonly values: readonly Float64Array[];
  /** Per event: active pixels dropped by InputReduce (beyond nMax). */
  readonly overflowCount: Int32Array;
  readonly trace?: Readonly<Record<string, TraceEntry>>;
  /** With the `macs` option: per MAC layer (Dense, Conv2D, SparseConv2D), by layer name. */
  readonly macs?: Readonly<Record<string, LayerMacs>>;
}

/**
 * The multiply-accumulates of one MAC layer (docs/weight-store.md#mac-counts): the worst case, the
 * same for every event (the op's operation count, `inspect`'s ops/event), and per event the terms
 * with a non-zero input and those with a non-zero input and a non-zero weight.
 */
export interface LayerMacs {
  readonly dense: number;
  readonly inputSparse: Float64Array;
  readonly inputAndWeightSparse: Float64Array;
}

export interface Interpreter {
  readonly model: ModelIR;
  readonly prepared: PreparedModel;
  /** H*W*C values per event, channels last. */
  readonly inputSize: number;
  /** `inputs`: batchSize events of real values, flattened; cast to the input type as the HLS test bench does. */
  run(inputs: ArrayLike<number>, batchSize: number): InterpretResult;
}

function fail(d: { code: string; message: string }): never {
  throw new SparsePixelsError(d.code, d.message);
}

/**
 * Casts one event's real inputs to raws of the input type (quantizeNumber with the type's own Q/O,
 * as the HLS test bench does). Sparse images are mostly zeros, whose raw is 0: the buffer stays
 * zeroed and only the positions written by the previous event are cleared again.
 */
function quantizer(t: FixedType, size: number): (x: ArrayLike<number>, offset: number) => RawArray {
  if (t.width > 53) {
    const buf = new Array<bigint>(size);
    return (x, off) => {
      for (let i = 0; i < size; i++) buf[i] = quantizeNumberBig(x[off + i]!, t);
      return buf;
    };
  }
  const buf = new Float64Array(size);
  const written = new Int32Array(size);
  let count = 0;
  const put = (i: number, v: number) => {
    buf[i] = quantizeNumber(v, t);
    written[count++] = i;
  };
  return (x, off) => {
    for (let k = 0; k < count; k++) buf[written[k]!] = 0;
    count = 0;
    let i = 0;
    // four values per test: almost every group of a sparse image is all zeros
    for (; i + 4 <= size; i += 4) {
      const a = x[off + i]!;
      const b = x[off + i + 1]!;
      const c = x[off + i + 2]!;
      const d = x[off + i + 3]!;
      if (a === 0 && b === 0 && c === 0 && d === 0) continue;
      if (a !== 0) put(i, a);
      if (b !== 0) put(i + 1, b);
      if (c !== 0) put(i + 2, c);
      if (d !== 0) put(i + 3, d);
    }
    for (; i < size; i++) if (x[off + i] !== 0) put(i, x[off + i]!);
    return buf;
  };
}

/** Runs every layer of one event into `out` (by layer index); returns the pixels InputReduce dropped. */
export function runEvent<R>(plan: EventPlan<R>, x: RuntimeTensor<R>, out: RuntimeTensor<R>[]): number {
  let dropped = 0;
  const { kernels, inputIndex, args } = plan;
  for (let i = 0; i < kernels.length; i++) {
    const idx = inputIndex[i]!;
    const a = args[i]!;
    for (let k = 0; k < idx.length; k++) {
      const j = idx[k]!;
      a[k] = j < 0 ? x : out[j]!;
    }
    const t = kernels[i]!.run(a);
    out[i] = t;
    if (t.dropped !== undefined) dropped += t.dropped;
  }
  return dropped;
}

/** The per-event loop's data, built once: kernels, input indices and reusable argument arrays. */
export interface EventPlan<R> {
  readonly kernels: readonly LayerKernel<R>[];
  readonly inputIndex: readonly (readonly number[])[];
  readonly args: RuntimeTensor<R>[][];
}

export function eventPlan<R>(c: CompiledModel, kernels: readonly LayerKernel<R>[]): EventPlan<R> {
  const inputIndex = c.layers.map((l) => l.inputIndex);
  return { kernels, inputIndex, args: inputIndex.map((idx) => new Array<RuntimeTensor<R>>(idx.length)) };
}

/**
 * Compiles a model once and returns a bit-exact batch runner: the ground truth for the backends
 * and the trainable layers. Takes a PreparedModel, or a document that it prepares first.
 */
export function createInterpreter(doc: PreparedModel | ModelIR | unknown, options: InterpreterOptions = {}): Interpreter {
  const prepared = prepareModel(doc);
  const { model } = prepared;
  const c = compileModel(prepared);
  const plan = eventPlan(c, c.layers.map((l) => l.op.compile(l.ctx)));
  const counted = options.macs ? macCounters(c) : [];
  const inputSize = prepared.input.tensor.size;
  const quantize = quantizer(prepared.input.type, inputSize);
  const typeOf = (i: number) => (i < 0 ? prepared.input.type : c.layers[i]!.ctx.precision.result);
  const sizeOf = (i: number) => (i < 0 ? inputSize : c.layers[i]!.size);
  return {
    model,
    prepared,
    inputSize,
    run(inputs, batchSize) {
      if (!Number.isInteger(batchSize) || batchSize < 0) fail(DIAGNOSTICS.badBatch.at('', batchSize));
      if (inputs.length !== batchSize * inputSize) fail(DIAGNOSTICS.inputLength.at('', inputs.length, batchSize * inputSize, batchSize));
      const outRaw = c.outputIndex.map((i) => allocRawBatch(typeOf(i), batchSize * sizeOf(i)));
      const trace = options.trace ? c.layers.map((l) => allocTrace(l, batchSize)) : undefined;
      const overflowCount = new Int32Array(batchSize);
      const macs = counted.map((m) => allocMacs(m, batchSize));
      const tensors: RuntimeTensor[] = new Array<RuntimeTensor>(c.layers.length);
      const outs = c.outputIndex;
      for (let e = 0; e < batchSize; e++) {
        const x: RuntimeTensor = { data: quantize(inputs, e * inputSize) };
        overflowCount[e] = runEvent(plan, x, tensors);
        for (let k = 0; k < outs.length; k++) {
          const li = outs[k]!;
          storeRaws(outRaw[k]!, e * sizeOf(li), li < 0 ? x.data : tensors[li]!.data);
        }
        if (trace) for (let li = 0; li < trace.length; li++) storeTrace(trace[li]!, e, tensors[li]!);
        for (let k = 0; k < counted.length; k++) countEvent(counted[k]!, macs[k]!, e, x, tensors);
      }
      const outputs = c.outputIndex.map((li, k): OutputBatch => {
        const t = typeOf(li);
        const shape = prepared.outputs[k]!.tensor.shape;
        return { name: model.outputs[k]!, shape, type: formatType(t), raw: outRaw[k]!, values: rawBatchToValues(outRaw[k]!, t) };
      });
      const traced = trace && Object.fromEntries(trace.map((t, li) => [c.layers[li]!.layer.name, t]));
      const counts = options.macs ? Object.fromEntries(counted.map((m, k) => [m.name, macs[k]!])) : undefined;
      return {
        outputs,
        raw: outputs.map((o) => o.raw),
        values: outputs.map((o) => o.values),
        overflowCount,
        trace: traced,
        ...(counts ? { macs: counts } : {}),
      };
    },
  };
}

/** A MAC layer's counter, built once per interpreter (its weights' non-zero rows counted once). */
interface CountedLayer {
  readonly name: string;
  readonly dense: number;
  readonly inputIndex: readonly number[];
  readonly count: MacCounter;
  readonly args: RuntimeTensor[];
}

function macCounters(c: CompiledModel): CountedLayer[] {
  const out: CountedLayer[] = [];
  for (const l of c.layers) {
    const count = l.op.countMacs?.(l.ctx);
    if (!count) continue;
    const dense = l.op.opCount(l.ctx.attrs, l.ctx.inputs);
    out.push({ name: l.layer.name, dense, inputIndex: l.inputIndex, count, args: new Array(l.inputIndex.length) });
  }
  return out;
}

function allocMacs(m: CountedLayer, batch: number): LayerMacs {
  return { dense: m.dense, inputSparse: new Float64Array(batch), inputAndWeightSparse: new Float64Array(batch) };
}

/** Counts event e from the tensors runEvent left (each layer keeps its output until the next event). */
function countEvent(m: CountedLayer, into: LayerMacs, e: number, x: RuntimeTensor, tensors: readonly RuntimeTensor[]): void {
  for (let k = 0; k < m.inputIndex.length; k++) {
    const j = m.inputIndex[k]!;
    m.args[k] = j < 0 ? x : tensors[j]!;
  }
  const r = m.count(m.args);
  into.inputSparse[e] = r.inputSparse;
  into.inputAndWeightSparse[e] = r.inputAndWeightSparse;
}

function allocTrace(l: CompiledModel['layers'][number], batch: number): TraceEntry {
  const out = l.ctx.output;
  const t = l.ctx.precision.result;
  const base = { type: formatType(t), shape: out.shape, raw: allocRawBatch(t, batch * l.size) };
  return out.kind === 'sparse' ? { ...base, nMax: out.nMax, hash: new Int32Array(batch * 2 * out.nMax) } : base;
}

function storeTrace(t: TraceEntry, e: number, x: RuntimeTensor): void {
  const size = x.data.length;
  storeRaws(t.raw, e * size, x.data);
  if (t.hash && x.hash) t.hash.set(x.hash, e * x.hash.length);
}
