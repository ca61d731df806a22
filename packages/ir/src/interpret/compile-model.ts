import { fracBits, parseType, type FixedType } from '@sparsepixels/core';
import { DIAGNOSTICS } from '../diagnostics';
import type { LayerIR, ModelIR, PrecisionKey } from '../model';
import type { OpDef, ResolvedPrecision, TensorInfo } from '../ops/op-def';
import { sizeOf } from '../ops/op-helpers';
import { getOp } from '../ops/registry';
import { inputTensor, tensorOf } from '../passes/infer-shapes';
import { weightRaws } from '../precision/weight-raws';
import type { CompileContext, CompiledWeight } from './runtime';
import { SparsePixelsError } from '@sparsepixels/core';

/** One layer of a compiled model: where its input comes from and what it produces. */
export interface CompiledLayer {
  readonly layer: LayerIR;
  readonly op: OpDef;
  /** Index of each input in the layer list; -1 is the model input. */
  readonly inputIndex: readonly number[];
  readonly ctx: CompileContext;
  /** Raw values per event of the output (N*C for sparse, the tensor size for dense). */
  readonly size: number;
}

export interface CompiledModel {
  readonly model: ModelIR;
  readonly inputType: FixedType;
  readonly input: TensorInfo;
  readonly layers: readonly CompiledLayer[];
  /** Layer index of each model output (-1 = the input itself). */
  readonly outputIndex: readonly number[];
}

function notPrepared(detail: string): never {
  const d = DIAGNOSTICS.notPrepared.at('', detail);
  throw new SparsePixelsError(d.code, d.message);
}

function resolvedPrecision(layer: LayerIR): ResolvedPrecision {
  const out: { [K in PrecisionKey]?: FixedType } = {};
  for (const [k, v] of Object.entries(layer.precision ?? {}) as [PrecisionKey, string][]) {
    if (v === 'auto') notPrepared(`layer "${layer.name}" precision.${k} is 'auto'`);
    out[k] = parseType(v);
  }
  if (!out.result) notPrepared(`layer "${layer.name}" has no result type`);
  return out as ResolvedPrecision;
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

/** Resolves types, shapes and weights of a prepared model once (no per-event work). */
export function compileModel(model: ModelIR): CompiledModel {
  const inputType = parseType(model.input.type);
  const input = inputTensor(model);
  if (!input) notPrepared('bad input shape');
  const index = new Map<string, number>([[model.input.name, -1]]);
  const types: FixedType[] = [];
  const tensors: TensorInfo[] = [];
  const typeAt = (i: number) => (i < 0 ? inputType : types[i]!);
  const tensorAt = (i: number) => (i < 0 ? input : tensors[i]!);
  const layers = model.layers.map((layer, li): CompiledLayer => {
    const op = getOp(layer.op);
    const output = tensorOf(layer);
    if (!output) notPrepared(`layer "${layer.name}" has no inferred shape`);
    const precision = resolvedPrecision(layer);
    const inputIndex = layer.inputs.map((r) => index.get(r) ?? notPrepared(`unknown input '${r}'`));
    const ctx: CompileContext = {
      layer,
      inputs: inputIndex.map(tensorAt),
      output,
      inputTypes: inputIndex.map(typeAt),
      precision,
      weights: compiledWeights(op, layer, precision),
    };
    index.set(layer.name, li);
    types.push(precision.result);
    tensors.push(output);
    const size = output.kind === 'sparse' ? (output.slots ?? 0) * (output.shape[2] ?? 1) : sizeOf(output.shape);
    return { layer, op, inputIndex, ctx, size };
  });
  const outputIndex = model.outputs.map((r) => index.get(r) ?? notPrepared(`unknown output '${r}'`));
  return { model, inputType, input, layers, outputIndex };
}

/** Raw-to-number scale of a type (values = raw * 2^-F). */
export function rawScale(t: FixedType): number {
  return 2 ** -fracBits(t);
}
