/**
 * What every layer description shares (the tensors, the MAC weights) and the helpers the layer
 * emitters' `describe` use to read a prepared layer. The per-op descriptions live with their
 * emitters (layers/<op>.ts); layers/registry.ts unites them as `LayerDesc`.
 */
import { fracBits, SparsePixelsError, type FixedType } from '@sparsepixels/core';
import type { LayerIR, PreparedLayer, TensorInfo } from '@sparsepixels/ir';

/** A tensor between layers: sparse (N_MAX slots of C features + hashes on an H x W grid) or dense. */
export interface TensorDesc {
  readonly kind: 'sparse' | 'dense';
  /** [H, W, C] for images (sparse or dense), [n] for vectors. */
  readonly shape: readonly number[];
  /** Slot capacity nMax of a sparse tensor (N_MAX; 0 for a dense one). */
  readonly nMax: number;
  readonly type: FixedType;
}

export interface LayerBase {
  /** Position in the model's layer list (0-based). */
  readonly index: number;
  readonly name: string;
  /** Index of the producing layer, -1 for the model input. */
  readonly source: number;
  readonly input: TensorDesc;
  readonly output: TensorDesc;
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

/** A model the rtl backend cannot build, one line (SP_RTL_MODEL). */
export function modelFail(message: string, where?: string): never {
  throw new SparsePixelsError('SP_RTL_MODEL', message, where);
}

export function whereOf(base: LayerBase): string {
  return `layer "${base.name}"`;
}

/** Raws of real values that lie on t's grid (prepareModel checked it). */
function raws(values: readonly number[], t: FixedType, where: string): bigint[] {
  const scale = 2 ** fracBits(t);
  return values.map((v) => {
    const r = v * scale;
    if (!Number.isInteger(r)) modelFail(`weight ${v} is not on the grid of its type`, where);
    return BigInt(r);
  });
}

export function tensorOf(t: TensorInfo, type: FixedType): TensorDesc {
  return { kind: t.kind, shape: t.shape, nMax: t.kind === 'sparse' ? t.nMax : 0, type };
}

/** The weights, bias and accumulator of a MAC layer (SparseConv2D, Dense). */
export function macDesc(p: PreparedLayer<LayerIR>, where: string): MacDesc {
  const weight = p.precision.weight ?? modelFail('has no weight type', where);
  const kernel = p.layer.weights?.['kernel'] ?? modelFail('has no kernel', where);
  const b = p.layer.weights?.['bias'];
  const bias = b ? (p.precision.bias ?? modelFail('has a bias but no bias type', where)) : undefined;
  return {
    weight,
    accum: p.precision.accum ?? p.precision.result,
    weights: raws(kernel.values, weight, where),
    ...(b && bias ? { bias, biases: raws(b.values, bias, where) } : {}),
  };
}
