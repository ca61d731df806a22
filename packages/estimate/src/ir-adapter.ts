/**
 * The ONE place where the estimator reads the IR: layer attributes, shapes, precisions and
 * weights of a prepared model become plain `LayerFacts`. Every estimator works on facts only, so a
 * change of the IR's layer representation is an edit of this file.
 */
import type { FixedType } from '@sparsepixels/core';
import {
  findInputReduce,
  findOp,
  isLayerOf,
  prepareModel,
  type LayerIR,
  type ModelIR,
  type PreparedLayer,
  type PreparedModel,
  type TensorInfo,
} from '@sparsepixels/ir';
import { findEstimator } from './ops/registry';

/** The ops of the IR's registry; the estimator registry covers each one. */
export type { BuiltinOpType } from '@sparsepixels/ir';

/** A tensor as the estimator sees it: logical shape ([H, W, C] or [n]) and the slot capacity nMax when sparse. */
export interface TensorFacts {
  readonly shape: readonly number[];
  readonly nMax?: number;
  readonly type: FixedType;
}

/** Everything an op estimator may use about one layer. */
export interface LayerFacts {
  readonly name: string;
  readonly op: string;
  /** Names of the tensors it reads (the model input or other layers). */
  readonly inputs: readonly string[];
  readonly input: TensorFacts;
  readonly output: TensorFacts;
  /** Op attributes the estimators read (absent when the op has none). */
  readonly nMax?: number;
  readonly filters?: number;
  readonly kernelSize?: number;
  readonly poolSize?: number;
  readonly poolMode?: 'avg' | 'max';
  readonly reciprocalBits?: number;
  readonly units?: number;
  readonly activation?: string;
  readonly tableSize?: number;
  /** Resolved precisions (result always). */
  readonly accum?: FixedType;
  readonly weightType?: FixedType;
  readonly biasType?: FixedType;
  readonly tableType?: FixedType;
  /** Kernel values (row-major) when the layer has weights: non-zero counts and trivial multipliers. */
  readonly kernel?: readonly number[];
  /** Names of the layers that read this layer's output. */
  readonly consumers: readonly string[];
  /** Per-layer build overrides (hls4ml-style config), when present. */
  readonly reuseFactor?: number;
  readonly strategy?: 'latency' | 'resource';
}

/** Whole-model facts. */
export interface ModelFacts {
  readonly name: string;
  readonly input: TensorFacts & { readonly name: string };
  readonly layers: readonly LayerFacts[];
  readonly outputs: readonly string[];
  readonly build: {
    readonly part?: string;
    readonly clockPeriod?: number;
    readonly reuseFactor?: number;
    readonly strategy?: 'latency' | 'resource';
    readonly ioType?: 'io_parallel' | 'io_stream';
  };
}

/** The op attributes the estimators read: each op's estimator maps its typed, resolved attributes (`facts`). */
function attrFacts(p: PreparedLayer<LayerIR>): Partial<LayerFacts> {
  // the registry is keyed by op, so the estimator found reads the attributes of its own op
  return findEstimator(p.layer.op)?.facts?.(p.attrs as never) ?? {};
}

/** A prepared tensor with its type, as the estimator sees it. */
function tensorFacts(t: TensorInfo, type: FixedType): TensorFacts {
  return { shape: t.shape, ...(t.kind === 'sparse' ? { nMax: t.nMax } : {}), type };
}

/**
 * Facts of a model: a PreparedModel (its parsed types and tensors are read as they are), or a
 * document, prepared here.
 */
export function modelFacts(model: PreparedModel | ModelIR): ModelFacts {
  const prepared = prepareModel(model);
  const { model: doc } = prepared;
  const input: TensorFacts & { name: string } = {
    name: doc.input.name,
    ...tensorFacts(prepared.input.tensor, prepared.input.type),
  };
  const consumers = new Map<string, string[]>();
  for (const l of doc.layers)
    for (const i of l.inputs) consumers.set(i, [...(consumers.get(i) ?? []), l.name]);
  const outputs: TensorFacts[] = [];
  const layers = prepared.layers.map((p): LayerFacts => {
    const l = p.layer;
    const from = p.inputIndex[0] ?? -1;
    const inTensor = from < 0 ? input : outputs[from]!;
    const out = tensorFacts(p.output, p.precision.result);
    outputs.push(out);
    return {
      name: l.name,
      op: l.op,
      inputs: l.inputs,
      input: inTensor,
      output: out,
      consumers: consumers.get(l.name) ?? [],
      ...attrFacts(p),
      ...optional({
        accum: p.precision.accum,
        weightType: p.precision.weight,
        biasType: p.precision.bias,
        tableType: p.precision.table,
        kernel: l.weights?.['kernel']?.values,
        reuseFactor: l.build?.reuseFactor,
        strategy: l.build?.strategy,
      }),
    };
  });
  const b = doc.build ?? {};
  return {
    name: doc.name,
    input,
    layers,
    outputs: doc.outputs,
    build: optional({
      part: b.part,
      clockPeriod: b.clockPeriod,
      reuseFactor: b.reuseFactor,
      strategy: b.strategy,
      ioType: b.ioType,
    }),
  };
}

/** Validates and prepares an IR document (object or JSON text), then reads its facts. */
export function documentFacts(doc: unknown): ModelFacts {
  return modelFacts(prepareModel(doc));
}

/** A copy of `doc` with the InputReduce pixel budget set to `nMax` (for N_max sweeps). */
export function withNMax(doc: ModelIR, nMax: number): ModelIR {
  return {
    ...doc,
    name: `${doc.name}_n${nMax}`,
    layers: doc.layers.map((l) => (isLayerOf(l, 'InputReduce') ? { ...l, attrs: { ...l.attrs, nMax } } : l)),
  };
}

/** The pixel budget of a model (its InputReduce nMax), if it is sparse. */
export function modelNMax(doc: ModelIR): number | undefined {
  return findInputReduce(doc)?.attrs.nMax;
}

function optional<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

/**
 * The standard op of the same base architecture of a sparse layer, same weights and types (null:
 * dropped, as InputReduce; undefined: no standard twin, as max pooling); other layers are kept.
 */
function standardLayer(l: LayerIR, inputs: string[]): LayerIR | null | undefined {
  const { output: _o, ...rest } = l;
  if (isLayerOf(rest, 'InputReduce')) return null;
  if (isLayerOf(rest, 'SparseConv2D')) return { ...rest, op: 'Conv2D', inputs };
  if (isLayerOf(rest, 'SparseActivation')) return { ...rest, op: 'Activation', inputs };
  if (isLayerOf(rest, 'SparseFlatten')) return { ...rest, op: 'Flatten', inputs };
  if (isLayerOf(rest, 'SparsePooling2D'))
    return rest.attrs.mode === 'max'
      ? undefined
      : { ...rest, op: 'AveragePooling2D', inputs, attrs: { poolSize: rest.attrs.poolSize } };
  if (findOp(rest.op)?.sparse) return undefined; // a sparse op without a standard twin (SparseGlobalPooling2D)
  return { ...rest, inputs } as LayerIR;
}

/**
 * The standard CNN of the same base architecture as a sparse model (same weights and types,
 * dense convs on the whole image, io_stream as the published standard CNNs), or undefined when
 * the model has no standard twin (max pooling) or is not sparse.
 */
export function standardTwin(doc: ModelIR): ModelIR | undefined {
  const reduce = findInputReduce(doc);
  if (!reduce) return undefined;
  const rename = new Map<string, string>([[reduce.name, reduce.inputs[0] ?? doc.input.name]]);
  const layers: LayerIR[] = [];
  for (const l of doc.layers) {
    const twin = standardLayer(
      l,
      l.inputs.map((i) => rename.get(i) ?? i),
    );
    if (twin === undefined) return undefined;
    if (twin) layers.push(twin);
  }
  return { ...doc, name: `${doc.name}_standard`, layers, build: { ...doc.build, ioType: 'io_stream' } };
}
