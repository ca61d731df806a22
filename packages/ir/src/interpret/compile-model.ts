import { fracBits, SparsePixelsError, type FixedType } from '@sparsepixels/core';
import { DIAGNOSTICS } from '../diagnostics';
import type { LayerIR } from '../model';
import type { OpDef, ResolvedPrecision } from '../ops/op-def';
import type { PreparedLayer, PreparedModel } from '../prepared-model';
import { weightRaws } from '../precision/weight-raws';
import type { CompileContext } from '../ops/op-def';
import type { CompiledWeight } from './runtime';

/** One layer of a compiled model: its prepared layer plus its weights converted once. */
export interface CompiledLayer {
  readonly op: OpDef;
  readonly layer: LayerIR;
  /** Index of each input in the layer list; -1 is the model input. */
  readonly inputIndex: readonly number[];
  readonly ctx: CompileContext<LayerIR>;
  /** Raw values per event of the output (nMax*C for sparse, the tensor size for dense). */
  readonly size: number;
}

export interface CompiledModel {
  readonly prepared: PreparedModel;
  readonly layers: readonly CompiledLayer[];
  /** Layer index of each model output (-1 = the input itself). */
  readonly outputIndex: readonly number[];
}

function notPrepared(detail: string): never {
  const d = DIAGNOSTICS.notPrepared.at('', detail);
  throw new SparsePixelsError(d.code, d.message);
}

function compiledWeights(op: OpDef, layer: LayerIR, precision: ResolvedPrecision): Record<string, CompiledWeight> {
  const out: Record<string, CompiledWeight> = {};
  for (const spec of op.weights) {
    const w = layer.weights?.[spec.name];
    const type = precision[spec.precision];
    if (!w) continue;
    if (!type) notPrepared(`layer "${layer.name}" has no ${spec.precision} type`);
    const c = weightRaws(w.values, type);
    if (c.offGrid || c.outOfRange) notPrepared(`layer "${layer.name}" weight '${spec.name}' is not on its grid`);
    const raw = type.width > 53 ? c.raws : Float64Array.from(c.raws, Number);
    out[spec.name] = { type, raw, values: Float64Array.from(w.values) };
  }
  return out;
}

function compileLayer(p: PreparedLayer<LayerIR>): CompiledLayer {
  const ctx: CompileContext<LayerIR> = { ...p, weights: compiledWeights(p.op, p.layer, p.precision) };
  return { op: p.op, layer: p.layer, inputIndex: p.inputIndex, ctx, size: p.output.size };
}

/** Converts the weights of a prepared model once (no per-event work); types and shapes come prepared. */
export function compileModel(prepared: PreparedModel): CompiledModel {
  return { prepared, layers: prepared.layers.map(compileLayer), outputIndex: prepared.outputs.map((o) => o.index) };
}

/** Raw-to-number scale of a type (values = raw * 2^-F). */
export function rawScale(t: FixedType): number {
  return 2 ** -fracBits(t);
}
