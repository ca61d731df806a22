import { formatType, type FixedType } from '@sparsepixels/core';
import { IR_FORMAT, IR_VERSION, type BuildIR, type LayerIR, type ModelIR, type PrecisionIR } from '@sparsepixels/ir';

/**
 * The one place where the importer writes IR layers and the document (an adapter: when the IR's
 * layer attributes become a typed union, or the document gains version 2, only this file changes).
 */

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

function macLayer(op: string, attrs: Record<string, unknown>, s: MacLayerSpec): LayerIR {
  const weights: LayerIR['weights'] = { kernel: { shape: [...s.kernel.shape], values: [...s.kernel.values] } };
  if (s.bias) weights['bias'] = { shape: [...s.bias.shape], values: [...s.bias.values] };
  const p = precision({ weight: s.weightType, bias: s.bias ? (s.biasType ?? 'auto') : undefined, accum: s.accum ?? 'auto', result: s.result ?? 'auto' });
  return { name: s.name, op, inputs: [s.input], attrs, ...(p ? { precision: p } : {}), weights };
}

/** Builders of every IR layer the importer writes. */
export const irLayers = {
  inputReduce: (name: string, input: string, nMax: number, threshold: number): LayerIR => ({
    name, op: 'InputReduce', inputs: [input], attrs: { nMax, threshold },
  }),
  conv: (sparse: boolean, s: MacLayerSpec & { readonly filters: number; readonly kernelSize: number }): LayerIR =>
    macLayer(sparse ? 'SparseConv2D' : 'Conv2D', { filters: s.filters, kernelSize: s.kernelSize }, s),
  dense: (s: MacLayerSpec & { readonly units: number }): LayerIR => macLayer('Dense', { units: s.units }, s),
  activation: (sparse: boolean, name: string, input: string, activation: string, result?: TypeLike, tableSize?: number): LayerIR => {
    const p = precision({ result });
    const attrs: Record<string, unknown> = { activation };
    if (tableSize !== undefined && (activation === 'sigmoid' || activation === 'softmax')) attrs['tableSize'] = tableSize;
    return { name, op: sparse ? 'SparseActivation' : 'Activation', inputs: [input], attrs, ...(p ? { precision: p } : {}) };
  },
  pool: (sparse: boolean, name: string, input: string, poolSize: number, mode: 'avg' | 'max', result?: TypeLike): LayerIR => {
    const p = precision({ result });
    const base = { name, inputs: [input], ...(p ? { precision: p } : {}) };
    return sparse ? { ...base, op: 'SparsePooling2D', attrs: { poolSize, mode } } : { ...base, op: 'AveragePooling2D', attrs: { poolSize } };
  },
  flatten: (sparse: boolean, name: string, input: string, result?: TypeLike): LayerIR => {
    const p = precision({ result });
    return { name, op: sparse ? 'SparseFlatten' : 'Flatten', inputs: [input], ...(p ? { precision: p } : {}) };
  },
};

/** Reads back what the builders wrote (for sparsify, hls configs and the exporter). */
export const irRead = {
  attr: <T>(l: LayerIR, key: string): T => (l.attrs ?? {})[key] as T,
  setResult(l: LayerIR, t: TypeLike): LayerIR {
    return { ...l, precision: { ...(l.precision ?? {}), result: typeString(t)! } };
  },
  setPrecision(l: LayerIR, key: keyof PrecisionIR, t: TypeLike): LayerIR {
    return { ...l, precision: { ...(l.precision ?? {}), [key]: typeString(t)! } };
  },
  isSparseOp: (op: string) => op === 'InputReduce' || op.startsWith('Sparse'),
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
}

/**
 * The document of an imported model. This is the one function to adapt to IR version 2: imported
 * models then set `activity: "mask"` (the Keras keep-mask semantics), let pooling reciprocals and
 * sigmoid/softmax tables be sized by precision inference, and keep the wide input type chosen here.
 * Under version 1 the document keeps the v1 rules (activity from non-zero features, 10-bit pooling
 * reciprocal, the tableSize given by the importer).
 */
export function toDocument(o: DocumentOptions): ModelIR {
  return {
    format: IR_FORMAT,
    version: IR_VERSION,
    name: o.name,
    ...(o.description ? { description: o.description } : {}),
    input: { name: o.inputName, shape: [...o.inputShape], type: typeString(o.inputType)! },
    layers: o.layers.map((l) => ({ ...l })),
    outputs: [...o.outputs],
    ...(o.build ? { build: { ...o.build } } : {}),
  };
}
