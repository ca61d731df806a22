import { SparsePixelsError } from '@sparsepixels/core';
import { DIAGNOSTICS } from '../diagnostics';
import type { ModelIR } from '../model';
import type { TensorInfo } from '../ops/tensor-info';
import { prepareModel } from '../prepare-model';
import type { PreparedModel } from '../prepared-model';
import { compileModel } from './compile-model';
import { eventPlan, runEvent } from './create-interpreter';
import type { RuntimeTensor } from './runtime';

export interface FloatTraceEntry {
  readonly shape: readonly number[];
  readonly nMax?: number;
  readonly values: Float64Array;
  readonly hash?: Int32Array;
}

export interface FloatInterpretResult {
  /** Per model output: batchSize * size values, event-major. */
  readonly values: readonly Float64Array[];
  readonly overflowCount: Int32Array;
  readonly trace?: Readonly<Record<string, FloatTraceEntry>>;
}

export interface FloatInterpreter {
  readonly model: ModelIR;
  readonly inputSize: number;
  run(inputs: ArrayLike<number>, batchSize: number): FloatInterpretResult;
}

function fail(d: { code: string; message: string }): never {
  throw new SparsePixelsError(d.code, d.message);
}

/**
 * The same graph in float64 with core's float kernels (no casts; InputReduce compares the real
 * value with the real threshold; avg pooling uses the same 10-bit r). For comparing training
 * forwards with the firmware semantics; the bit-exact interpreter is createInterpreter.
 */
export function createFloatInterpreter(doc: PreparedModel | ModelIR | unknown, options: { trace?: boolean } = {}): FloatInterpreter {
  const prepared = prepareModel(doc);
  const { model } = prepared;
  const c = compileModel(prepared);
  const plan = eventPlan(c, c.layers.map((l) => l.op.compileFloat(l.ctx)));
  const inputSize = prepared.input.tensor.size;
  const sizeOf = (i: number) => (i < 0 ? inputSize : c.layers[i]!.size);
  return {
    model,
    inputSize,
    run(inputs, batchSize) {
      if (!Number.isInteger(batchSize) || batchSize < 0) fail(DIAGNOSTICS.badBatch.at('', batchSize));
      if (inputs.length !== batchSize * inputSize) fail(DIAGNOSTICS.inputLength.at('', inputs.length, batchSize * inputSize, batchSize));
      const values = c.outputIndex.map((i) => new Float64Array(batchSize * sizeOf(i)));
      const trace = options.trace ? c.layers.map((l) => allocTrace(l.ctx.output, l.size, batchSize)) : undefined;
      const overflowCount = new Int32Array(batchSize);
      const tensors: RuntimeTensor<Float64Array>[] = new Array(c.layers.length);
      const buf = new Float64Array(inputSize);
      for (let e = 0; e < batchSize; e++) {
        for (let i = 0; i < inputSize; i++) buf[i] = inputs[e * inputSize + i]!;
        const x: RuntimeTensor<Float64Array> = { data: buf };
        overflowCount[e] = runEvent(plan, x, tensors);
        c.outputIndex.forEach((li, k) => values[k]!.set(li < 0 ? buf : tensors[li]!.data, e * sizeOf(li)));
        trace?.forEach((t, li) => {
          const tensor = tensors[li]!;
          t.values.set(tensor.data, e * tensor.data.length);
          if (t.hash && tensor.hash) t.hash.set(tensor.hash, e * tensor.hash.length);
        });
      }
      const traced = trace && Object.fromEntries(trace.map((t, li) => [c.layers[li]!.layer.name, t]));
      return { values, overflowCount, trace: traced };
    },
  };
}

function allocTrace(out: TensorInfo, size: number, batch: number): FloatTraceEntry {
  const base = { shape: out.shape, values: new Float64Array(batch * size) };
  return out.kind === 'sparse' ? { ...base, nMax: out.nMax, hash: new Int32Array(batch * 2 * out.nMax) } : base;
}
