/**
 * The one place that reads a prepared IR model (layer attrs, precisions, weights, inferred
 * shapes): everything else in this package works on the typed descriptions below, so a change of
 * the IR's layer representation is an edit of this file only.
 */
import {
  defaultSoftmaxConfig,
  fracBits,
  parseType,
  quantizeNumberBig,
  sigmoidTable,
  softmaxTables,
  SparsePixelsError,
  type FixedType,
  type SigmoidTable,
  type SoftmaxTables,
} from '@sparsepixels/core';
import type { LayerIR, ModelIR } from '@sparsepixels/ir';

/** A tensor between layers: sparse (N slots of C features + hashes on an H x W grid) or dense. */
export interface TensorDesc {
  readonly kind: 'sparse' | 'dense';
  /** [H, W, C] for images (sparse or dense), [n] for vectors. */
  readonly shape: readonly number[];
  /** Slot capacity N of a sparse tensor. */
  readonly slots: number;
  readonly type: FixedType;
}

interface LayerBase {
  /** Position in the model's layer list (0-based). */
  readonly index: number;
  readonly name: string;
  /** Index of the producing layer, -1 for the model input. */
  readonly source: number;
  readonly input: TensorDesc;
  readonly output: TensorDesc;
}

export interface InputReduceDesc extends LayerBase {
  readonly op: 'InputReduce';
  /** The threshold cast to the input type (its own Q/O), as a raw. */
  readonly thresholdRaw: bigint;
}

/** Weights and types of a multiply-accumulate layer (raws on their types' grids). */
export interface MacDesc {
  readonly weight: FixedType;
  readonly bias?: FixedType;
  readonly accum: FixedType;
  /** Keras layout: conv (kh, kw, cin, cout), dense (in, out); the output index is fastest. */
  readonly weights: readonly bigint[];
  readonly biases?: readonly bigint[];
}

export interface SparseConvDesc extends LayerBase, MacDesc {
  readonly op: 'SparseConv2D';
  readonly k: number;
  readonly cin: number;
  readonly cout: number;
}

export interface SparsePoolDesc extends LayerBase {
  readonly op: 'SparsePooling2D';
  readonly p: number;
  readonly mode: 'avg' | 'max';
  /** avg only. */
  readonly accum?: FixedType;
}

export interface SparseFlattenDesc extends LayerBase {
  readonly op: 'SparseFlatten';
}

export interface DenseDesc extends LayerBase, MacDesc {
  readonly op: 'Dense';
  readonly nIn: number;
  readonly nOut: number;
}

export type ActivationName = 'relu' | 'linear' | 'sigmoid' | 'softmax';

export interface ActivationDesc extends LayerBase {
  readonly op: 'SparseActivation' | 'Activation';
  readonly activation: ActivationName;
  /** Values normalised together (softmax: a vector, or one slot's channels). */
  readonly rowLength: number;
  readonly sigmoid?: SigmoidTable;
  readonly softmax?: SoftmaxTables;
}

export type LayerDesc = InputReduceDesc | SparseConvDesc | SparsePoolDesc | SparseFlattenDesc | DenseDesc | ActivationDesc;

export interface ModelDesc {
  readonly name: string;
  /** build.project (the top module's name). */
  readonly project: string;
  readonly input: TensorDesc & { readonly name: string };
  readonly layers: readonly LayerDesc[];
  /** Layer index of each model output (-1 = the input). */
  readonly outputs: readonly number[];
  readonly outputNames: readonly string[];
  /** build.clockPeriod in ns. */
  readonly clockPeriod: number;
  readonly part: string;
}

function fail(message: string, where?: string): never {
  throw new SparsePixelsError('SP_RTL_MODEL', message, where);
}

const attr = <T>(l: LayerIR, key: string): T => (l.attrs ?? {})[key] as T;

function precisionOf(l: LayerIR, key: 'result' | 'accum' | 'weight' | 'bias' | 'table'): FixedType | undefined {
  const s = l.precision?.[key];
  if (s === undefined) return undefined;
  if (s === 'auto') fail(`precision.${key} is still 'auto' (prepare the model first)`, `layer "${l.name}"`);
  return parseType(s);
}

/** Raws of real values that lie on t's grid (prepareModel checked it). */
function raws(values: readonly number[], t: FixedType, where: string): bigint[] {
  const scale = 2 ** fracBits(t);
  return values.map((v) => {
    const r = v * scale;
    if (!Number.isInteger(r)) fail(`weight ${v} is not on the grid of its type`, where);
    return BigInt(r);
  });
}

function tensorOf(l: LayerIR, type: FixedType): TensorDesc {
  const out = l.output;
  if (!out) fail('has no inferred shape (prepare the model first)', `layer "${l.name}"`);
  return { kind: out.slots !== undefined ? 'sparse' : 'dense', shape: out.shape, slots: out.slots ?? 0, type };
}

function macDesc(l: LayerIR, where: string): MacDesc {
  const weight = precisionOf(l, 'weight') ?? fail('has no weight type', where);
  const accum = precisionOf(l, 'accum') ?? precisionOf(l, 'result')!;
  const kernel = l.weights?.['kernel'] ?? fail('has no kernel', where);
  const b = l.weights?.['bias'];
  const bias = b ? (precisionOf(l, 'bias') ?? fail('has a bias but no bias type', where)) : undefined;
  return {
    weight,
    accum,
    weights: raws(kernel.values, weight, where),
    ...(b && bias ? { bias, biases: raws(b.values, bias, where) } : {}),
  };
}

function activationDesc(l: LayerIR, base: LayerBase, op: ActivationDesc['op']): ActivationDesc {
  const activation = attr<ActivationName>(l, 'activation');
  const rowLength = op === 'SparseActivation' ? (base.input.shape[2] ?? 1) : base.input.shape.reduce((a, b) => a * b, 1);
  const tableSize = attr<number | undefined>(l, 'tableSize');
  const table = precisionOf(l, 'table');
  const accum = precisionOf(l, 'accum');
  if (activation === 'sigmoid') {
    return { ...base, op, activation, rowLength, sigmoid: sigmoidTable({ ...(tableSize ? { tableSize } : {}), ...(table ? { tableType: table } : {}) }) };
  }
  if (activation === 'softmax') {
    const overrides = {
      ...(table && { expType: table, invType: table }),
      ...(accum && { sumType: accum }),
      ...(tableSize !== undefined && { expTableSize: tableSize, invTableSize: tableSize }),
    };
    return { ...base, op, activation, rowLength, softmax: softmaxTables(defaultSoftmaxConfig(rowLength, overrides)) };
  }
  return { ...base, op, activation, rowLength };
}

function layerDesc(l: LayerIR, base: LayerBase): LayerDesc {
  const where = `layer "${l.name}"`;
  switch (l.op) {
    case 'InputReduce':
      return { ...base, op: 'InputReduce', thresholdRaw: quantizeNumberBig(attr<number>(l, 'threshold'), base.input.type) };
    case 'SparseConv2D':
      return {
        ...base,
        op: 'SparseConv2D',
        k: attr<number>(l, 'kernelSize'),
        cin: base.input.shape[2] ?? 1,
        cout: attr<number>(l, 'filters'),
        ...macDesc(l, where),
      };
    case 'SparsePooling2D': {
      const mode = attr<'avg' | 'max'>(l, 'mode');
      const accum = mode === 'avg' ? precisionOf(l, 'accum') : undefined;
      return { ...base, op: 'SparsePooling2D', p: attr<number>(l, 'poolSize'), mode, ...(accum ? { accum } : {}) };
    }
    case 'SparseFlatten':
      return { ...base, op: 'SparseFlatten' };
    case 'Dense':
      return { ...base, op: 'Dense', nIn: base.input.shape[0] ?? 0, nOut: attr<number>(l, 'units'), ...macDesc(l, where) };
    case 'SparseActivation':
    case 'Activation':
      return activationDesc(l, base, l.op);
    default:
      return fail(`op ${l.op} has no RTL implementation (the rtl backend emits the sparse path and the dense head)`, where);
  }
}

/**
 * Build hints the RTL design cannot honour are refused, one line each (the HLS tool settings:
 * its pipeline is its own and fully parallel per beat, its threshold a constant).
 */
function checkBuild(model: ModelIR): void {
  const b = model.build ?? {};
  const refuse = (what: string, why: string) => fail(`/build/${what} is not supported by the rtl backend: ${why}`);
  if (b.ioType !== undefined && b.ioType !== 'io_parallel') refuse('ioType', `"${b.ioType}" (the design takes the whole input at once)`);
  if (b.reuseFactor !== undefined && b.reuseFactor !== 1) refuse('reuseFactor', `${b.reuseFactor} (the design schedules its own sharing: beats)`);
  if (b.strategy !== undefined && b.strategy !== 'latency') refuse('strategy', `"${b.strategy}"`);
  if (b.pipelineStyle !== undefined && b.pipelineStyle === 'pipeline') refuse('pipelineStyle', '"pipeline" (the design is one pipeline of layer modules)');
  if (b.clockUncertainty !== undefined) refuse('clockUncertainty', 'an HLS scheduling setting');
  if (b.thresholdInput === true) refuse('thresholdInput', 'the InputReduce threshold is a constant of the design');
  for (const l of model.layers) {
    if (l.build?.reuseFactor !== undefined && l.build.reuseFactor !== 1)
      fail(`build.reuseFactor ${l.build.reuseFactor} is not supported by the rtl backend`, `layer "${l.name}"`);
    if (l.build?.strategy !== undefined && l.build.strategy !== 'latency')
      fail(`build.strategy "${l.build.strategy}" is not supported by the rtl backend`, `layer "${l.name}"`);
  }
}

/** The typed description of a prepared model (prepareModel's output). */
export function describeModel(model: ModelIR): ModelDesc {
  checkBuild(model);
  const inputType = parseType(model.input.type);
  const input = { name: model.input.name, kind: 'dense' as const, shape: model.input.shape, slots: 0, type: inputType };
  const index = new Map<string, number>([[model.input.name, -1]]);
  const layers: LayerDesc[] = [];
  model.layers.forEach((l, i) => {
    const where = `layer "${l.name}"`;
    if (l.inputs.length !== 1) fail(`has ${l.inputs.length} inputs; the rtl backend supports chains of one-input layers`, where);
    const source = index.get(l.inputs[0]!) ?? fail(`unknown input '${l.inputs[0]}'`, where);
    const inTensor = source < 0 ? input : layers[source]!.output;
    const result = precisionOf(l, 'result') ?? fail('has no result type (prepare the model first)', where);
    const base: LayerBase = { index: i, name: l.name, source, input: inTensor, output: tensorOf(l, result) };
    layers.push(layerDesc(l, base));
    index.set(l.name, i);
  });
  const outputs = model.outputs.map((o) => index.get(o) ?? fail(`unknown output '${o}'`));
  const build = model.build ?? {};
  return {
    name: model.name,
    project: build.project ?? 'myproject',
    input,
    layers,
    outputs,
    outputNames: model.outputs,
    clockPeriod: build.clockPeriod ?? 5,
    part: build.part ?? 'xcu250-figd2104-2L-e',
  };
}
