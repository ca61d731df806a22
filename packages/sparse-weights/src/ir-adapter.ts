/**
 * The one place this package reads IR layer attributes, precisions and weights (from the typed
 * prepared layers of @sparsepixels/ir, docs/op-contract.md). A MAC layer is a
 * layer whose outputs are multiply-accumulate sums over a weight tensor: Dense, Conv2D and
 * SparseConv2D (docs/semantics.md#accumulation-order gives their orders and bias rules).
 */
import { fracBits, parseType, SparsePixelsError, type FixedType } from '@sparsepixels/core';
import {
  isPreparedLayerOf,
  isPreparedModel,
  prepareModel,
  type LayerIR,
  type ModelIR,
  type PreparedLayer,
  type PreparedModel,
} from '@sparsepixels/ir';

/** A model as every function of this package takes it: a document, or one prepared already. */
export type ModelInput = ModelIR | PreparedModel;

export type MacKind = 'dense' | 'conv2d' | 'sparse-conv2d';

export interface MacTypes {
  readonly input: FixedType;
  readonly weight: FixedType;
  readonly bias: FixedType;
  readonly accum: FixedType;
  readonly result: FixedType;
}

export interface MacLayer {
  readonly name: string;
  readonly op: string;
  readonly kind: MacKind;
  /** The tensor this layer reads: another layer's name or the model input's. */
  readonly input: string;
  /** Dense: [n_in]; convolutions: [H, W, C_in]. */
  readonly inputShape: readonly number[];
  /** Slot capacity N of a sparse input. */
  readonly nMax?: number;
  /** Kernel size K (1 for Dense). */
  readonly k: number;
  /** Input channels per tap (n_in for Dense). */
  readonly cin: number;
  readonly cout: number;
  /** Weights per output channel: K*K*C_in (n_in for Dense). */
  readonly fanIn: number;
  readonly kernelShape: readonly number[];
  /** Kernel raws of `types.weight`, Keras layout (output channel fastest). */
  readonly kernel: readonly bigint[];
  /** Bias raws of `types.bias`; absent = no bias tensor (zeros of ap_uint<1>). */
  readonly bias?: readonly bigint[];
  /** 'first': acc starts at the bias; 'if-nonzero': acc += bias only when acc != 0 (SparseConv2D). */
  readonly biasRule: 'first' | 'if-nonzero';
  readonly types: MacTypes;
  /** Worst-case multiplications per event, as `inspect` counts them (the op registry's count). */
  readonly denseMacs: number;
}

/** The MAC ops: their kind and bias rule. Attributes and counts come from the typed prepared layers. */
const MAC_OPS: Readonly<Record<string, { readonly kind: MacKind; readonly biasRule: MacLayer['biasRule'] }>> = {
  Dense: { kind: 'dense', biasRule: 'first' },
  Conv2D: { kind: 'conv2d', biasRule: 'first' },
  SparseConv2D: { kind: 'sparse-conv2d', biasRule: 'if-nonzero' },
};

export function isMacOp(op: string): boolean {
  return Object.hasOwn(MAC_OPS, op);
}

/** Kernel size and output channels of a MAC layer, from its typed attributes. */
function geometry(p: PreparedLayer<LayerIR>): { k: number; cout: number } | undefined {
  if (isPreparedLayerOf(p, 'Dense')) return { k: 1, cout: p.attrs.units };
  if (isPreparedLayerOf(p, 'Conv2D') || isPreparedLayerOf(p, 'SparseConv2D'))
    return { k: p.attrs.kernelSize, cout: p.attrs.filters };
  return undefined;
}

/** Raws of grid values (exact: a power-of-two scaling of values the IR keeps on the type's grid). */
export function valuesToRaws(values: readonly number[], t: FixedType): bigint[] {
  const scale = 2 ** fracBits(t);
  return values.map((v) => BigInt(v * scale));
}

export function rawsToValues(raws: readonly bigint[], t: FixedType): number[] {
  const scale = 2 ** -fracBits(t);
  return raws.map((r) => Number(r) * scale);
}

/** The MAC layers of a model (prepared here unless it is a PreparedModel already), in layer order. */
export function macLayers(doc: ModelInput): MacLayer[] {
  const prepared = prepareModel(doc);
  const out: MacLayer[] = [];
  for (const p of prepared.layers) {
    const a = MAC_OPS[p.layer.op];
    const g = geometry(p);
    const src = p.inputs[0];
    if (!a || !g || !src) continue;
    const l = p.layer;
    const { weight, accum } = p.precision;
    const bias = p.precision.bias ?? parseType('ap_uint<1>');
    const kernel = l.weights!['kernel']!;
    const cin = a.kind === 'dense' ? (src.shape[0] ?? 0) : (src.shape[2] ?? 0);
    const biasW = l.weights?.['bias'];
    out.push({
      name: l.name,
      op: l.op,
      kind: a.kind,
      input: l.inputs[0]!,
      inputShape: src.shape,
      ...(src.kind === 'sparse' ? { nMax: src.nMax } : {}),
      k: g.k,
      cin,
      cout: g.cout,
      fanIn: g.k * g.k * cin,
      kernelShape: kernel.shape,
      kernel: valuesToRaws(kernel.values, weight!),
      ...(biasW ? { bias: valuesToRaws(biasW.values, bias) } : {}),
      biasRule: a.biasRule,
      types: { input: p.inputTypes[0]!, weight: weight!, bias, accum: accum!, result: p.precision.result },
      denseMacs: p.op.opCount(p.attrs, p.inputs),
    });
  }
  return out;
}

/** The document with one layer's kernel (and bias) replaced by these raws (e.g. read back from a store). */
export function withLayerWeights(
  doc: ModelInput,
  layer: string,
  kernel: readonly bigint[],
  bias?: readonly bigint[],
): ModelIR {
  const prepared = prepareModel(doc);
  const p = prepared.layer(layer);
  if (!p || !isMacOp(p.layer.op))
    throw new SparsePixelsError('SP_WEIGHT_STORE', `model has no Dense/Conv2D/SparseConv2D layer "${layer}"`);
  const copy = structuredClone(isPreparedModel(doc) ? doc.model : (doc as ModelIR));
  const target = copy.layers.find((x) => x.name === layer)!;
  const w = target.weights!;
  w['kernel'] = { shape: w['kernel']!.shape, values: rawsToValues(kernel, p.precision.weight!) };
  if (bias && p.precision.bias)
    w['bias'] = { shape: [bias.length], values: rawsToValues(bias, p.precision.bias) };
  return copy;
}
