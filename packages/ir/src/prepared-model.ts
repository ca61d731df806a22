import { parseType, SparsePixelsError, type FixedType } from '@sparsepixels/core';
import { DIAGNOSTICS, type Diagnostic } from './diagnostics';
import type { LayerIR, ModelIR, PrecisionKey } from './model';
import { resolveAttrs } from './ops/check-attrs';
import type { BuiltinOpType, AttrsOfType, LayerOfType } from './ops/builtin';
import type { OpDef, PreparedLayer, ResolvedPrecision } from './ops/op-def';

export type { PreparedLayer } from './ops/op-def';
import { getOp } from './ops/registry';
import { denseTensor, sparseTensor, type DenseTensorInfo, type TensorInfo } from './ops/tensor-info';

/** The model input, its type parsed once. */
export interface PreparedInput {
  readonly name: string;
  readonly type: FixedType;
  readonly tensor: DenseTensorInfo;
}

/** A model output: the layer (or -1, the input) it reads, its tensor and type. */
export interface PreparedOutput {
  readonly name: string;
  readonly index: number;
  readonly tensor: TensorInfo;
  readonly type: FixedType;
}

const BRAND = Symbol.for('@sparsepixels/ir/prepared-model');

/**
 * What prepareModel returns: the prepared document (types resolved and canonical, shapes
 * inferred), the warnings, and the same model with its types parsed and its tensors described,
 * computed once. Every API that takes a model (createInterpreter, backends' emit) also takes a
 * PreparedModel and then does not prepare again. Read-only by contract.
 */
export interface PreparedModel {
  readonly [BRAND]: true;
  /** The prepared document. */
  readonly model: ModelIR;
  /** The document as given (parsed from JSON when it was a string; not copied). */
  readonly source: unknown;
  readonly warnings: readonly Diagnostic[];
  readonly input: PreparedInput;
  readonly layers: readonly PreparedLayer<LayerIR>[];
  readonly outputs: readonly PreparedOutput[];
  /** The layer named `name`, or undefined. */
  layer(name: string): PreparedLayer<LayerIR> | undefined;
}

export function isPreparedModel(x: unknown): x is PreparedModel {
  return typeof x === 'object' && x !== null && (x as { [BRAND]?: unknown })[BRAND] === true;
}

/** Narrows a prepared layer to built-in op T (typed layer and attributes). */
export function isPreparedLayerOf<T extends BuiltinOpType>(
  p: PreparedLayer<LayerIR>,
  op: T,
): p is PreparedLayer<LayerOfType<T>, AttrsOfType<T>> {
  return p.layer.op === op;
}

function notPrepared(detail: string): never {
  const d = DIAGNOSTICS.notPrepared.at('', detail);
  throw new SparsePixelsError(d.code, d.message);
}

function parsedPrecision(layer: LayerIR): ResolvedPrecision {
  const out: { [K in PrecisionKey]?: FixedType } = {};
  for (const [k, v] of Object.entries(layer.precision ?? {}) as [PrecisionKey, string][]) {
    if (v === 'auto') notPrepared(`layer "${layer.name}" precision.${k} is 'auto'`);
    out[k] = parseType(v);
  }
  if (!out.result) notPrepared(`layer "${layer.name}" has no result type`);
  return Object.freeze(out) as ResolvedPrecision;
}

/** The tensor a prepared layer writes (from `output`, which shape inference filled in). */
function outputTensor(layer: LayerIR, op: OpDef): TensorInfo {
  const o = layer.output;
  if (!o) notPrepared(`layer "${layer.name}" has no inferred shape`);
  return op.outputKind === 'sparse' ? sparseTensor(o.shape, o.nMax ?? 0) : denseTensor(o.shape);
}

/**
 * Parses the types and describes the tensors of a document that went through the pass pipeline
 * (prepareModel calls this; it throws SP7002 for a document that did not).
 */
export function describePrepared(
  model: ModelIR,
  source: unknown,
  warnings: readonly Diagnostic[],
): PreparedModel {
  const input: PreparedInput = Object.freeze({
    name: model.input.name,
    type: parseType(model.input.type),
    tensor: denseTensor(model.input.shape),
  });
  const index = new Map<string, number>([[input.name, -1]]);
  const layers: PreparedLayer<LayerIR>[] = [];
  const typeAt = (i: number) => (i < 0 ? input.type : layers[i]!.precision.result);
  const tensorAt = (i: number) => (i < 0 ? input.tensor : layers[i]!.output);
  model.layers.forEach((layer, i) => {
    const op = getOp(layer.op);
    const inputIndex = layer.inputs.map(
      (r) => index.get(r) ?? notPrepared(`layer "${layer.name}" reads unknown '${r}'`),
    );
    const precision = parsedPrecision(layer);
    layers.push(
      Object.freeze({
        index: i,
        layer,
        op,
        attrs: resolveAttrs(op, layer.attrs),
        inputIndex,
        inputs: inputIndex.map(tensorAt),
        inputTypes: inputIndex.map(typeAt),
        output: outputTensor(layer, op),
        precision,
      }),
    );
    index.set(layer.name, i);
  });
  const outputs = model.outputs.map((name): PreparedOutput => {
    const i = index.get(name) ?? notPrepared(`unknown output '${name}'`);
    return Object.freeze({ name, index: i, tensor: tensorAt(i), type: typeAt(i) });
  });
  const byName = new Map(layers.map((l) => [l.layer.name, l]));
  return Object.freeze({
    [BRAND]: true as const,
    model,
    source,
    warnings,
    input,
    layers: Object.freeze(layers),
    outputs: Object.freeze(outputs),
    layer: (name: string) => byName.get(name),
  });
}
