/**
 * The one place that reads a prepared IR model (layer attrs, precisions, weights, inferred
 * shapes): everything else in this package works on the typed descriptions below, so a change of
 * the IR's layer representation is an edit of this file only.
 */
import {
  V1_RECIPROCAL_BITS,
  defaultSoftmaxConfig,
  fracBits,
  quantizeNumberBig,
  sigmoidTable,
  softmaxTables,
  SparsePixelsError,
  type FixedType,
  type SigmoidTable,
  type SoftmaxTables,
} from '@sparsepixels/core';
import {
  isPreparedLayerOf,
  type AttrsOfType,
  type LayerIR,
  type LayerOfType,
  type ModelIR,
  type PreparedLayer,
  type PreparedModel,
  type TensorInfo,
} from '@sparsepixels/ir';

/** A tensor between layers: sparse (N_MAX slots of C features + hashes on an H x W grid) or dense. */
export interface TensorDesc {
  readonly kind: 'sparse' | 'dense';
  /** [H, W, C] for images (sparse or dense), [n] for vectors. */
  readonly shape: readonly number[];
  /** Slot capacity nMax of a sparse tensor (N_MAX; 0 for a dense one). */
  readonly nMax: number;
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
  /** avg only: F of r = floor(2^F/P)/2^F (the prepared reciprocalBits; 10 in v1). */
  readonly reciprocalBits?: number;
}

export interface SparseGlobalPoolDesc extends LayerBase {
  readonly op: 'SparseGlobalPooling2D';
  readonly mode: 'avg' | 'max';
  /** avg only. */
  readonly accum?: FixedType;
  /** avg only: F of r_k = floor(2^F/k)/2^F (the prepared reciprocalBits). */
  readonly reciprocalBits?: number;
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

export type LayerDesc =
  | InputReduceDesc
  | SparseConvDesc
  | SparsePoolDesc
  | SparseGlobalPoolDesc
  | SparseFlattenDesc
  | DenseDesc
  | ActivationDesc;

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
  /** activity "mask": every sparse tensor carries a validity bit per slot (docs/semantics.md 5.1). */
  readonly mask: boolean;
}

function fail(message: string, where?: string): never {
  throw new SparsePixelsError('SP_RTL_MODEL', message, where);
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

function tensorOf(t: TensorInfo, type: FixedType): TensorDesc {
  return { kind: t.kind, shape: t.shape, nMax: t.kind === 'sparse' ? t.nMax : 0, type };
}

function macDesc(p: PreparedLayer<LayerIR>, where: string): MacDesc {
  const weight = p.precision.weight ?? fail('has no weight type', where);
  const kernel = p.layer.weights?.['kernel'] ?? fail('has no kernel', where);
  const b = p.layer.weights?.['bias'];
  const bias = b ? (p.precision.bias ?? fail('has a bias but no bias type', where)) : undefined;
  return {
    weight,
    accum: p.precision.accum ?? p.precision.result,
    weights: raws(kernel.values, weight, where),
    ...(b && bias ? { bias, biases: raws(b.values, bias, where) } : {}),
  };
}

function activationDesc(
  p: PreparedLayer<LayerOfType<'Activation' | 'SparseActivation'>, AttrsOfType<'Activation'>>,
  base: LayerBase,
): ActivationDesc {
  const op = p.layer.op;
  const { activation, tableSize } = p.attrs;
  const rowLength = op === 'SparseActivation' ? (base.input.shape[2] ?? 1) : base.input.shape.reduce((a, b) => a * b, 1);
  const { table, accum } = p.precision;
  // a logits head skips the table: its input converted to the result type, exactly like linear
  if (p.attrs.output === 'logits') return { ...base, op, activation: 'linear', rowLength };
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

function layerDesc(p: PreparedLayer<LayerIR>, base: LayerBase): LayerDesc {
  const where = `layer "${p.layer.name}"`;
  if (isPreparedLayerOf(p, 'InputReduce')) {
    return { ...base, op: 'InputReduce', thresholdRaw: quantizeNumberBig(p.attrs.threshold, base.input.type) };
  }
  if (isPreparedLayerOf(p, 'SparseConv2D')) {
    const { kernelSize: k, filters: cout } = p.attrs;
    return { ...base, op: 'SparseConv2D', k, cin: base.input.shape[2] ?? 1, cout, ...macDesc(p, where) };
  }
  if (isPreparedLayerOf(p, 'SparsePooling2D')) {
    const { mode, poolSize, reciprocalBits } = p.attrs;
    const accum = mode === 'avg' ? p.precision.accum : undefined;
    // r = floor(2^F/P)/2^F with the prepared F (docs/semantics.md section 5.2)
    const recip = mode === 'avg' ? { reciprocalBits: reciprocalBits ?? V1_RECIPROCAL_BITS } : {};
    return { ...base, op: 'SparsePooling2D', p: poolSize, mode, ...(accum ? { accum } : {}), ...recip };
  }
  if (isPreparedLayerOf(p, 'SparseGlobalPooling2D')) {
    const { mode, reciprocalBits } = p.attrs;
    if (mode === 'max') return { ...base, op: 'SparseGlobalPooling2D', mode };
    // prepareModel infers F when the document leaves it out (docs/semantics.md section 5.6)
    const bits = reciprocalBits ?? fail('has no prepared reciprocalBits', where);
    return { ...base, op: 'SparseGlobalPooling2D', mode, reciprocalBits: bits, ...(p.precision.accum ? { accum: p.precision.accum } : {}) };
  }
  if (isPreparedLayerOf(p, 'SparseFlatten')) return { ...base, op: 'SparseFlatten' };
  if (isPreparedLayerOf(p, 'Dense')) {
    return { ...base, op: 'Dense', nIn: base.input.shape[0] ?? 0, nOut: p.attrs.units, ...macDesc(p, where) };
  }
  if (isPreparedLayerOf(p, 'SparseActivation') || isPreparedLayerOf(p, 'Activation')) return activationDesc(p, base);
  return fail(`op ${p.layer.op} has no RTL implementation (the rtl backend emits the sparse path and the dense head)`, where);
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

/** The typed description of a prepared model (prepareModel's output, read once). */
export function describeModel(prepared: PreparedModel): ModelDesc {
  const { model } = prepared;
  checkBuild(model);
  const input = { name: prepared.input.name, ...tensorOf(prepared.input.tensor, prepared.input.type) };
  const layers: LayerDesc[] = prepared.layers.map((p) => {
    const where = `layer "${p.layer.name}"`;
    if (p.inputIndex.length !== 1) fail(`has ${p.inputIndex.length} inputs; the rtl backend supports chains of one-input layers`, where);
    const source = p.inputIndex[0]!;
    const base: LayerBase = {
      index: p.index,
      name: p.layer.name,
      source,
      input: tensorOf(p.inputs[0]!, p.inputTypes[0]!),
      output: tensorOf(p.output, p.precision.result),
    };
    return layerDesc(p, base);
  });
  const build = model.build ?? {};
  return {
    name: model.name,
    project: build.project ?? 'myproject',
    input,
    layers,
    outputs: prepared.outputs.map((o) => o.index),
    outputNames: prepared.outputs.map((o) => o.name),
    clockPeriod: build.clockPeriod ?? 5,
    part: build.part ?? 'xcu250-figd2104-2L-e',
    mask: prepared.activity === 'mask',
  };
}
