// Helpers for the per-op tests (not exported from the package).
import { getActivation, parseType, type FixedActivation } from '@sparsepixels/core';
import { formatDiagnostic } from '../diagnostics';
import { createInterpreter, type TraceEntry } from '../interpret/create-interpreter';
import type { Activity, LayerCommon, LayerIR, ModelIR } from '../model';
import { prepareModel, validateModel } from '../prepare-model';

/** A layer as test documents write it (op and attributes checked by validation, not by the compiler). */
export type DocLayer = Omit<LayerCommon, 'inputs'> & { op: string; inputs: readonly string[]; attrs?: object };

/**
 * A model of `layers` after an [h, w, c] input of `type`; the last layer is the output. The per-op
 * tests were computed under the v1 activity rule, which stays the default here.
 */
export function modelOf(shape: number[], type: string, layers: readonly DocLayer[], activity: Activity = 'nonzero'): ModelIR {
  return {
    format: 'sparsepixels-ir',
    version: 2,
    activity,
    name: 'op_test',
    input: { name: 'x_in', shape, type },
    layers: layers as LayerIR[],
    outputs: [layers[layers.length - 1]!.name],
  };
}

/** The per-layer trace of running `events` (flattened real inputs) through the model. */
export function traceOf(model: ModelIR, events: ArrayLike<number>, count: number): Record<string, TraceEntry> {
  return createInterpreter(model, { trace: true }).run(events, count).trace!;
}

/** The prepared layer `name`. */
export function prepared(model: ModelIR, name: string): LayerIR {
  return prepareModel(model).model.layers.find((l) => l.name === name)!;
}

/** Every diagnostic, formatted. */
export function problems(model: ModelIR): string[] {
  return validateModel(model).diagnostics.map(formatDiagnostic);
}

/** An InputReduce layer keeping `n` pixels of channel 0 > 0. */
export function reduce(n: number): LayerIR {
  return { name: 'reduce', op: 'InputReduce', inputs: ['x_in'], attrs: { nMax: n, threshold: 0 } };
}

/** Event e's slice of a traced layer: raws as numbers and (sparse) hashes. */
export function eventOf(t: TraceEntry, e: number, count: number): { raw: Float64Array; hash?: Int32Array } {
  const size = t.raw.length / count;
  const raw = Float64Array.from(t.raw.subarray(e * size, (e + 1) * size) as ArrayLike<number | bigint>, Number);
  if (!t.hash) return { raw };
  const hs = t.hash.length / count;
  return { raw, hash: t.hash.subarray(e * hs, (e + 1) * hs) };
}

/** Core's fixed-point activation with the types the IR resolved for a layer (`p`, its prepared precision strings). */
export function coreActivationOf(name: string, input: string, p: { result?: string; table?: string; accum?: string }, rowLength: number, tableSize?: number): FixedActivation {
  return getActivation(name).prepareFixed({
    input: parseType(input),
    result: parseType(p.result!),
    table: p.table ? parseType(p.table) : undefined,
    accum: p.accum ? parseType(p.accum) : undefined,
    tableSize,
    rowLength,
  });
}
