/**
 * Settings shared by the layers with quantized weights (QConv2DSparse, QConv2D, QDense): argument
 * parsing, config serialization, the quantized weights of the forward pass, and their IR form.
 */
import { formatType } from '@sparsepixels/core';
import type { LayerIR } from '@sparsepixels/ir';
import type * as tf from '@tensorflow/tfjs';
import { fusedActivationIR, quantizedWeight } from '../export/export-context';
import { outputStage } from '../ops/output-stage';
import { outputStageOp } from '../ops/quantize-op';
import type { WeightStages } from '../ops/weight-stages';
import { toQuantizer } from '../quantizers/quantizer-registry';
import type { Quantizer, QuantizerJson } from '../quantizers/quantizer';
import { parseActivation, serializeActivation, type ActivationSpec, type ParsedActivation } from './activation-spec';
import type { ConfigDict } from './layer-base';

export interface WeightedArgs {
  kernelQuantizer?: Quantizer | QuantizerJson | null;
  biasQuantizer?: Quantizer | QuantizerJson | null;
  /** 'relu', 'linear' (default) or a quantizer (quantizedRelu = relu with its result type). */
  activation?: ActivationSpec | null;
  useBias?: boolean;
  /** Seed of the Glorot-uniform kernel initializer (reproducible models). */
  seed?: number;
}

export interface WeightedOptions {
  readonly kernelQuantizer: Quantizer | undefined;
  readonly biasQuantizer: Quantizer | undefined;
  readonly activation: ParsedActivation;
  readonly useBias: boolean;
  readonly seed: number | undefined;
}

export function parseWeightedArgs(args: WeightedArgs, where: string): WeightedOptions {
  return {
    kernelQuantizer: toQuantizer(args.kernelQuantizer, where),
    biasQuantizer: toQuantizer(args.biasQuantizer, where),
    activation: parseActivation(args.activation, ['relu', 'linear'], where),
    useBias: args.useBias ?? true,
    seed: args.seed,
  };
}

export function weightedConfig(o: WeightedOptions): ConfigDict {
  return {
    kernelQuantizer: o.kernelQuantizer?.toJSON() ?? null,
    biasQuantizer: o.biasQuantizer?.toJSON() ?? null,
    activation: serializeActivation(o.activation),
    useBias: o.useBias,
    ...(o.seed === undefined ? {} : { seed: o.seed }),
  } as unknown as ConfigDict;
}

function quantized(t: tf.Tensor, q: Quantizer | undefined): tf.Tensor {
  return q ? outputStageOp(t, outputStage('linear', q)) : t;
}

/** Kernel and bias as the forward pass uses them (quantized, straight-through gradients). */
export function forwardWeights(o: WeightedOptions, kernel: tf.LayerVariable, bias: tf.LayerVariable | undefined): [tf.Tensor, tf.Tensor | undefined] {
  return [quantized(kernel.read(), o.kernelQuantizer), bias ? quantized(bias.read(), o.biasQuantizer) : undefined];
}

/**
 * Kernel and bias unquantized, with their quantizers as stages, for ops that quantize their weight
 * inputs themselves (the same values and gradients as forwardWeights, without two separate tf ops).
 */
export function stagedWeights(o: WeightedOptions, kernel: tf.LayerVariable, bias: tf.LayerVariable | undefined): { kernel: tf.Tensor; bias: tf.Tensor | undefined; stages: WeightStages } {
  const stage = (q: Quantizer | undefined) => (q ? outputStage('linear', q) : undefined);
  return { kernel: kernel.read(), bias: bias?.read(), stages: { kernel: stage(o.kernelQuantizer), bias: bias ? stage(o.biasQuantizer) : undefined } };
}

/** precision + weights of the layer in the IR: weights on their quantizer's grid, 'auto' accum/result. */
function weightsIR(o: WeightedOptions, kernel: tf.LayerVariable, bias: tf.LayerVariable | undefined, where: string): Pick<LayerIR, 'precision' | 'weights'> {
  const weights: NonNullable<LayerIR['weights']> = { kernel: quantizedWeight(kernel.read(), o.kernelQuantizer, 'kernel', where) };
  const precision: NonNullable<LayerIR['precision']> = { weight: formatType(o.kernelQuantizer!.weightType), accum: 'auto', result: 'auto' };
  if (bias) {
    weights['bias'] = quantizedWeight(bias.read(), o.biasQuantizer, 'bias', where);
    precision.bias = formatType(o.biasQuantizer!.weightType);
  }
  return { precision, weights };
}

/**
 * The IR of a weighted layer: `layer` (name, op, inputs, attrs) with its quantized weights and
 * precisions, then its fused activation as a layer of `activationOp`, if it has one.
 */
export function weightedLayerIR<L extends LayerIR>(
  layer: L,
  activationOp: 'Activation' | 'SparseActivation',
  o: WeightedOptions,
  kernel: tf.LayerVariable,
  bias: tf.LayerVariable | undefined,
  where: string,
): LayerIR[] {
  return fusedActivationIR({ ...layer, ...weightsIR(o, kernel, bias, where) }, activationOp, o.activation);
}
