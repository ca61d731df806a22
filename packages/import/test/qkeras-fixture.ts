/**
 * A Keras 2.14 `.keras` of a QKeras-era sparsepixels model, written the way Keras 2.14 lays
 * out the format (summarised in packages/import/README.md): config.json with InputReduce, QConv2DSparse
 * (conv_config + bias_quantizer), QActivation strings, AveragePooling2DSparse, Flatten, QDense,
 * Activation; weights under /_layer_checkpoint_dependencies/<class_snake>[_n]/vars/<i>.
 */
import { writeKerasZip, type VarToWrite } from '../src/keras/write-keras-file';

const qb = (bits: number, integer: number, extra: Record<string, unknown> = {}) => ({
  module: 'qkeras.quantizers',
  class_name: 'quantized_bits',
  registered_name: 'quantized_bits',
  config: { bits, integer, symmetric: 0, alpha: 1, keep_negative: true, use_stochastic_rounding: false, qnoise_factor: 1.0, post_training_scale: null, ...extra },
});

const layer = (module: string, class_name: string, name: string, config: Record<string, unknown>, inbound: [string, number][]) => ({
  module,
  class_name,
  registered_name: module.startsWith('keras') ? null : class_name,
  name,
  config: { name, trainable: true, dtype: 'float32', ...config },
  ...(inbound.length ? { build_config: { input_shape: [null, 8, 8, 1] } } : {}),
  inbound_nodes: inbound.length ? [inbound.map(([l, t]) => [l, 0, t, {}])] : [],
});

const qconv = (name: string, filters: number, k: number, q: unknown) => ({
  name, trainable: true, dtype: 'float32', filters, kernel_size: [k, k], strides: [1, 1], padding: 'same',
  data_format: 'channels_last', dilation_rate: [1, 1], groups: 1, activation: 'linear', use_bias: false,
  kernel_quantizer: q, bias_quantizer: q, kernel_range: null, bias_range: null, mask: null,
});

/** Raw float kernel of conv1 (3x3x1x2), chosen to hit ties and saturation of quantized_bits(8,2) (step 1/32). */
export const CONV1_KERNEL = [
  0.015625, 0.046875, -0.015625, 5, -5, 0.1, 0.2, -0.3, 0.5, 0.25, 0.125, -0.0625, 0.3, -0.2, 0.4, 0.03, 0.6, 0.7,
];
export const CONV1_BIAS = [1.7493, -0.08];
export const D1_KERNEL = Array.from({ length: 8 * 3 }, (_, i) => ((i * 37) % 17) / 16 - 0.5 + 0.01);
export const D1_BIAS = [0.1, -0.2, 0.05];
export const D2_KERNEL = [0.5, -0.5, 0.25, 0.75, -1, 1];
export const D2_BIAS = [0.0, 0.1];

/** The model's config.json (also the `model_config` of the legacy .h5 fixture). */
export function qkerasSparseConfig(): Record<string, unknown> {
  const q = qb(8, 2);
  return {
    module: 'keras.src.engine.functional',
    class_name: 'Functional',
    registered_name: 'Functional',
    build_config: { input_shape: [null, 8, 8, 1] },
    config: {
      name: 'cnn_sparse',
      trainable: true,
      input_layers: [['x_in', 0, 0]],
      output_layers: [['softmax', 0, 0]],
      layers: [
        { module: 'keras.layers', class_name: 'InputLayer', registered_name: null, name: 'x_in', config: { batch_input_shape: [null, 8, 8, 1], dtype: 'float32', sparse: false, ragged: false, name: 'x_in' }, inbound_nodes: [] },
        layer('sparsepixels.layers', 'InputReduce', 'input_reduce', { n_max_pixels: 4, threshold: 0.0 }, [['x_in', 0]]),
        layer('sparsepixels.layers', 'QConv2DSparse', 'conv1', { conv_config: qconv('conv1', 2, 3, q), bias_quantizer: q }, [['input_reduce', 0], ['input_reduce', 1]]),
        layer('qkeras.qlayers', 'QActivation', 'relu1', { activation: 'quantized_relu(8,2)' }, [['conv1', 0]]),
        layer('sparsepixels.layers', 'AveragePooling2DSparse', 'pool1', { pool_config: { name: 'pool1', pool_size: [4, 4], strides: [4, 4], padding: 'valid', data_format: 'channels_last' } }, [['relu1', 0], ['input_reduce', 1]]),
        layer('keras.layers', 'Flatten', 'flatten', { data_format: 'channels_last' }, [['pool1', 0]]),
        layer('qkeras.qlayers', 'QDense', 'dense1', { units: 3, activation: 'linear', use_bias: true, kernel_quantizer: q, bias_quantizer: q }, [['flatten', 0]]),
        layer('qkeras.qlayers', 'QActivation', 'relu3', { activation: 'quantized_relu(8,2)' }, [['dense1', 0]]),
        layer('qkeras.qlayers', 'QDense', 'dense2', { units: 2, activation: 'linear', use_bias: true, kernel_quantizer: q, bias_quantizer: q }, [['relu3', 0]]),
        layer('keras.layers', 'Activation', 'softmax', { activation: 'softmax' }, [['dense2', 0]]),
      ],
    },
  };
}

/** The whole file. */
export async function qkerasSparseKeras(): Promise<Uint8Array> {
  const config = qkerasSparseConfig();
  const root = '/_layer_checkpoint_dependencies';
  const vars: VarToWrite[] = [
    { path: `${root}/q_conv2d_sparse/vars/0`, shape: [2], values: CONV1_BIAS },
    { path: `${root}/q_conv2d_sparse/conv/vars/0`, shape: [3, 3, 1, 2], values: CONV1_KERNEL },
    { path: `${root}/q_dense/vars/0`, shape: [8, 3], values: D1_KERNEL },
    { path: `${root}/q_dense/vars/1`, shape: [3], values: D1_BIAS },
    { path: `${root}/q_dense_1/vars/0`, shape: [3, 2], values: D2_KERNEL },
    { path: `${root}/q_dense_1/vars/1`, shape: [2], values: D2_BIAS },
  ];
  return writeKerasZip(config, vars, '2.14.0');
}
