/**
 * The one place this package reads IR layer attributes, precisions and weights (the IR's layer
 * access is being reworked; when typed layers land, only this file changes). A MAC layer is a
 * layer whose outputs are multiply-accumulate sums over a weight tensor: Dense, Conv2D and
 * SparseConv2D (docs/semantics.md#accumulation-order gives their orders and bias rules).
 */
import { fracBits, parseType, SparsePixelsError, type FixedType } from '@sparsepixels/core';
import { prepareModel, type LayerIR, type ModelIR } from '@sparsepixels/ir';

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
  readonly slots?: number;
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

interface MacOpAdapter {
  readonly kind: MacKind;
  readonly biasRule: MacLayer['biasRule'];
  readonly k: (l: LayerIR) => number;
  readonly cout: (l: LayerIR) => number;
}

const attrNum = (l: LayerIR, key: string): number => l.attrs?.[key] as number;

/** The MAC ops and how to read them (phase 2 moves this into the op registry). */
const MAC_OPS: Readonly<Record<string, MacOpAdapter>> = {
  Dense: { kind: 'dense', biasRule: 'first', k: () => 1, cout: (l) => attrNum(l, 'units') },
  Conv2D: {
    kind: 'conv2d',
    biasRule: 'first',
    k: (l) => attrNum(l, 'kernelSize'),
    cout: (l) => attrNum(l, 'filters'),
  },
  SparseConv2D: {
    kind: 'sparse-conv2d',
    biasRule: 'if-nonzero',
    k: (l) => attrNum(l, 'kernelSize'),
    cout: (l) => attrNum(l, 'filters'),
  },
};

export function isMacOp(op: string): boolean {
  return Object.hasOwn(MAC_OPS, op);
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

/** The MAC layers of a model (prepared here, so a raw document works), in layer order. */
export function macLayers(doc: ModelIR): MacLayer[] {
  const { model } = prepareModel(doc);
  const outputs = new Map<string, { shape: readonly number[]; slots?: number; type: string }>([
    [model.input.name, { shape: model.input.shape, type: model.input.type }],
  ]);
  const out: MacLayer[] = [];
  for (const l of model.layers) {
    const src = outputs.get(l.inputs[0] ?? '');
    outputs.set(l.name, {
      shape: l.output?.shape ?? [],
      ...(l.output?.slots === undefined ? {} : { slots: l.output.slots }),
      type: l.precision?.result ?? '',
    });
    const a = MAC_OPS[l.op];
    if (!a || !src) continue;
    const p = l.precision ?? {};
    const weight = parseType(p.weight!);
    const bias = p.bias ? parseType(p.bias) : parseType('ap_uint<1>');
    const kernel = l.weights!['kernel']!;
    const k = a.k(l);
    const cout = a.cout(l);
    const cin = a.kind === 'dense' ? (src.shape[0] ?? 0) : (src.shape[2] ?? 0);
    const n = src.slots ?? 0;
    const [h = 0, w = 0] = src.shape;
    const denseMacs =
      a.kind === 'dense'
        ? cin * cout
        : a.kind === 'conv2d'
          ? h * w * k * k * cin * cout
          : n * Math.min(n, k * k) * cin * cout;
    const biasW = l.weights?.['bias'];
    out.push({
      name: l.name,
      op: l.op,
      kind: a.kind,
      input: l.inputs[0]!,
      inputShape: src.shape,
      ...(src.slots === undefined ? {} : { slots: src.slots }),
      k,
      cin,
      cout,
      fanIn: k * k * cin,
      kernelShape: kernel.shape,
      kernel: valuesToRaws(kernel.values, weight),
      ...(biasW ? { bias: valuesToRaws(biasW.values, bias) } : {}),
      biasRule: a.biasRule,
      types: {
        input: parseType(src.type),
        weight,
        bias,
        accum: parseType(p.accum!),
        result: parseType(p.result!),
      },
      denseMacs,
    });
  }
  return out;
}

/** The document with one layer's kernel (and bias) replaced by these raws (e.g. read back from a store). */
export function withLayerWeights(
  doc: ModelIR,
  layer: string,
  kernel: readonly bigint[],
  bias?: readonly bigint[],
): ModelIR {
  const { model } = prepareModel(doc);
  const l = model.layers.find((x) => x.name === layer);
  if (!l || !isMacOp(l.op))
    throw new SparsePixelsError('SP_WEIGHT_STORE', `model has no Dense/Conv2D/SparseConv2D layer "${layer}"`);
  const copy = structuredClone(doc);
  const target = copy.layers.find((x) => x.name === layer)!;
  const w = target.weights!;
  w['kernel'] = { shape: w['kernel']!.shape, values: rawsToValues(kernel, parseType(l.precision!.weight!)) };
  if (bias && l.precision?.bias)
    w['bias'] = { shape: [bias.length], values: rawsToValues(bias, parseType(l.precision.bias)) };
  return copy;
}
