/**
 * Layer entries of a Keras 2.14 functional config.json (the layout the Python sparsepixels
 * library's QKeras-era models are saved in; see packages/import/README.md).
 */

/** One tensor of the Keras graph: output `tensor` of layer `layer`. */
export interface KerasRef {
  readonly layer: string;
  readonly tensor: number;
}

export type Json = Record<string, unknown>;

const MODULES: Readonly<Record<string, string>> = {
  InputLayer: 'keras.layers',
  Activation: 'keras.layers',
  AveragePooling2D: 'keras.layers',
  Flatten: 'keras.layers',
  QConv2D: 'qkeras.qconvolutional',
  QDense: 'qkeras.qlayers',
  QActivation: 'qkeras.qlayers',
  InputReduce: 'sparsepixels.layers',
  QConv2DSparse: 'sparsepixels.layers',
  AveragePooling2DSparse: 'sparsepixels.layers',
  MaxPooling2DSparse: 'sparsepixels.layers',
  RemoveDilatedPixels: 'sparsepixels.layers',
};

/** `{module, class_name, registered_name, name, config, inbound_nodes}` of one called layer. */
export function layerEntry(className: string, name: string, config: Json, inputs: readonly KerasRef[]): Json {
  const module = MODULES[className] ?? 'keras.layers';
  return {
    module,
    class_name: className,
    registered_name: module.startsWith('keras') ? null : className,
    name,
    config: { name, trainable: true, dtype: 'float32', ...config },
    inbound_nodes: inputs.length ? [inputs.map((r) => [r.layer, 0, r.tensor, {}])] : [],
  };
}

/** The InputLayer of an image [H, W, C] or vector [n] input. */
export function inputEntry(name: string, shape: readonly number[]): Json {
  return {
    module: 'keras.layers',
    class_name: 'InputLayer',
    registered_name: null,
    name,
    config: { batch_input_shape: [null, ...shape], dtype: 'float32', sparse: false, ragged: false, name },
    inbound_nodes: [],
  };
}

/** A QConv2D config: square odd kernel, stride 1, 'same', channels last (the only convolution the IR has). */
export function qconv2dConfig(name: string, filters: number, k: number, useBias: boolean, kernelQ: unknown, biasQ: unknown): Json {
  return {
    name,
    trainable: true,
    dtype: 'float32',
    filters,
    kernel_size: [k, k],
    strides: [1, 1],
    padding: 'same',
    data_format: 'channels_last',
    dilation_rate: [1, 1],
    groups: 1,
    activation: 'linear',
    use_bias: useBias,
    kernel_quantizer: kernelQ,
    bias_quantizer: biasQ,
    kernel_range: null,
    bias_range: null,
    mask: null,
  };
}

/** A pooling config: square pool, stride = pool size, 'valid', channels last. */
export function poolConfig(name: string, p: number): Json {
  return { name, trainable: true, dtype: 'float32', pool_size: [p, p], padding: 'valid', strides: [p, p], data_format: 'channels_last' };
}

/** The whole config.json of a functional model. */
export function functionalConfig(name: string, layers: readonly Json[], input: string, output: KerasRef): Json {
  return {
    module: 'keras.src.engine.functional',
    class_name: 'Functional',
    registered_name: 'Functional',
    config: { name, trainable: true, layers, input_layers: [[input, 0, 0]], output_layers: [[output.layer, 0, output.tensor]] },
  };
}
