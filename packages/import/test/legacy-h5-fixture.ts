/**
 * Legacy Keras HDF5 files, laid out as TF 2.14 writes them (packages/import/README.md):
 * - `model.save('x.h5')`: the model config as the root attribute `model_config`, weights under
 *   `/model_weights/<layer>/` with a `weight_names` attribute; a QKeras-era QConv2DSparse lists its
 *   own `bias:0` first, then the inner conv's `conv1/conv1/kernel:0`;
 * - `model.save_weights('x.h5')`: the same layer groups at the root, no architecture (read with --arch).
 */
import { writeLegacyH5, type LegacyLayerWeights } from '../src/keras/write-keras-file';
import { CONV1_BIAS, CONV1_KERNEL, D1_BIAS, D1_KERNEL, D2_BIAS, D2_KERNEL, qkerasSparseConfig } from './qkeras-fixture';

/** The QKeras sparse model of qkeras-fixture.ts saved as a full-model .h5. */
export async function qkerasSparseLegacyH5(): Promise<Uint8Array> {
  const none = (layer: string): LegacyLayerWeights => ({ layer, weights: [] });
  return writeLegacyH5(qkerasSparseConfig(), [
    none('x_in'),
    none('input_reduce'),
    {
      layer: 'conv1',
      weights: [
        { name: 'bias:0', shape: [2], values: CONV1_BIAS },
        { name: 'conv1/conv1/kernel:0', shape: [3, 3, 1, 2], values: CONV1_KERNEL },
      ],
    },
    none('relu1'),
    none('pool1'),
    none('flatten'),
    { layer: 'dense1', weights: [{ name: 'dense1/kernel:0', shape: [8, 3], values: D1_KERNEL }, { name: 'dense1/bias:0', shape: [3], values: D1_BIAS }] },
    none('relu3'),
    { layer: 'dense2', weights: [{ name: 'dense2/kernel:0', shape: [3, 2], values: D2_KERNEL }, { name: 'dense2/bias:0', shape: [2], values: D2_BIAS }] },
    none('softmax'),
  ]);
}

/**
 * Raw weights of the paper's sparse MNIST model (conv1 7x7x1x1, conv2 5x5x1x3, dense1 108x36,
 * dense2 36x10). The first values of each tensor hit the cases of quantized_bits(8,0) (step 1/128,
 * range [-1, 127/128], ties to even): see MNIST_EXPECTED.
 */
const HEAD = [1.5 / 128, 2.5 / 128, 1.5, -1.5, -0.5 / 128, 0.3];
function tensor(n: number, salt: number): number[] {
  return Array.from({ length: n }, (_, i) => (i < HEAD.length ? HEAD[i]! : Math.fround((((i * 29 + salt * 13) % 41) - 20) / 97)));
}
export const MNIST_RAW = {
  conv1: { kernel: tensor(49, 1), bias: [0.3] },
  conv2: { kernel: tensor(75, 2), bias: [0.05, -0.05, 1.2] },
  dense1: { kernel: tensor(108 * 36, 3), bias: tensor(36, 4) },
  dense2: { kernel: tensor(36 * 10, 5), bias: tensor(10, 6) },
};
/** HEAD quantized by hand: 1.5 LSB -> 2 LSB, 2.5 LSB -> 2 LSB (ties to even), 1.5 -> 127/128, -1.5 -> -1, -0.5 LSB -> 0, 0.3 -> 38/128. */
export const MNIST_EXPECTED_HEAD = [2 / 128, 2 / 128, 127 / 128, -1, 0, 38 / 128];

/** `save_weights` of the sparse MNIST model (sparse-t, 8 bits) in the repository-root `weights/*.h5` layout. */
export async function mnistSparseWeightsH5(): Promise<Uint8Array> {
  const none = (layer: string): LegacyLayerWeights => ({ layer, weights: [] });
  const sparseConv = (layer: string, k: number, cout: number, w: { kernel: number[]; bias: number[] }): LegacyLayerWeights => ({
    layer,
    weights: [
      { name: 'bias:0', shape: [cout], values: w.bias },
      { name: `${layer}/${layer}/kernel:0`, shape: [k, k, 1, cout], values: w.kernel },
    ],
  });
  const dense = (layer: string, n: number, u: number, w: { kernel: number[]; bias: number[] }): LegacyLayerWeights => ({
    layer,
    weights: [
      { name: `${layer}/kernel:0`, shape: [n, u], values: w.kernel },
      { name: `${layer}/bias:0`, shape: [u], values: w.bias },
    ],
  });
  return writeLegacyH5(undefined, [
    none('x_in'),
    none('input_reduce'),
    sparseConv('conv1', 7, 1, MNIST_RAW.conv1),
    none('relu1'),
    none('pool1'),
    sparseConv('conv2', 5, 3, MNIST_RAW.conv2),
    none('relu2'),
    none('pool2'),
    none('flatten'),
    dense('dense1', 108, 36, MNIST_RAW.dense1),
    none('relu3'),
    dense('dense2', 36, 10, MNIST_RAW.dense2),
    none('softmax'),
  ]);
}
