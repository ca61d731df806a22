/** Event batches from flat arrays: seeded shuffling and copying events into a batch tensor. */
import { mulberry32 } from '@sparsepixels/core';
import * as tf from '@tensorflow/tfjs';

export interface Dataset {
  /** count * eventSize values, event-major, channels last. */
  readonly x: Float32Array;
  /** Class index per event (0/1 for a sigmoid output). */
  readonly y: ArrayLike<number>;
}

/** Fisher-Yates with a small deterministic generator (core's mulberry32). */
export function shuffledOrder(count: number, seed: number): Int32Array {
  const order = Int32Array.from({ length: count }, (_, i) => i);
  const next = mulberry32(seed);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/**
 * The events order[start .. start+size) as an input tensor [size, ...eventShape] and their labels.
 * `into` (size * eventSize values) is filled instead of a new array (returned as `values`): fit
 * passes the previous batch's array once that batch's tensor is disposed (the cpu backend holds the
 * array by reference until then), saving a large allocation per batch.
 */
export function gatherBatch(data: Dataset, eventShape: number[], order: Int32Array, start: number, size: number, into?: Float32Array): { x: tf.Tensor; y: number[]; values: Float32Array } {
  const eventSize = eventShape.reduce((a, b) => a * b, 1);
  const buf = into?.length === size * eventSize ? into : new Float32Array(size * eventSize);
  const y: number[] = [];
  for (let k = 0; k < size; k++) {
    const e = order[start + k]!;
    buf.set(data.x.subarray(e * eventSize, (e + 1) * eventSize), k * eventSize);
    y.push(data.y[e]!);
  }
  return { x: tf.tensor(buf, [size, ...eventShape]), y, values: buf };
}
