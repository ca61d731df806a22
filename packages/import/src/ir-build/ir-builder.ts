import { formatType, type FixedType } from '@sparsepixels/core';
import {
  type Activity,
  IR_FORMAT,
  IR_VERSION,
  isLayerOf,
  migrateDocument,
  type AttrsOfType,
  type BuildIR,
  type LayerIR,
  type ModelIR,
  type OutsideOpType,
  type PrecisionIR,
} from '@sparsepixels/ir';

/**
 * The one place where the importer writes and reads IR layers and the document (an adapter: when
 * the document gains version 2, only this file changes). Layers are the IR's typed union
 * (docs/op-contract.md); values taken from a Keras file are checked by prepareModel afterwards.
 */

type ActivationName = AttrsOfType<'Activation'>['activation'];

/**
 * Standard max pooling has no IR op: the importer keeps it as this intermediate layer, which
 * sparsify turns into SparsePooling2D max and importModel refuses otherwise.
 */
export const MAX_POOLING_2D = 'MaxPooling2D' as OutsideOpType;

type MaxPoolingLayer = LayerIR & { readonly op: OutsideOpType; readonly attrs: { readonly poolSize: number } };

/** A standard max pooling layer (as irLayers.pool writes it). */
export function isMaxPooling(l: LayerIR): l is MaxPoolingLayer {
  return l.op === MAX_POOLING_2D;
}

export type TypeLike = FixedType | string | 'auto';

function typeString(t: TypeLike | undefined): string | undefined {
  if (t === undefined) return undefined;
  return typeof t === 'string' ? t : formatType(t);
}

function precision(p: Partial<Record<keyof PrecisionIR, TypeLike | undefined>>): PrecisionIR | undefined {
  const out: PrecisionIR = {};
  for (const [k, v] of Object.entries(p)) {
    const s = typeString(v);
    if (s !== undefined) out[k as keyof PrecisionIR] = s;
  }
  return Object.keys(out).length ? out : undefined;
}

export interface MacLayerSpec {
  readonly name: string;
  readonly input: string;
  readonly kernel: { readonly shape: readonly number[]; readonly values: readonly number[] };
  readonly bias?: { readonly shape: readonly number[]; readonly values: readonly number[] };
  readonly weightType: TypeLike;
  readonly biasType?: TypeLike;
  readonly result?: TypeLike;
  readonly accum?: TypeLike;
}

/** Name, input, precisions and weights of a conv or dense layer (its op and attributes are the caller's). */
function macParts(s: MacLayerSpec): Pick<LayerIR, 'name' | 'inputs' | 'precision' | 'weights'> {
  const weights: LayerIR['weights'] = { kernel: { shape: [...s.kernel.shape], values: [...s.kernel.values] } };
  if (s.bias) weights['bias'] = { shape: [...s.bias.shape], values: [...s.bias.values] };
  // accumulator and result are left out (= 'auto', exact) unless given
  const p = precision({ weight: s.weightType, bias: s.bias ? (s.biasType ?? 'auto') : undefined, accum: s.accum, result: s.result });
  return { name: s.name, inputs: [s.input], ...(p ? { precision: p } : {}), weights };
}

/** Builders of every IR layer the importer writes. */
export const irLayers = {
  inputReduce: (name: string, input: string, nMax: number, threshold: number): LayerIR => ({
    name, op: 'InputReduce', inputs: [input], attrs: { nMax, threshold },
  }),
  conv: (sparse: boolean, s: MacLayerSpec & { readonly filters: number; readonly kernelSize: number }): LayerIR => ({
    ...macParts(s),
    op: sparse ? 'SparseConv2D' : 'Conv2D',
    attrs: { filters: s.filters, kernelSize: s.kernelSize },
  }),
  dense: (s: MacLayerSpec & { readonly units: number }): LayerIR => ({ ...macParts(s), op: 'Dense', attrs: { units: s.units } }),
  activation: (sparse: boolean, name: string, input: string, activation: string, result?: TypeLike, tableSize?: number): LayerIR => {
    const p = precision({ result });
    // a name the IR does not know is refused by prepareModel with the list of the known ones
    const act = activation as ActivationName;
    const attrs = tableSize !== undefined && (act === 'sigmoid' || act === 'softmax') ? { activation: act, tableSize } : { activation: act };
    return { name, op: sparse ? 'SparseActivation' : 'Activation', inputs: [input], attrs, ...(p ? { precision: p } : {}) };
  },
  pool: (sparse: boolean, name: string, input: string, poolSize: number, mode: 'avg' | 'max', result?: TypeLike): LayerIR => {
    const p = precision({ result });
    const base = { name, inputs: [input], ...(p ? { precision: p } : {}) };
    if (sparse) return { ...base, op: 'SparsePooling2D', attrs: { poolSize, mode } };
    // the IR has no standard max pooling: MAX_POOLING_2D lives only until sparsify turns it sparse (else it is refused)
    return mode === 'max' ? { ...base, op: MAX_POOLING_2D, attrs: { poolSize } } : { ...base, op: 'AveragePooling2D', attrs: { poolSize } };
  },
  flatten: (sparse: boolean, name: string, input: string, result?: TypeLike): LayerIR => {
    const p = precision({ result });
    return { name, op: sparse ? 'SparseFlatten' : 'Flatten', inputs: [input], ...(p ? { precision: p } : {}) };
  },
};

/** Reads back what the builders wrote (for sparsify, hls configs and the exporter). */
export const irRead = {
  /** The activation function of an Activation or SparseActivation layer. */
  activation: (l: LayerIR): ActivationName | undefined =>
    isLayerOf(l, 'Activation') || isLayerOf(l, 'SparseActivation') ? l.attrs.activation : undefined,
  /** The table size an activation layer declares (undefined: the default, or no table). */
  tableSize: (l: LayerIR): number | undefined =>
    isLayerOf(l, 'Activation') || isLayerOf(l, 'SparseActivation') ? l.attrs.tableSize : undefined,
  /** Whether the layer is a sigmoid or softmax activation (the ones with tables). */
  hasTables(l: LayerIR): boolean {
    const a = irRead.activation(l);
    return a === 'sigmoid' || a === 'softmax';
  },
  /** The layer with its table size set (sigmoid/softmax activations; others unchanged). */
  withTableSize(l: LayerIR, tableSize: number): LayerIR {
    return isLayerOf(l, 'Activation') || isLayerOf(l, 'SparseActivation') ? { ...l, attrs: { ...l.attrs, tableSize } } : l;
  },
  /** Whether the layer is an average pooling (the one op with a reciprocal). */
  hasReciprocal: (l: LayerIR): boolean => isLayerOf(l, 'AveragePooling2D') || (isLayerOf(l, 'SparsePooling2D') && l.attrs.mode === 'avg'),
  /** The reciprocal precision an average pooling declares (undefined: inferred, or not an average pooling). */
  reciprocalBits: (l: LayerIR): number | undefined =>
    isLayerOf(l, 'AveragePooling2D') || isLayerOf(l, 'SparsePooling2D') ? l.attrs.reciprocalBits : undefined,
  /** The average pooling layer with its reciprocal precision set (others unchanged). */
  withReciprocalBits(l: LayerIR, reciprocalBits: number): LayerIR {
    if (isLayerOf(l, 'AveragePooling2D')) return { ...l, attrs: { ...l.attrs, reciprocalBits } };
    if (isLayerOf(l, 'SparsePooling2D') && l.attrs.mode === 'avg') return { ...l, attrs: { ...l.attrs, reciprocalBits } };
    return l;
  },
  /** The InputReduce layer with another threshold (others unchanged). */
  withThreshold(l: LayerIR, threshold: number): LayerIR {
    return isLayerOf(l, 'InputReduce') ? { ...l, attrs: { ...l.attrs, threshold } } : l;
  },
  /**
   * The sparse op of a standard image layer, same weights and attributes (sparsify), or undefined
   * when it has none.
   */
  sparseTwin(l: LayerIR, inputs: string[]): LayerIR | undefined {
    if (isLayerOf(l, 'Conv2D')) return { ...l, inputs, op: 'SparseConv2D' };
    if (isLayerOf(l, 'Activation')) return { ...l, inputs, op: 'SparseActivation' };
    if (isLayerOf(l, 'AveragePooling2D')) {
      const r = l.attrs.reciprocalBits; // an explicit reciprocal precision stays explicit
      return { ...l, inputs, op: 'SparsePooling2D', attrs: { poolSize: l.attrs.poolSize, mode: 'avg', ...(r !== undefined && { reciprocalBits: r }) } };
    }
    if (isMaxPooling(l)) return { ...l, inputs, op: 'SparsePooling2D', attrs: { poolSize: l.attrs.poolSize, mode: 'max' } };
    if (isLayerOf(l, 'Flatten')) return { ...l, inputs, op: 'SparseFlatten' };
    return undefined;
  },
  setResult(l: LayerIR, t: TypeLike): LayerIR {
    return { ...l, precision: { ...(l.precision ?? {}), result: typeString(t)! } };
  },
  setPrecision(l: LayerIR, key: keyof PrecisionIR, t: TypeLike): LayerIR {
    return { ...l, precision: { ...(l.precision ?? {}), [key]: typeString(t)! } };
  },
  isSparseOp: (op: string) => op === 'InputReduce' || op.startsWith('Sparse'),
  /** A declared precision ('auto' and absent both mean exact/inferred). */
  precision: (l: LayerIR, key: keyof PrecisionIR): string | undefined => l.precision?.[key],
  /** Every declared precision of the layer, in the document's key order. */
  precisions: (l: LayerIR): [keyof PrecisionIR, string][] => Object.entries(l.precision ?? {}) as [keyof PrecisionIR, string][],
  weight: (l: LayerIR, name: 'kernel' | 'bias') => l.weights?.[name],
};

/** Model-level choices of an import that the document records. */
export interface DocumentOptions {
  readonly name: string;
  readonly inputName: string;
  readonly inputShape: readonly number[];
  readonly inputType: TypeLike;
  readonly layers: readonly LayerIR[];
  readonly outputs: readonly string[];
  readonly build?: BuildIR;
  readonly description?: string;
  /** The sparse activity rule; default 'mask' (Keras semantics). */
  readonly activity?: Activity;
}

/**
 * The document of an imported model: IR version 2 with `activity: "mask"` (the Keras keep-mask
 * semantics, docs/semantics.md) unless told otherwise (an hls4ml config's `Model.Activity`); pooling reciprocals and sigmoid/softmax tables are left to
 * precision inference unless the importer was given a table size.
 */
export function toDocument(o: DocumentOptions): ModelIR {
  return {
    format: IR_FORMAT,
    version: IR_VERSION,
    activity: o.activity ?? 'mask',
    name: o.name,
    ...(o.description ? { description: o.description } : {}),
    input: { name: o.inputName, shape: [...o.inputShape], type: typeString(o.inputType)! },
    layers: o.layers.map((l) => ({ ...l })),
    outputs: [...o.outputs],
    ...(o.build ? { build: { ...o.build } } : {}),
  };
}

/**
 * The document at the current IR version (an older one migrated, its implicit constants written
 * out), as given otherwise; a document that cannot be migrated is returned as is for prepareModel
 * to report.
 */
export function currentVersion(model: ModelIR): ModelIR {
  if ((model.version as number) === IR_VERSION) return model;
  return (migrateDocument(model).doc as ModelIR | undefined) ?? model;
}
