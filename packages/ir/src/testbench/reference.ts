import { fracBits, rawMax } from '@sparsepixels/core';
import { createInterpreter } from '../interpret/create-interpreter';
import type { RawBatch } from '../interpret/raw-batch';
import { eventBudget } from '../input-reduce-of';
import type { PreparedModel } from '../prepared-model';

/** One layer's traced output for one event: raws of its result type, and slot hashes if sparse. */
export interface LayerTrace {
  readonly out: readonly bigint[];
  readonly hash?: readonly number[];
  /** Validity bits of a sparse layer (activity 'mask'). */
  readonly valid?: readonly number[];
}

export interface ReferenceRun {
  /** outputs[event][output][k]: raw bits. */
  readonly outputs: bigint[][][];
  /** Per event: layer name -> traced arrays (only with `trace`). */
  readonly trace?: Map<string, LayerTrace>[];
}

/** The interpreter (the ground truth) on a batch of events, as raw integers per event. */
export function interpretEvents(prepared: PreparedModel, events: ArrayLike<number>, inputSize: number, o: { trace?: boolean } = {}): ReferenceRun {
  const count = events.length / inputSize;
  const interpreter = createInterpreter(prepared, { trace: o.trace === true });
  const run = interpreter.run(events, count);
  const outputs: bigint[][][] = [];
  for (let e = 0; e < count; e++) {
    outputs.push(
      run.raw.map((arr) => {
        const size = arr.length / count;
        return bigints(arr, e * size, (e + 1) * size);
      }),
    );
  }
  if (!o.trace || !run.trace) return { outputs };
  const trace: Map<string, LayerTrace>[] = [];
  for (let e = 0; e < count; e++) {
    const m = new Map<string, LayerTrace>();
    for (const [name, t] of Object.entries(run.trace)) {
      const size = t.raw.length / count;
      const hashSize = t.hash ? t.hash.length / count : 0;
      m.set(name, {
        out: bigints(t.raw, e * size, (e + 1) * size),
        ...(t.hash ? { hash: Array.from(t.hash.slice(e * hashSize, (e + 1) * hashSize)) } : {}),
        ...(t.valid ? { valid: Array.from(t.valid.slice(e * (hashSize / 2), (e + 1) * (hashSize / 2))) } : {}),
      });
    }
    trace.push(m);
  }
  return { outputs, trace };
}

/**
 * Default test-bench events, deterministic: one empty event, one with 3 more active pixels than
 * the pixel budget nMax (ir's eventBudget: InputReduce's nMax, or every pixel of a dense model),
 * and 10 events with 1 to nMax active pixels (channel 0 above the threshold), all values on the
 * input type's grid.
 */
export function defaultEvents(prepared: PreparedModel): Float64Array {
  const [h = 1, w = 1, c = 1] = prepared.input.tensor.shape;
  const budget = eventBudget(prepared);
  const nMax = Math.min(h * w, budget.nMax);
  const threshold = budget.threshold;
  const type = prepared.input.type;
  const step = 2 ** -fracBits(type);
  const maxRaw = rawMax(type);
  const minRaw = Math.min(maxRaw, Math.floor(threshold / step) + 1);
  let seed = 12345;
  const next = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const size = h * w * c;
  const out = new Float64Array(12 * size);
  for (let e = 0; e < 12; e++) {
    const active = e === 0 ? 0 : e === 1 ? Math.min(h * w, nMax + 3) : 1 + next(nMax);
    const chosen = new Set<number>();
    while (chosen.size < active) chosen.add(next(h * w));
    for (const p of chosen) {
      out[e * size + p * c] = (minRaw + next(maxRaw - minRaw + 1)) * step;
      for (let k = 1; k < c; k++) out[e * size + p * c + k] = next(maxRaw + 1) * step;
    }
  }
  return out;
}

/** raws[start..end) as bigints. */
function bigints(raws: RawBatch, start: number, end: number): bigint[] {
  const out: bigint[] = [];
  if (raws instanceof Float64Array) for (let k = start; k < end; k++) out.push(BigInt(raws[k]!));
  else for (let k = start; k < end; k++) out.push(raws[k]!);
  return out;
}
