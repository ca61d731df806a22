/** Bad arguments and inputs: one-line SparsePixelsErrors that name the layer. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputReduce } from './input-reduce';
import { QConv2D } from './qconv2d';
import { QConv2DSparse } from './qconv2d-sparse';
import { QDense } from './qdense';
import { AveragePooling2DSparse } from './sparse-pooling2d';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function sparseInput(h: number, w: number, c = 1) {
  const x = tf.input({ shape: [h, w, c] });
  return new InputReduce({ nMax: 4, name: 'reduce' }).apply(x) as tf.SymbolicTensor[];
}

describe('bad arguments', () => {
  it('InputReduce: nMax < 1 and a threshold that is not a number', () => {
    expect(() => new InputReduce({ nMax: 0, name: 'r' })).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: layer "r": nMax 0 is out of range: must be >= 1]`);
    expect(() => new InputReduce({ nMax: 4, threshold: Number.NaN, name: 'r' })).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: layer "r": threshold must be a finite number, got NaN]`);
    expect(() => new InputReduce({ nMax: 4, threshold: '0.4' as unknown as number, name: 'r' })).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: layer "r": threshold must be a number, got string]`);
  });

  it('even kernel sizes', () => {
    expect(() => new QConv2DSparse({ filters: 1, kernelSize: 4, name: 'conv1' })).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: layer "conv1": kernelSize 4 must be odd]`);
    expect(() => new QConv2D({ filters: 1, kernelSize: 2, name: 'c' })).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: layer "c": kernelSize 2 must be odd]`);
  });

  it('kernels and pools larger than the grid', () => {
    const s = sparseInput(5, 6);
    expect(() => new QConv2DSparse({ filters: 1, kernelSize: 7, name: 'conv1' }).apply(s)).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: layer "conv1": kernelSize 7 is larger than the 5x6 grid; allowed up to 5]`);
    expect(() => new AveragePooling2DSparse({ poolSize: 6, name: 'pool' }).apply(s)).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: layer "pool": poolSize 6 is larger than the 5x6 grid; allowed up to 5]`);
    expect(() => new QConv2D({ filters: 1, kernelSize: 9, name: 'c' }).apply(tf.input({ shape: [5, 6, 1] }))).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: layer "c": kernelSize 9 is larger than the 5x6 input; allowed up to 5]`);
  });
});

describe('bad inputs', () => {
  it('wrong rank', () => {
    expect(() => new InputReduce({ nMax: 4, name: 'reduce' }).apply(tf.input({ shape: [63, 63] }))).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: layer "reduce": input has rank 3 (shape [null, 63, 63]); expected rank 4 [batch, height, width, channels]]`);
    expect(() => new QDense({ units: 2, name: 'fc' }).apply(tf.input({ shape: [4, 4] }))).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: layer "fc": input has rank 3 (shape [null, 4, 4]); expected rank 2 [batch, features] (add a Flatten or SparseFlatten first)]`);
  });

  it('a dense tensor where the sparse pair is expected', () => {
    const x = tf.input({ shape: [8, 8, 1] });
    const y = new QConv2D({ filters: 1, kernelSize: 3, name: 'dense_conv' }).apply(x) as tf.SymbolicTensor;
    expect(() => new QConv2DSparse({ filters: 1, kernelSize: 3, name: 'conv2' }).apply(y)).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: layer "conv2": expects the sparse pair (features, hash) of InputReduce or a sparse layer, got the output of layer "dense_conv"]`);
  });

  it('a channel count other than the one the layer was built for', () => {
    const conv = new QConv2DSparse({ filters: 1, kernelSize: 3, grid: [4, 4], name: 'conv1' });
    const hash = tf.tensor3d(new Int32Array(1 * 2 * 2).fill(1), [1, 2, 2], 'int32');
    conv.apply([tf.zeros([1, 2, 1]), hash]);
    expect(() => conv.apply([tf.zeros([1, 2, 3]), hash])).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: layer "conv1": features have 3 channels; the layer was built for 1]`);
  });

  it('a hash that does not match the features', () => {
    const conv = new QConv2DSparse({ filters: 1, kernelSize: 3, grid: [4, 4], name: 'conv1' });
    expect(() => conv.apply([tf.zeros([1, 2, 1]), tf.zeros([1, 3, 2], 'int32')])).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: layer "conv1": hash input has shape [1, 3, 2]; expected [batch, 2, 2] to match the features]`);
  });
});
