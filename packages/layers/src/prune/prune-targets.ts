/**
 * Which weights pruning may remove: the kernels of the layers with quantized weights (QConv2DSparse,
 * QConv2D, QDense), and their biases only when asked. Every other layer has no weights to prune.
 */
import { SparsePixelsError } from '@sparsepixels/core';
import { didYouMean } from '@sparsepixels/ir';
import type * as tf from '@tensorflow/tfjs';
import { QConv2D } from '../layers/qconv2d';
import { QConv2DSparse } from '../layers/qconv2d-sparse';
import { QDense } from '../layers/qdense';
import type { Quantizer } from '../quantizers/quantizer';

/** The layer classes whose weights can be pruned (explicit list; one line per class). */
export const PRUNABLE_LAYERS = [QConv2DSparse, QConv2D, QDense] as const;

type PrunableLayer = InstanceType<(typeof PRUNABLE_LAYERS)[number]>;

export interface PruneTarget {
  /** Layer name (as in the IR). */
  readonly layer: string;
  readonly weight: 'kernel' | 'bias';
  readonly variable: tf.LayerVariable;
  /** The quantizer the forward pass applies; ranking uses the quantized values. */
  readonly quantizer: Quantizer | undefined;
}

export interface TargetOptions {
  /** Also prune biases (default false). */
  readonly biases?: boolean;
  /** Only these layers (default: every prunable layer). */
  readonly layers?: readonly string[];
}

function isPrunable(l: tf.layers.Layer): l is PrunableLayer {
  return PRUNABLE_LAYERS.some((c) => l instanceof c);
}

function variableOf(l: tf.layers.Layer, weight: 'kernel' | 'bias'): tf.LayerVariable | undefined {
  return l.trainableWeights.find(
    (v) => v.originalName === `${l.name}/${weight}` || v.originalName.endsWith(`/${l.name}/${weight}`),
  );
}

/** The prunable weights of a built model, in layer order (kernel, then bias). */
export function pruneTargets(model: tf.LayersModel, o: TargetOptions = {}): PruneTarget[] {
  const prunable = model.layers.filter(isPrunable);
  const names = prunable.map((l) => l.name);
  for (const n of o.layers ?? []) {
    if (!names.includes(n)) {
      throw new SparsePixelsError(
        'SP_PRUNE',
        `layer "${n}" has no prunable weights; prunable: ${names.join(', ') || 'none'}${didYouMean(n, names)}`,
        'prune layers',
      );
    }
  }
  const chosen = o.layers ? prunable.filter((l) => o.layers!.includes(l.name)) : prunable;
  const out: PruneTarget[] = [];
  for (const l of chosen) {
    for (const weight of o.biases ? (['kernel', 'bias'] as const) : (['kernel'] as const)) {
      const variable = variableOf(l, weight);
      if (!variable) {
        if (weight === 'bias') continue; // useBias: false
        throw new SparsePixelsError(
          'SP_PRUNE',
          'is not built (no kernel yet); build or apply the model first',
          `layer "${l.name}"`,
        );
      }
      out.push({
        layer: l.name,
        weight,
        variable,
        quantizer: weight === 'kernel' ? l.opts.kernelQuantizer : l.opts.biasQuantizer,
      });
    }
  }
  if (!out.length)
    throw new SparsePixelsError(
      'SP_PRUNE',
      `model "${model.name}" has no prunable weights (QConv2DSparse, QConv2D, QDense kernels)`,
    );
  return out;
}
