/**
 * Numerical profiling (docs: packages/ir/README.md, "Profiling"): runs the bit-exact interpreter
 * with its trace on, and re-runs every layer on the inputs it actually received with its
 * accumulator and result types widened (same fraction bits and rounding, more integer bits,
 * saturating). Where the widened output differs from the real one, or lies outside the real
 * result type, a cast overflowed: counted as saturated or wrapped by the overflow mode of the
 * type that overflowed. The model input gets the same check (real values cast to the input type).
 */
import {
  fracBits,
  quantizeNumber,
  quantizeNumberBig,
  rawMaxBig,
  rawMinBig,
  type FixedType,
} from '@sparsepixels/core';
import { toInputEvents, type InputEvents } from '../input-events';
import type { ModelIR } from '../model';
import { prepareModel } from '../prepare-model';
import type { PreparedModel } from '../prepared-model';
import { compileModel, type CompiledModel } from './compile-model';
import { createInterpreter, type TraceEntry } from './create-interpreter';
import type { RawBatch } from './raw-batch';
import type { LayerKernel, RawArray, RuntimeTensor } from './runtime';
import { ProfileStats, type ProfileReport } from './profile-stats';

/** The same type with more integer bits (up to 53, or 64 for wide types), saturating. */
export function widened(t: FixedType): FixedType {
  const width = t.width <= 45 ? 53 : 64;
  const extra = Math.max(0, width - t.width);
  return { ...t, width: t.width + extra, integer: t.integer + extra, overflow: 'AP_SAT', satBits: 0 };
}

/** The raws a cast into t leaves unchanged (a signed AP_SAT_SYM type gives up its minimum). */
export function castRange(t: FixedType): { lo: bigint; hi: bigint } {
  const lo = rawMinBig(t);
  const sym = t.signed && t.overflow === 'AP_SAT_SYM' && t.width >= 2;
  return { lo: sym ? lo + 1n : lo, hi: rawMaxBig(t) };
}

/** One event's raws of a traced layer (or of the quantized input) as kernel input. */
function sliceRaws(raw: RawBatch, e: number, size: number): RawArray {
  if (raw instanceof Float64Array) return raw.subarray(e * size, (e + 1) * size);
  return Array.from(raw.subarray(e * size, (e + 1) * size));
}

interface Shadow {
  readonly kernel: LayerKernel;
  readonly size: number;
  readonly hashSize: number;
  /** Raw range of the real result type. */
  readonly lo: bigint;
  readonly hi: bigint;
  readonly frac: number;
  readonly wideWidth: number;
}

function shadowOf(c: CompiledModel, li: number): Shadow {
  const l = c.layers[li]!;
  const p = l.ctx.precision;
  const result = widened(p.result);
  const precision = { ...p, result, ...(p.accum ? { accum: widened(p.accum) } : {}) };
  const kernel = l.op.compile({ ...l.ctx, precision });
  const slots = l.ctx.output.kind === 'sparse' ? l.ctx.output.nMax : 0;
  const range = { ...castRange(p.result), frac: fracBits(p.result), wideWidth: result.width };
  return { kernel, size: l.size, hashSize: 2 * slots, ...range };
}

/** Accumulates a profile over batches of events; `report()` at any time. */
export interface Profiler {
  readonly model: ModelIR;
  readonly inputSize: number;
  /** Profiles `n` events (inputSize real values each, flattened). */
  add(x: ArrayLike<number>, n: number): void;
  report(): ProfileReport;
}

/** A profiler for a model (a PreparedModel, or a document prepared here). */
export function createProfiler(doc: PreparedModel | ModelIR | unknown): Profiler {
  const prepared = prepareModel(doc);
  const { model } = prepared;
  const c = compileModel(prepared);
  const interpreter = createInterpreter(prepared, { trace: true });
  const inputSize = interpreter.inputSize;
  const inputType = prepared.input.type;
  const wideInput = widened(inputType);
  const shadows = c.layers.map((_, li) => shadowOf(c, li));
  const stats = new ProfileStats(c, inputType);
  const inputRaws = inputType.width <= 53 ? new Float64Array(inputSize) : undefined;
  return {
    model,
    inputSize,
    add(x, n) {
      const r = interpreter.run(x, n);
      const trace = r.trace!;
      const traced: TraceEntry[] = c.layers.map((l) => trace[l.layer.name]!);
      for (let e = 0; e < n; e++) {
        const input = quantizeInput(x, e * inputSize, inputSize, inputType, wideInput, stats, inputRaws);
        stats.addEvent(r.overflowCount[e]!);
        for (let li = 0; li < c.layers.length; li++) {
          const l = c.layers[li]!;
          const args: RuntimeTensor[] = l.inputIndex.map((j) => {
            if (j < 0) return { data: input };
            const t = traced[j]!;
            const hashSize = shadows[j]!.hashSize;
            return {
              data: sliceRaws(t.raw, e, shadows[j]!.size),
              ...(t.hash ? { hash: t.hash.subarray(e * hashSize, (e + 1) * hashSize) } : {}),
              // activity 'mask': the slots' validity bits go with the features (docs/semantics.md)
              ...(t.valid ? { valid: t.valid.subarray((e * hashSize) / 2, ((e + 1) * hashSize) / 2) } : {}),
            };
          });
          const s = shadows[li]!;
          const ideal = s.kernel.run(args).data;
          stats.addLayer(li, sliceRaws(traced[li]!.raw, e, s.size), ideal, s);
        }
      }
    },
    report: () => stats.report(),
  };
}

/** Casts one event's real inputs, counting values the input type saturates or wraps. */
function quantizeInput(
  x: ArrayLike<number>,
  off: number,
  size: number,
  t: FixedType,
  wide: FixedType,
  stats: ProfileStats,
  buf: Float64Array | undefined,
): RawArray {
  const { lo, hi } = castRange(t);
  const out: RawArray = buf ?? new Array<bigint>(size).fill(0n);
  if (buf) buf.fill(0);
  for (let i = 0; i < size; i++) {
    const v = x[off + i]!;
    if (v === 0) continue;
    const ideal = wide.width <= 53 ? BigInt(quantizeNumber(v, wide)) : quantizeNumberBig(v, wide);
    const real = t.width <= 53 ? quantizeNumber(v, t) : quantizeNumberBig(v, t);
    const moved = BigInt(real) - ideal;
    stats.addInput(v, ideal < lo || ideal > hi, Number(moved < 0n ? -moved : moved));
    if (buf) buf[i] = real as number;
    else (out as bigint[])[i] = real as bigint;
  }
  return out;
}

/** Profiles all `events` (in memory or InputEvents) in batches of `batch` events. */
export function profileModel(
  doc: PreparedModel | ModelIR | unknown,
  events: ArrayLike<number> | InputEvents,
  options: { readonly batch?: number; readonly onProgress?: (done: number, total: number) => void } = {},
): ProfileReport {
  const p = createProfiler(doc);
  const src = toInputEvents(events, p.inputSize);
  const batch = options.batch ?? 256;
  for (let start = 0; start < src.count; start += batch) {
    const n = Math.min(batch, src.count - start);
    p.add(src.read(start, n), n);
    options.onProgress?.(start + n, src.count);
  }
  return p.report();
}
