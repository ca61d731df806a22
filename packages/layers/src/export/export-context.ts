/**
 * What a layer needs to describe itself in the IR (each layer class has `toIR(ctx)`), and helpers
 * for precisions and weights.
 */
import { formatType, type FixedType } from '@sparsepixels/core';
import type { LayerIR, WeightTensorIR } from '@sparsepixels/ir';
import type * as tf from '@tensorflow/tfjs';
import type { Quantizer } from '../quantizers/quantizer';
import { layerError } from '../layers/layer-base';
import type { ParsedActivation } from '../layers/activation-spec';

export interface ExportContext {
  /** IR names of the layer's inputs (the producing IR layers, or the model input). */
  readonly inputs: string[];
  /** The model's input type (ap type of the features InputReduce sees). */
  readonly inputType: FixedType;
}

/** A layer that can write itself as IR layers (last one = the layer's output). */
export interface IRExportable {
  toIR(ctx: ExportContext): LayerIR[];
}

export function isIRExportable(l: unknown): l is IRExportable {
  return typeof (l as IRExportable | undefined)?.toIR === 'function';
}

export function typeOrAuto(q: Quantizer | undefined): string {
  return q ? formatType(q.type) : 'auto';
}

/** A weight tensor on its quantizer's grid (the values the training forward pass used). */
export function quantizedWeight(v: tf.Tensor, q: Quantizer | undefined, what: string, where: string): WeightTensorIR {
  if (!q) {
    throw layerError(where, `${what} has no quantizer; exportIR needs one (e.g. quantizedBits(8, 2)) to give the weights a fixed-point type`);
  }
  const data = v.dataSync();
  const values = Array.from(data, (x) => q.quantize(x));
  return { shape: [...v.shape], values };
}

/** The activation IR layer that follows a layer with a fused activation, if any. */
export function fusedActivationIR(
  base: LayerIR,
  op: 'SparseActivation' | 'Activation',
  activation: ParsedActivation,
): LayerIR[] {
  if (activation.name === 'linear' && !activation.quantizer) return [base];
  return [
    base,
    {
      name: `${base.name}_act`,
      op,
      inputs: [base.name],
      attrs: { activation: activation.name },
      precision: { result: typeOrAuto(activation.quantizer) },
    },
  ];
}
