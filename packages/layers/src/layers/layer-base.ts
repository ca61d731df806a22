/**
 * Shared plumbing of our TensorFlow.js layers: argument types, one-line errors that name the layer,
 * and shape checks.
 */
import { SparsePixelsError } from '@sparsepixels/core';
import * as tf from '@tensorflow/tfjs';

export type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;
export type Kwargs = Parameters<tf.layers.Layer['call']>[1];
export type Shape = (number | null)[];
export type ConfigDict = ReturnType<tf.layers.Layer['getConfig']>;

/** `layer "conv1"` (or the class name before the layer has a name). */
export function whereLayer(layer: { name?: string }, className: string): string {
  return layer.name ? `layer "${layer.name}"` : className;
}

export function layerError(where: string, message: string): SparsePixelsError {
  return new SparsePixelsError('SP_LAYER_ARG', message, where);
}

export function checkRank(shape: Shape, rank: number, what: string, layout: string, where: string): void {
  if (shape.length !== rank) {
    throw layerError(where, `${what} has rank ${shape.length} (shape [${shape.map(String).join(', ')}]); expected rank ${rank} ${layout}`);
  }
}

/** The single shape of a one-input layer. */
export function singleShape(s: Shape | Shape[], where: string): Shape {
  if (Array.isArray(s[0])) {
    if (s.length !== 1) throw layerError(where, `expects one input tensor, got ${s.length}`);
    return s[0] as Shape;
  }
  return s as Shape;
}

export function singleTensor(x: tf.Tensor | tf.Tensor[], where: string): tf.Tensor {
  if (Array.isArray(x)) {
    if (x.length !== 1) throw layerError(where, `expects one input tensor, got ${x.length}`);
    return x[0]!;
  }
  return x;
}

export function isTraining(kwargs: Kwargs): boolean {
  return (kwargs as { training?: boolean } | undefined)?.training === true;
}
