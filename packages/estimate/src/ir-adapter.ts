/**
 * The ONE place where the estimator reads the IR: layer attributes, shapes, precisions and
 * weights of a prepared model become plain `LayerFacts`. Every estimator works on facts only, so a
 * change of the IR's layer representation is an edit of this file.
 */
import { parseType, type FixedType } from '@sparsepixels/core';
import { prepareModel, type LayerIR, type ModelIR } from '@sparsepixels/ir';

/** The ops of IR version 1 (ir/src/ops/builtin.ts); the estimator registry covers each one. */
export type BuiltinOpType =
  | 'InputReduce'
  | 'SparseConv2D'
  | 'SparseActivation'
  | 'SparsePooling2D'
  | 'SparseFlatten'
  | 'Dense'
  | 'Activation'
  | 'Conv2D'
  | 'AveragePooling2D'
  | 'Flatten';

/** A tensor as the estimator sees it: logical shape ([H, W, C] or [n]) and slots when sparse. */
export interface TensorFacts {
  readonly shape: readonly number[];
  readonly slots?: number;
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

function num(attrs: Record<string, unknown> | undefined, key: string): number | undefined {
  const v = attrs?.[key];
  return typeof v === 'number' ? v : undefined;
}

function str(attrs: Record<string, unknown> | undefined, key: string): string | undefined {
  const v = attrs?.[key];
  return typeof v === 'string' ? v : undefined;
}

function typeOf(s: string | undefined): FixedType | undefined {
  return s === undefined || s === 'auto' ? undefined : parseType(s);
}

function layerBuild(layer: LayerIR): Pick<LayerFacts, 'reuseFactor' | 'strategy'> {
  const b = (layer as { build?: { reuseFactor?: number; strategy?: 'latency' | 'resource' } }).build;
  return {
    ...(b?.reuseFactor !== undefined ? { reuseFactor: b.reuseFactor } : {}),
    ...(b?.strategy !== undefined ? { strategy: b.strategy } : {}),
  };
}

/** Facts of a model already prepared by `prepareModel` (shapes inferred, precisions resolved). */
export function modelFacts(model: ModelIR): ModelFacts {
  const input: TensorFacts & { name: string } = {
    name: model.input.name,
    shape: model.input.shape,
    type: parseType(model.input.type),
  };
  const tensors = new Map<string, TensorFacts>([[model.input.name, input]]);
  const consumers = new Map<string, string[]>();
  for (const l of model.layers)
    for (const i of l.inputs) consumers.set(i, [...(consumers.get(i) ?? []), l.name]);
  const layers = model.layers.map((l): LayerFacts => {
    const inTensor = tensors.get(l.inputs[0] ?? '') ?? input;
    const p = l.precision ?? {};
    const out: TensorFacts = {
      shape: l.output?.shape ?? inTensor.shape,
      ...(l.output?.slots !== undefined ? { slots: l.output.slots } : {}),
      type: typeOf(p.result) ?? inTensor.type,
    };
    tensors.set(l.name, out);
    const a = l.attrs;
    const kernelSize = num(a, 'kernelSize');
    const facts: LayerFacts = {
      name: l.name,
      op: l.op,
      inputs: l.inputs,
      input: inTensor,
      output: out,
      consumers: consumers.get(l.name) ?? [],
      ...optional({
        nMax: num(a, 'nMax'),
        filters: num(a, 'filters'),
        kernelSize,
        poolSize: num(a, 'poolSize'),
        poolMode: str(a, 'mode') as 'avg' | 'max' | undefined,
        units: num(a, 'units'),
        activation: str(a, 'activation'),
        tableSize: num(a, 'tableSize'),
        accum: typeOf(p.accum),
        weightType: typeOf(p.weight),
        biasType: typeOf(p.bias),
        tableType: typeOf(p.table),
        kernel: l.weights?.kernel?.values,
      }),
      ...layerBuild(l),
    };
    return facts;
  });
  const b = model.build ?? {};
  return {
    name: model.name,
    input,
    layers,
    outputs: model.outputs,
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
  return modelFacts(prepareModel(doc).model);
}

/** A copy of `doc` with the InputReduce pixel budget set to `nMax` (for N_max sweeps). */
export function withNMax(doc: ModelIR, nMax: number): ModelIR {
  return {
    ...doc,
    name: `${doc.name}_n${nMax}`,
    layers: doc.layers.map((l) => (l.op === 'InputReduce' ? { ...l, attrs: { ...l.attrs, nMax } } : l)),
  };
}

/** The pixel budget of a model (its InputReduce nMax), if it is sparse. */
export function modelNMax(doc: ModelIR): number | undefined {
  const r = doc.layers.find((l) => l.op === 'InputReduce');
  return num(r?.attrs, 'nMax');
}

function optional<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

/** Sparse op -> the standard op of the same base architecture (InputReduce is dropped). */
const STANDARD_OF: Readonly<Record<string, string | null>> = {
  InputReduce: null,
  SparseConv2D: 'Conv2D',
  SparseActivation: 'Activation',
  SparsePooling2D: 'AveragePooling2D',
  SparseFlatten: 'Flatten',
};

/**
 * The standard CNN of the same base architecture as a sparse model (same weights and types,
 * dense convs on the whole image, io_stream as the published standard CNNs), or undefined when
 * the model has no standard twin (max pooling) or is not sparse.
 */
export function standardTwin(doc: ModelIR): ModelIR | undefined {
  const reduce = doc.layers.find((l) => l.op === 'InputReduce');
  if (!reduce) return undefined;
  if (doc.layers.some((l) => l.op === 'SparsePooling2D' && str(l.attrs, 'mode') === 'max')) return undefined;
  const rename = new Map<string, string>([[reduce.name, reduce.inputs[0] ?? doc.input.name]]);
  const layers: LayerIR[] = [];
  for (const l of doc.layers) {
    const to = l.op in STANDARD_OF ? STANDARD_OF[l.op] : l.op;
    if (to === null || to === undefined) continue;
    const attrs = to === 'AveragePooling2D' ? { poolSize: num(l.attrs, 'poolSize') } : l.attrs;
    const { output: _o, ...rest } = l;
    layers.push({
      ...rest,
      op: to,
      inputs: l.inputs.map((i) => rename.get(i) ?? i),
      ...(attrs ? { attrs } : {}),
    });
  }
  return { ...doc, name: `${doc.name}_standard`, layers, build: { ...doc.build, ioType: 'io_stream' } };
}
