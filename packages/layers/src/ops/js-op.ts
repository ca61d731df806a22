/**
 * Runs a kernel written in plain JavaScript as one differentiable TensorFlow.js op. The forward pass
 * reads its float32 inputs, computes in float64 (so sums of grid values are exact, as in the
 * firmware) and returns float32 values plus a backward function; `tf.customGrad` records it as a
 * single tape node, so everything inside (masks, index building) needs no gradient of its own.
 * `inputStages[i]`, if given, is applied to input i before the kernel sees it (weights quantized
 * inside the op), with its straight-through gradient applied to that input's gradient.
 * Works on every backend that can read tensors synchronously (cpu, wasm, tensorflow).
 */
import * as tf from '@tensorflow/tfjs';
import type { OutputStage } from './output-stage';
import { applyStage, stageGrad } from './stage-values';

export interface JsKernelResult {
  readonly values: Float32Array;
  readonly shape: number[];
  /** Gradients for every input (same order and sizes as the inputs), from the output gradient. */
  backward(dy: Float32Array): Float32Array[];
}

export type JsKernel = (inputs: Float32Array[]) => JsKernelResult;

type GradFn = (dy: tf.Tensor) => tf.Tensor[];
type CustomFn = (...args: tf.Tensor[]) => { value: tf.Tensor; gradFunc: GradFn };

export function jsOp(inputs: tf.Tensor[], kernel: JsKernel, inputStages: readonly (OutputStage | undefined)[] = []): tf.Tensor {
  const f: CustomFn = (...xs) => {
    const raw = xs.slice(0, inputs.length).map((x) => x.dataSync() as Float32Array);
    const res = kernel(raw.map((v, i) => (inputStages[i] ? applyStage(v, inputStages[i]) : v)));
    return {
      value: tf.tensor(res.values, res.shape, 'float32'),
      gradFunc: (dy) => {
        const grads = res.backward(dy.dataSync() as Float32Array);
        return grads.map((g, i) => tf.tensor(inputStages[i] ? stageGrad(g, raw[i]!, inputStages[i]) : g, inputs[i]!.shape, 'float32'));
      },
    };
  };
  const op = tf.customGrad(f as unknown as Parameters<typeof tf.customGrad>[0]);
  return op(...inputs);
}
